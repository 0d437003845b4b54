/**
 * The limits {@link createInboundScreen} applies to every message the server sends.
 *
 * @remarks
 * sip.js's grammar costs 0.15–0.3 ms for each header it parses plus 2–7 µs a
 * character (its parser rebuilds its tables on every call), and it parses
 * every copy of most headers: unchecked, a 60 KB `Content-Type` blocked the
 * thread for 0.3–0.5 s, a 200,000-character display name 0.45 s and 2000
 * INVITEs 5 s. A real INVITE costs 2–3 ms.
 *
 * - `messageChars` 65,536: a SIP message is at most 65,535 bytes over UDP,
 *   and SIP servers build messages in buffers of that size (Kamailio's
 *   `BUF_SIZE`); a WebRTC offer with many candidates is 5–20 KB.
 * - `headChars` 8 KiB for the start line and headers: the header limit of
 *   HTTP servers (Apache's `LimitRequestFieldSize`, nginx's buffers); a PBX's
 *   INVITE has 0.5–3 KB of headers, a STIR/SHAKEN `Identity` about 1 KB.
 * - `headLines` 100: Apache's `LimitRequestFields`; a request through a few
 *   proxies has 15–40.
 * - `parsedWeight` 4 KiB: the headers sip.js's grammar reads (From, To,
 *   Contact, Record-Route, CSeq, the first Via…, see `GRAMMAR_HEADERS`)
 *   weigh their length plus 64 characters each (the fixed cost of a grammar
 *   call). An INVITE through six proxies weighs about 2.5 KiB; a crafted
 *   message at the limit costs 10–30 ms here.
 * - `requests` 50 at once, then 20 a second: a phone in a call sees a few a
 *   second (DTMF INFOs being the fastest).
 * - `newCalls` (INVITEs without a To tag) 10 at once, then 5 a second: a
 *   phone rings for at most a few calls; the rest are refused 486 anyway.
 *
 * Responses are not rate limited: they answer the phone's own requests.
 */
export const INBOUND_LIMITS = {
  messageChars: 65_536,
  headChars: 8192,
  headLines: 100,
  parsedWeight: 4096,
  requests: { burst: 50, perSecond: 20 },
  newCalls: { burst: 10, perSecond: 5 },
} as const;

/** Headers (and compact forms) sip.js 0.21 runs through its grammar; of Via only the first. */
const GRAMMAR_HEADERS =
  /^(v(?:ia)?|f(?:rom)?|to?|record-route|call-id|i|contact|m|content-(?:length|type|disposition)|[lcor]|cseq|max-forwards|(?:www|proxy)-authenticate|refer-to|event|subscription-state|replaces)[ \t]*:/i;

/** The weight of the headers of `lines` that sip.js parses (see `parsedWeight`), their folded continuations included. */
function grammarWeight(lines: readonly string[]): number {
  let weight = 0;
  let via = false;
  let counting = false;
  for (const line of lines) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (counting) weight += line.length;
      continue;
    }
    const name = GRAMMAR_HEADERS.exec(line)?.[1];
    const isVia = name !== undefined && /^v/i.test(name);
    counting = name !== undefined && !(isVia && via);
    via ||= isVia;
    if (counting) weight += line.length + 64;
  }
  return weight;
}

/** A token bucket: `true` while fewer than `burst` events came, refilled at `perSecond`. */
function tokenBucket({ burst, perSecond }: { burst: number; perSecond: number }): (now: number) => boolean {
  let tokens = burst;
  let at = -Infinity;
  return (now) => {
    tokens = Math.min(burst, tokens + (Math.max(0, now - at) * perSecond) / 1000);
    at = now;
    return tokens >= 1 && tokens-- > 0;
  };
}

/**
 * Returns a check that says why a raw message from the server must not
 * reach sip.js's parser, or `undefined` when it may.
 *
 * @remarks
 * It reads only lengths, line breaks and the start of the start line, so a
 * refused message costs microseconds. What it refuses is dropped, not
 * answered (513 or 503 would need the very headers it declines to parse):
 * the server's transaction times out, as for a message lost on the way.
 * Each phone connection gets its own buckets.
 */
export function createInboundScreen(now: () => number = () => Date.now()): (message: string) => string | undefined {
  const requests = tokenBucket(INBOUND_LIMITS.requests);
  const newCalls = tokenBucket(INBOUND_LIMITS.newCalls);
  return (message) => {
    if (message.length > INBOUND_LIMITS.messageChars) return 'size';
    const blank = message.indexOf('\r\n\r\n');
    const head = blank < 0 ? message : message.slice(0, blank);
    if (head.length > INBOUND_LIMITS.headChars) return 'header size';
    const lines = head.split('\n');
    if (lines.length > INBOUND_LIMITS.headLines + 1) return 'header lines';
    if (grammarWeight(lines) > INBOUND_LIMITS.parsedWeight) return 'parsed headers';
    if (message.startsWith('SIP/2.0 ')) return undefined;
    if (!requests(now())) return 'requests/s';
    // A new call is an INVITE whose To has no tag (RFC 3261 §12.1.2).
    if (message.startsWith('INVITE ') && !/^t(?:o)?[ \t]*:[^\r\n]*;[ \t]*tag[ \t]*=/im.test(head) && !newCalls(now())) return 'new calls/s';
    return undefined;
  };
}
