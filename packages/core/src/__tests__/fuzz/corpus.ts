import { DOMAIN, farInvite, farRequest, responseTo, sdp } from '../support/sip-messages.js';
import { junk } from './mutators.js';
import type { Prng } from './prng.js';

/** A dialog (or early dialog) between the far end and the phone, as seen from the far end. */
export interface FarDialog {
  readonly callId: string;
  /** The far end's tag. */
  readonly farTag: string;
  /** The phone's tag, once a response or request of the phone showed it. */
  phoneTag?: string;
  /** The far end's next CSeq number in this dialog. */
  cseq: number;
  /** True when the far end sent the INVITE. */
  readonly inbound: boolean;
}

/** A well-formed or hostile Refer-To value. */
function referTo(rng: Prng, dialogs: readonly FarDialog[]): string {
  const other = dialogs.length > 0 ? rng.pick(dialogs) : undefined;
  const replaces = other && `?Replaces=${encodeURIComponent(`${other.callId};to-tag=${other.phoneTag ?? 'x'};from-tag=${other.farTag}`)}`;
  return rng.pick([
    `<sip:1003@${DOMAIN}>`,
    `<sip:1003@${DOMAIN}${replaces ?? ''}>`,
    `<sip:900123@evil.example.com>`,
    `<sips:1003@${DOMAIN}>`,
    `<tel:+4930123>`,
    `<sip:${'9'.repeat(500)}@${DOMAIN}>`,
    `<sip:1003@${DOMAIN}?Replaces=x%22%3E%0d%0aVia%3a%20evil>`,
    `<sip:1003@${DOMAIN}?Replaces=abc%3Bto-tag%3D1>`,
    `<sip:1003@${DOMAIN}?Replaces=${'%'.repeat(30)}>`,
    `<sip:1003@${DOMAIN}:99999>`,
    `<sip:%00@${DOMAIN}>`,
    `<http://example.com/>`,
    'sip:1003',
    '',
    `<sip:1003@${DOMAIN}>, <sip:1004@${DOMAIN}>`,
  ]);
}

/** A sipfrag body of a NOTIFY to a REFER. */
function sipfrag(rng: Prng): string {
  return rng.pick([
    'SIP/2.0 100 Trying',
    'SIP/2.0 180 Ringing',
    'SIP/2.0 200 OK',
    'SIP/2.0 603 Declined',
    'SIP/2.0 486 Busy',
    'SIP/2.0',
    'SIP/2.0 2000 OK',
    'HTTP/1.1 200 OK',
    '',
    junk(rng, 30),
    `SIP/2.0 200 ${'O'.repeat(5000)}`,
  ]);
}

/** The kinds of request the far end sends inside a dialog. */
export const IN_DIALOG = [
  're-INVITE',
  'BYE',
  'CANCEL',
  'ACK',
  'INFO dtmf',
  'INFO record',
  'REFER',
  'NOTIFY',
  'OPTIONS',
  'MESSAGE',
  'UPDATE',
  'PRACK',
  'SUBSCRIBE',
] as const;

