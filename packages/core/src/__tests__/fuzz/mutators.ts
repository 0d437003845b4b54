import type { Prng } from './prng.js';

/** A change to a raw SIP message, as a hostile or broken peer would make it. */
export type Mutator = (message: string, rng: Prng) => string;

const JUNK = [
  '\u0000',
  '\u0001',
  '\u007f',
  '\u202e',
  '\ufffd',
  '\ud800',
  '😀',
  'é',
  '"',
  '<',
  '>',
  ';',
  ',',
  ':',
  '\\',
  '%',
  '%00',
  '\r',
  '\n',
  '\t',
  ' ',
  '=',
  '@',
];

const split = (message: string): { head: string[]; body: string } => {
  const blank = message.indexOf('\r\n\r\n');
  return blank < 0 ? { head: message.split('\r\n'), body: '' } : { head: message.slice(0, blank).split('\r\n'), body: message.slice(blank + 4) };
};
const join = (head: readonly string[], body: string): string => `${head.join('\r\n')}\r\n\r\n${body}`;

/** Returns `count` random junk characters. */
export function junk(rng: Prng, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += rng.chance(0.5) ? rng.pick(JUNK) : String.fromCharCode(rng.int(0, 0xffff));
  return text;
}

/** The mutators by name; a run picks one to three per mutated message. */
export const MUTATORS: Readonly<Record<string, Mutator>> = {
  truncate: (message, rng) => message.slice(0, rng.int(0, message.length)),
  oversizeHeader(message, rng) {
    const { head, body } = split(message);
    const i = rng.int(1, Math.max(1, head.length - 1));
    const size = rng.pick([200, 2000, 5000, 9000, 70_000]);
    head[i] = `${head[i] ?? 'X-Pad:'}${rng.pick([';a=b', 'y', ',<sip:a@b>', ' '])!.repeat(Math.ceil(size / 4))}`;
    return join(head, body);
  },
  duplicateHeader(message, rng) {
    const { head, body } = split(message);
    const i = rng.int(1, Math.max(1, head.length - 1));
    const copies = rng.pick([1, 2, 5, 40, 150]);
    head.splice(i, 0, ...Array<string>(copies).fill(head[i] ?? ''));
    return join(head, body);
  },
  dropHeader(message, rng) {
    const { head, body } = split(message);
    head.splice(rng.int(1, Math.max(1, head.length - 1)), 1);
    return join(head, body);
  },
  contradictoryHeader(message, rng) {
    const { head, body } = split(message);
    const extra = rng.pick([
      'Content-Length: 99999',
      'Content-Length: -1',
      'Content-Length: abc',
      'l: 0',
      'CSeq: 1 BYE',
      'CSeq: 99999999999 INVITE',
      'Call-ID: other-call',
      'To: <sip:1001@webphone.test>;tag=someone-else',
      'From: <sip:evil@elsewhere.test>;tag=x',
      'Content-Type: text/plain',
      'Max-Forwards: 0',
      'Via: SIP/2.0/UDP 10.9.9.9;branch=z9hG4bKother',
      'Require: 100rel, timer, foo',
      'Session-Expires: 1;refresher=uac',
      'Expires: -5',
    ]);
    head.splice(rng.int(1, head.length), 0, extra);
    return join(head, body);
  },
  wrongContentLength(message, rng) {
    return message.replace(/^(Content-Length|l)\s*:.*$/im, `Content-Length: ${rng.pick(['0', '1', '5', '100000', '-3', '', 'x', String(rng.int(0, 5000))])}`);
  },
  corruptChars(message, rng) {
    const chars = [...message];
    for (let n = rng.int(1, 8); n > 0; n--) chars[rng.int(0, Math.max(0, chars.length - 1))] = junk(rng, 1);
    return chars.join('');
  },
  badBody(message, rng) {
    const { head, body } = split(message);
    const replaced = rng.pick([
      '',
      'v=0\r\n',
      'v=0\r\no=- x x IN IP4 a\r\ns=-\r\nt=0 0\r\nm=audio notaport RTP/AVP 0\r\n',
      'v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=sendrecv\r\na=sendonly\r\na=inactive\r\n',
      `v=0\r\n${'m=audio 9 RTP/AVP 0\r\n'.repeat(500)}`,
      `v=0\r\na=${'x'.repeat(30_000)}\r\n`,
      body.replace(/\r\n/g, '\n'),
      body.slice(0, Math.floor(body.length / 2)),
      junk(rng, 64),
      'SIP/2.0 200 OK',
      'Signal=5\r\nDuration=160\r\n',
      'Record: on\r\n',
    ]);
    return join(head, replaced).replace(/^(Content-Length|l)\s*:.*$/im, `Content-Length: ${Buffer.byteLength(replaced)}`);
  },
  lineEndings: (message, rng) => (rng.chance(0.5) ? message.replace(/\r\n/g, '\n') : message.replace(/\r\n/g, '\r')),
  crlfStorm: (message, rng) => (rng.chance(0.5) ? '\r\n'.repeat(rng.int(1, 5000)) + message : message + '\r\n'.repeat(rng.int(1, 5000))),
  foldHeader(message, rng) {
    const { head, body } = split(message);
    const i = rng.int(1, Math.max(1, head.length - 1));
    head[i] = (head[i] ?? '').replace(/;/g, '\r\n ;').replace(/:/, rng.chance(0.5) ? ' :' : ':\r\n\t');
    return join(head, body);
  },
  compactAndCase: (message) =>
    message
      .replace(/^From:/im, 'f:')
      .replace(/^To:/im, 't:')
      .replace(/^Call-ID:/im, 'i:')
      .replace(/^Content-Type:/im, 'CONTENT-TYPE:')
      .replace(/^Via:/im, 'v:'),
  startLine(message, rng) {
    const end = message.indexOf('\r\n');
    const line = rng.pick([
      'INVITE  sip:1001@webphone.test SIP/2.0',
      'INVITE sip:1001@webphone.test SIP/3.0',
      'SIP/2.0 999999 Huge',
      'SIP/2.0 20 OK',
      'BOGUS sip:x SIP/2.0',
      '',
      junk(rng, 20),
    ]);
    return line + (end < 0 ? '' : message.slice(end));
  },
};
