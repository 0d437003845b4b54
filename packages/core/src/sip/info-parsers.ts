/** Tone length announced in INFO, in ms. */
export const DTMF_INFO_DURATION_MS = 160;

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
 * and 11 are the numeric forms of `*` and `#` some gateways send.
 */
export function parseDtmfInfo(contentType: string, body: string): string | null {
  const type = contentType.split(';')[0].trim().toLowerCase();
  const value = type === 'application/dtmf-relay' ? /^\s*signal\s*=\s*(\S+)\s*$/im.exec(body)?.[1] : type === 'application/dtmf' ? body.trim() : undefined;
  const digit = value === '10' ? '*' : value === '11' ? '#' : value;
  return digit !== undefined && /^[0-9*#A-D]$/i.test(digit) ? digit.toUpperCase() : null;
}

/** Value of the `Record` header of a received INFO, or `null` when absent or unknown. */
export function parseRecordHeader(value: string | undefined): 'on' | 'off' | null {
  const word = value?.trim().toLowerCase();
  return word === 'on' || word === 'off' ? word : null;
}