/** A request of `kind` in `dialog` from the far end (a CANCEL names the dialog's INVITE). */
export function inDialogRequest(kind: (typeof IN_DIALOG)[number], dialog: FarDialog, rng: Prng, dialogs: readonly FarDialog[]): string {
  const base = { callId: dialog.callId, fromTag: dialog.farTag, toTag: dialog.phoneTag };
  const cseq = kind === 'ACK' || kind === 'CANCEL' ? dialog.cseq - 1 : dialog.cseq++;
  switch (kind) {
    case 're-INVITE':
      return farRequest({
        ...base,
        method: 'INVITE',
        cseq,
        body: rng.chance(0.8) ? sdp(rng.pick(['sendrecv', 'sendonly', 'recvonly', 'inactive']), cseq) : '',
      });
    case 'CANCEL':
      return farRequest({ method: 'CANCEL', callId: dialog.callId, fromTag: dialog.farTag, cseq: 1, branch: `z9hG4bK-${dialog.callId}-INVITE-1` });
    case 'ACK':
      return farRequest({ ...base, method: 'ACK', cseq });
    case 'INFO dtmf':
      return farRequest({
        ...base,
        method: 'INFO',
        cseq,
        contentType: rng.pick(['application/dtmf-relay', 'application/dtmf']),
        body: rng.pick(['Signal=5\r\nDuration=160\r\n', 'Signal=#\r\n', '7', 'Signal=\r\n', `Signal=1\r\n${'Duration=1\r\n'.repeat(300)}`, junk(rng, 40)]),
      });
    case 'INFO record':
      return farRequest({
        ...base,
        method: 'INFO',
        cseq,
        headers: [rng.pick(['Record: on', 'Record: off', 'Record: pause', 'Record: ', `Record: ${junk(rng, 10)}`])],
      });
    case 'REFER':
      return farRequest({
        ...base,
        method: 'REFER',
        cseq,
        headers: [`Refer-To: ${referTo(rng, dialogs)}`, ...(rng.chance(0.3) ? [`Referred-By: <sip:1002@${DOMAIN}>`] : [])],
      });
    case 'NOTIFY':
      return farRequest({
        ...base,
        method: 'NOTIFY',
        cseq,
        headers: [
          rng.pick(['Event: refer', 'Event: refer;id=1', 'Event: dialog', 'Event:']),
          rng.pick(['Subscription-State: active;expires=60', 'Subscription-State: terminated;reason=noresource', 'Subscription-State: bogus']),
        ],
        contentType: rng.pick(['message/sipfrag', 'message/sipfrag;version=2.0', 'text/plain']),
        body: sipfrag(rng),
      });
    default:
      return farRequest({ ...base, method: kind, cseq, ...(kind === 'MESSAGE' ? { contentType: 'text/plain', body: 'hello' } : {}) });
  }
}

/** A new INVITE from the far end: an ordinary call, or one with a Replaces naming a known (or made-up) dialog. */
export function newInvite(callId: string, rng: Prng, dialogs: readonly FarDialog[]): string {
  const target = dialogs.length > 0 && rng.chance(0.3) ? rng.pick(dialogs) : undefined;
  const replaces =
    target &&
    `Replaces: ${target.callId};to-tag=${rng.chance(0.8) ? (target.phoneTag ?? 'none') : 'wrong'};from-tag=${target.farTag}${rng.chance(0.2) ? ';early-only' : ''}`;
  return farInvite(callId, {
    fromTag: `far-${callId}`,
    display: rng.pick([undefined, 'Ada', 'Ada\\"Lovelace', 'Ünïcødé 😀', 'x'.repeat(300)]),
    fromUser: rng.pick(['1002', '+4930123456', 'anonymous', 'a.b-c']),
    headers: replaces ? [replaces] : [],
    body: rng.chance(0.9) ? sdp() : '',
  });
}

/** Statuses the far end answers the phone's requests with. */
const STATUSES: readonly [number, string][] = [
  [100, 'Trying'],
  [180, 'Ringing'],
  [183, 'Session Progress'],
  [200, 'OK'],
  [202, 'Accepted'],
  [400, 'Bad Request'],
  [401, 'Unauthorized'],
  [403, 'Forbidden'],
  [404, 'Not Found'],
  [407, 'Proxy Authentication Required'],
  [481, 'Call/Transaction Does Not Exist'],
  [486, 'Busy Here'],
  [487, 'Request Terminated'],
  [488, 'Not Acceptable Here'],
  [491, 'Request Pending'],
  [500, 'Server Internal Error'],
  [503, 'Service Unavailable'],
  [603, 'Decline'],
];

/** A response of the far end to `request`, one of the phone's requests; its To tag is `farTag`. */
export function farResponse(request: string, farTag: string, rng: Prng): string {
  const [status, reason] = rng.pick(STATUSES);
  const invite = request.startsWith('INVITE ');
  return responseTo(request, status, reason, {
    toTag: status === 100 ? null : farTag,
    body: invite && (status === 200 || status === 183) && rng.chance(0.9) ? sdp() : '',
    headers: [
      ...(status === 491 || status === 503 || status === 500 ? [`Retry-After: ${rng.pick(['0', '1', '5', '99999', 'x'])}`] : []),
      ...(status === 401 ? ['WWW-Authenticate: Digest realm="webphone.test", nonce="abc", qop="auth"'] : []),
      ...(status === 407 ? ['Proxy-Authenticate: Digest realm="webphone.test", nonce="abc"'] : []),
    ],
  });
}
