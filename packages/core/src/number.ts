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
const PHONE_FORM = /^\+?[\d*#][\d*#\s().-]*$/;
/** Characters of a SIP user part that need no quoting in any header (RFC 3261 §25.1 unreserved and user-unreserved, minus `,;?/:%`). */
const SAFE_USER = /^[\w.~!$&'()*+=#-]+$/;
/**
 * A host name (dot-separated labels of letters and digits, hyphens only inside a label) or an IPv6
 * reference in brackets, then an optional port (group 5). No length rule: the whole input is at most 64 characters.
 */
const HOST_PORT = /^([a-z\d]+((-+|\.)[a-z\d]+)*|\[[\da-f:.]+\])(:(\d{1,5}))?$/i;

/**
 * Checks what the user dialled and splits it into user and host.
 *
 * Accepted forms: a telephone number (digits, `*`, `#`, a leading `+`;
 * spaces, dashes, dots and parentheses between digits are dropped), a SIP
 * user (`alice.smith`), `user@host`, and `sip:user@host[:port]`.
 * Everything else, and anything over {@link MAX_NUMBER_LENGTH} characters,
 * is refused.
 *
 * @remarks
 * `sips:` is refused, not dialled as `sip:`: a SIPS request must carry a
 * SIPS Contact (RFC 3261 §8.1.1.8) and sip.js 0.21 always sends a `sip:`
 * Contact, so the phone cannot make the call its caller asked for. The
 * signalling to the server is encrypted by `wss://` in any case.
 */
export function parseDialTarget(input: unknown): DialTargetResult {
  const fail = (reason: string): DialTargetResult => ({ ok: false, reason });
  if (typeof input !== 'string') return fail('not a string');
  if (input.length > MAX_NUMBER_LENGTH) return fail(`longer than ${MAX_NUMBER_LENGTH} characters`);
  // Control characters anywhere (CR/LF above all, also at the ends) are refused before any other rule looks at the text.
  // eslint-disable-next-line no-control-regex -- control characters are what this pattern refuses
  if (/[\u0000-\u001f\u007f]/.test(input)) return fail('control characters');
  const text = input.trim();
  if (text === '') return fail('empty');

  if (PHONE_FORM.test(text)) {
    const user = text.replace(/[\s().-]/g, '');
    return /^\+?[\d*#]+$/.test(user) ? { ok: true, target: { user } } : fail('"+" only leads a number');
  }

  if (/^sips:/i.test(text)) return fail('sips: is not supported: this phone cannot send a SIPS Contact');
  const withoutScheme = text.replace(/^sip:/i, '');
  const at = withoutScheme.lastIndexOf('@');
  const target: { user: string; host?: string; port?: number } = { user: at < 0 ? withoutScheme : withoutScheme.slice(0, at) };
  if (at < 0 && withoutScheme !== text) return fail('a SIP URI needs a host');
  if (!SAFE_USER.test(target.user)) return fail("the user part may hold only letters, digits and . _ ~ ! $ & ' ( ) * + = # -");
  if (at >= 0) {
    const hostPort = withoutScheme.slice(at + 1);
    const match = HOST_PORT.exec(hostPort);
    if (!match) return fail(`"${hostPort}" is not host[:port]`);
    target.host = match[1];
    if (match[5] !== undefined) {
      target.port = Number(match[5]);
      if (target.port < 1 || target.port > 65535) return fail('port out of range');
    }
  }
  return { ok: true, target };
}

/** True when `input` is something {@link parseDialTarget} accepts. */
export function isValidNumber(input: unknown): boolean {
  return parseDialTarget(input).ok;
}
