/** A header name: an RFC 3261 §25.1 `token`, at most 64 characters. */
const TOKEN = /^[\w.!%*+`'~-]{1,64}$/;

/** Longest value accepted for a custom header, in characters. */
export const MAX_HEADER_VALUE_LENGTH = 256;

/** Most custom headers one call may carry. */
export const MAX_CUSTOM_HEADERS = 16;

/**
 * Header names the SIP stack writes itself, lower case (compact forms
 * included, RFC 3261 §7.3.3): an app may not add or repeat them.
 *
 * @remarks
 * Besides the routing, dialog and authentication headers, the stack owns
 * the description of the body (every `Content-…`), the extensions it
 * negotiates (`Require`, `Proxy-Require`, `Supported`, `Allow`,
 * `Allow-Events`, `Session-Expires`, `Min-SE`, `RSeq`, `RAck`) and the
 * transfer headers (`Replaces`, `Refer-To`, `Referred-By`, `Event`).
 */
const STACK_HEADERS = new Set([
  'via',
  'v',
  'from',
  'f',
  'to',
  't',
  'call-id',
  'i',
  'cseq',
  'contact',
  'm',
  'max-forwards',
  'route',
  'record-route',
  'content-length',
  'l',
  'content-type',
  'c',
  'content-encoding',
  'e',
  'content-disposition',
  'content-language',
  'authorization',
  'proxy-authorization',
  'www-authenticate',
  'proxy-authenticate',
  'authentication-info',
  'require',
  'proxy-require',
  'supported',
  'k',
  'allow',
  'allow-events',
  'u',
  'session-expires',
  'x',
  'min-se',
  'rseq',
  'rack',
  'replaces',
  'refer-to',
  'r',
  'referred-by',
  'b',
  'event',
  'o',
  'user-agent',
]);

/** True when `name` is a header name (an RFC 3261 token). */
export function isHeaderName(name: unknown): name is string {
  return typeof name === 'string' && TOKEN.test(name);
}

/** The outcome of {@link checkCustomHeaders}: the header lines to send, or why not. */
export type CustomHeadersCheck = { readonly ok: true; readonly lines: readonly string[] } | { readonly ok: false; readonly reason: string };

/** CR, LF, NUL and the other control characters but the tab (RFC 3261 §25.1 allows HTAB in values). */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/**
 * Checks the `headers` of `call(number, { headers })` and returns them as
 * header lines.
 *
 * @remarks
 * A name must be a token and not one the stack owns (see `STACK_HEADERS`:
 * `Via`, `From`, `To`, `Call-ID`, `CSeq`, `Contact`, `Max-Forwards`, `Route`,
 * `Record-Route`, `Content-…`, `Authorization`, `Proxy-Authorization`,
 * `Require`, `Supported`, `Allow`…); a value must be a string of at most
 * {@link MAX_HEADER_VALUE_LENGTH} characters without control characters (a CR
 * or LF would start a header of its own, a NUL ends the message for many
 * parsers); at most {@link MAX_CUSTOM_HEADERS} headers.
 */
export function checkCustomHeaders(headers: unknown): CustomHeadersCheck {
  if (headers === undefined) return { ok: true, lines: [] };
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) return { ok: false, reason: 'headers must be an object of strings' };
  const entries = Object.entries(headers as Record<string, unknown>);
  if (entries.length > MAX_CUSTOM_HEADERS) return { ok: false, reason: `at most ${MAX_CUSTOM_HEADERS} headers` };
  const lines: string[] = [];
  for (const [name, value] of entries) {
    if (!isHeaderName(name)) return { ok: false, reason: `"${String(name).slice(0, 64)}" is not a header name` };
    if (STACK_HEADERS.has(name.toLowerCase())) return { ok: false, reason: `${name} is written by the SIP stack` };
    if (typeof value !== 'string') return { ok: false, reason: `${name} must be a string` };
    if (value.length > MAX_HEADER_VALUE_LENGTH) return { ok: false, reason: `${name} is over ${MAX_HEADER_VALUE_LENGTH} characters` };
    if (CONTROL.test(value)) return { ok: false, reason: `${name} holds a control character` };
    lines.push(`${name}: ${value.trim()}`);
  }
  return { ok: true, lines };
}
