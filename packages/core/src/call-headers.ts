/** A header name: an RFC 3261 §25.1 `token`, at most 64 characters. */
const TOKEN = /^[\w.!%*+`'~-]{1,64}$/;

/** Longest value accepted for a custom header, in characters. */
export const MAX_HEADER_VALUE_LENGTH = 256;

/** Most custom headers one call may carry. */
export const MAX_CUSTOM_HEADERS = 16;

/**
 * Header names the SIP stack writes itself (compact forms included, RFC 3261
 * §7.3.3): an app may not add or repeat them.
 *
 * @remarks
 * Besides the routing, dialog and authentication headers, the stack owns
 * the description of the body (every `Content-…`), the extensions it
 * negotiates (`Require`, `Proxy-Require`, `Supported`, `Allow`,
 * `Allow-Events`, `Session-Expires`, `Min-SE`, `RSeq`, `RAck`), the transfer
 * headers (`Replaces`, `Refer-To`, `Referred-By`, `Event`) and `User-Agent`.
 * One pattern rather than a list: it costs a third of the bytes.
 */
const STACK_HEADER =
  /^(?:via|from|to|call-id|cseq|contact|max-forwards|(?:record-)?route|content-[\w.!%*+`'~-]*|[vftimlcekuorbx]|(?:proxy-)?(?:authorization|require)|(?:www|proxy)-authenticate|authentication-info|supported|allow(?:-events)?|session-expires|min-se|rseq|rack|replaces|refer-to|referred-by|event|user-agent)$/i;

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
 * A name must be a token and not one the stack owns (see `STACK_HEADER`:
 * `Via`, `From`, `To`, `Call-ID`, `CSeq`, `Contact`, `Max-Forwards`, `Route`,
 * `Record-Route`, `Content-…`, `Authorization`, `Proxy-Authorization`,
 * `Require`, `Supported`, `Allow`…); a value must be a string of at most
 * {@link MAX_HEADER_VALUE_LENGTH} characters without control characters (a CR
 * or LF would start a header of its own, a NUL ends the message for many
 * parsers); at most {@link MAX_CUSTOM_HEADERS} headers.
 */
export function checkCustomHeaders(headers: unknown): CustomHeadersCheck {
  if (headers === undefined) return { ok: true, lines: [] };
  const entries = typeof headers === 'object' && headers !== null && !Array.isArray(headers) ? Object.entries(headers as Record<string, unknown>) : null;
  if (!entries || entries.length > MAX_CUSTOM_HEADERS) return { ok: false, reason: `headers: an object of at most ${MAX_CUSTOM_HEADERS} strings` };
  const lines: string[] = [];
  for (const [name, value] of entries) {
    if (!isHeaderName(name)) return { ok: false, reason: `bad name "${String(name).slice(0, 64)}"` };
    if (STACK_HEADER.test(name)) return { ok: false, reason: `${name} is written by the SIP stack` };
    if (typeof value !== 'string' || value.length > MAX_HEADER_VALUE_LENGTH || CONTROL.test(value)) {
      return { ok: false, reason: `${name}: not a string of at most ${MAX_HEADER_VALUE_LENGTH} characters without control characters` };
    }
    lines.push(`${name}: ${value.trim()}`);
  }
  return { ok: true, lines };
}
