/** Tone length announced in INFO, in ms. */
export const DTMF_INFO_DURATION_MS = 160;

/** The longest received DTMF INFO body read, in characters (a real one is about 25); a longer one is malformed. */
export const MAX_DTMF_INFO_BODY = 1024;

/** The body of an `application/dtmf-relay` INFO for one digit. */
export function dtmfRelayBody(digit: string): string {
  return `Signal=${digit}\r\nDuration=${DTMF_INFO_DURATION_MS}\r\n`;
}

/**
 * The digit carried by a received INFO, or `null` when it is not DTMF or
 * is malformed.
 *
 * @remarks
 * Understands `application/dtmf-relay` (`Signal=5`, the de-facto format of
 * Cisco and most PBXs) and `application/dtmf` (the digit alone). Signal 10
 * and 11 are the numeric forms of `*` and `#` some gateways send. The body
 * comes from the network: one over {@link MAX_DTMF_INFO_BODY} characters is
 * malformed, and it is read line by line (a multi-line regular expression
 * took seconds on a body of many blank lines).
 */
export function parseDtmfInfo(contentType: string, body: string): string | null {
  const type = contentType.split(';')[0].trim().toLowerCase();
  const value =
    body.length > MAX_DTMF_INFO_BODY
      ? undefined
      : type === 'application/dtmf-relay'
        ? body
            .split('\n')
            .map((line) => /^\s*signal\s*=\s*(\S+)\s*$/i.exec(line)?.[1])
            .find(Boolean)
        : type === 'application/dtmf'
          ? body.trim()
          : undefined;
  const digit = value === '10' ? '*' : value === '11' ? '#' : value;
  return digit !== undefined && /^[0-9*#A-D]$/i.test(digit) ? digit.toUpperCase() : null;
}

/** Value of the `Record` header of a received INFO, or `null` when absent or unknown. */
export function parseRecordHeader(value: string | undefined): 'on' | 'off' | null {
  const word = value?.trim().toLowerCase();
  return word === 'on' || word === 'off' ? word : null;
}
