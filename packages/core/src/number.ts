/**
 * Validation of the numbers and addresses a user dials.
 *
 * @remarks
 * Whatever passes here is later turned into a SIP URI by sip.js's URI class
 * (which escapes the user part); nothing here is ever concatenated into a
 * header. The rules are deliberately narrower than RFC 3261 allows: CR, LF,
 * `<`, `>`, `;`, `,`, `"`, `%`, `?` and whitespace inside an address are
 * refused outright, so header and parameter injection cannot start here.
 */

/** The longest input accepted, in characters. */
export const MAX_NUMBER_LENGTH = 64;

/** A validated dial target: a SIP user part and, when given, a host. */
export interface DialTarget {
  /** The user part, unescaped (e.g. `'1002'`, `'*97'`, `'+4930123'`, `'alice.smith'`). */
  readonly user: string;
  /** The host when the input named one (`'1002@example.com'`, `'sip:1002@example.com:5060'`); else the phone's domain is used. */
  readonly host?: string;
  /** The port when the input named one. */
  readonly port?: number;
}

/** Outcome of {@link parseDialTarget}. */
export type DialTargetResult = { readonly ok: true; readonly target: DialTarget } | { readonly ok: false; readonly reason: string };

/** Separators people type in telephone numbers; removed, never sent. */
const PHONE_FORM = /^\+?[0-9*#][0-9*#\s().-]*$/;
/** Characters of a SIP user part that need no quoting in any header (RFC 3261 §25.1 unreserved and user-unreserved, minus `,;?/:%`). */
const SAFE_USER = /^[A-Za-z0-9._~!$&'()*+=#-]+$/;
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const IPV6_REFERENCE = /^\[[0-9A-Fa-f:.]+\]$/;

function fail(reason: string): DialTargetResult {
  return { ok: false, reason };
}

/**
 * Checks what the user dialled and splits it into user and host.
 *
 * Accepted forms: a telephone number (digits, `*`, `#`, a leading `+`;
 * spaces, dashes, dots and parentheses between digits are dropped), a SIP
 * user (`alice.smith`), `user@host`, and `sip:user@host[:port]` /
 * `sips:…`. Everything else, and anything over
 * {@link MAX_NUMBER_LENGTH} characters, is refused.
 */
export function parseDialTarget(input: unknown): DialTargetResult {
  if (typeof input !== 'string') return fail('not a string');
  if (input.length > MAX_NUMBER_LENGTH) return fail(`longer than ${MAX_NUMBER_LENGTH} characters`);
  // Control characters anywhere (CR/LF above all, also at the ends) are refused before any other rule looks at the text.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(input)) return fail('contains control characters');
  const text = input.trim();
  if (text === '') return fail('empty');

  if (PHONE_FORM.test(text)) {
    const user = text.replace(/[\s().-]/g, '');
    if (!/^\+?[0-9*#]+$/.test(user)) return fail('a "+" may only lead a telephone number');
    return { ok: true, target: { user } };
  }

  const withoutScheme = text.replace(/^sips?:/i, '');
  const at = withoutScheme.lastIndexOf('@');
  const user = at === -1 ? withoutScheme : withoutScheme.slice(0, at);
  const hostPort = at === -1 ? undefined : withoutScheme.slice(at + 1);
  if (withoutScheme !== text && hostPort === undefined) return fail('a SIP URI needs user@host');
  if (user === '' || !SAFE_USER.test(user)) return fail('the user part may hold only letters, digits and . _ ~ ! $ & \' ( ) * + = # -');
  if (hostPort === undefined) return { ok: true, target: { user } };

  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(hostPort);
  if (!match) return fail('the host part is not host[:port]');
  const host = match[1];
  if (!HOST_NAME.test(host) && !IPV6_REFERENCE.test(host)) return fail(`"${host}" is not a host name`);
  if (match[2] === undefined) return { ok: true, target: { user, host } };
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return fail('port out of range');
  return { ok: true, target: { user, host, port } };
}

/** True when `input` is something {@link parseDialTarget} accepts. */
export function isValidNumber(input: unknown): boolean {
  return parseDialTarget(input).ok;
}
