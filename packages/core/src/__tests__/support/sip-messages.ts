import { header } from './fake-registrar-websocket.js';

/**
 * Raw SIP text as a far end (extension 1002, through the fake registrar's
 * proxy) sends it to the phone under test (1001 on `webphone.test`), for
 * tests that feed the phone's real sip.js stack over the fake WebSocket.
 */

/** The domain of the fake registrar. */
export const DOMAIN = 'webphone.test';

/** A plausible audio offer or answer with `direction`. */
export function sdp(direction: 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive' = 'sendrecv', version = 1): string {
  return [
    'v=0',
    `o=- 4242 ${version} IN IP4 127.0.0.1`,
    's=-',
    't=0 0',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111 101',
    'c=IN IP4 127.0.0.1',
    'a=rtpmap:111 opus/48000/2',
    'a=rtpmap:101 telephone-event/8000',
    `a=${direction}`,
    '',
  ].join('\r\n');
}

/** What a request from the far end is made of; every field has a sensible default. */
export interface FarRequest {
  readonly method: string;
  readonly callId: string;
  /** The far end's tag (From). */
  readonly fromTag?: string;
  /** The phone's tag (To); none for a request that opens a dialog. */
  readonly toTag?: string;
  readonly cseq?: number;
  /** The Via branch; a CANCEL must repeat its INVITE's (RFC 3261 §9.1). */
  readonly branch?: string;
  readonly display?: string;
  readonly fromUser?: string;
  readonly uri?: string;
  readonly body?: string;
  readonly contentType?: string;
  /** Extra header lines, inserted before Content-Type. */
  readonly headers?: readonly string[];
}

/** Builds a far-end request with a correct Content-Length (UTF-8 bytes of the body). */
export function farRequest(request: FarRequest): string {
  const { method, callId, body = '' } = request;
  const user = request.fromUser ?? '1002';
  return [
    `${method} ${request.uri ?? `sip:1001@${DOMAIN}`} SIP/2.0`,
    `Via: SIP/2.0/WSS 127.0.0.1:8443;branch=${request.branch ?? `z9hG4bK-${callId}-${method}-${request.cseq ?? 1}`}`,
    'Max-Forwards: 70',
    `From: ${request.display === undefined ? '' : `"${request.display}" `}<sip:${user}@${DOMAIN}>;tag=${request.fromTag ?? `far-${callId}`}`,
    `To: <sip:1001@${DOMAIN}>${request.toTag ? `;tag=${request.toTag}` : ''}`,
    `Call-ID: ${callId}`,
    `CSeq: ${request.cseq ?? 1} ${method}`,
    `Contact: <sip:${user}@127.0.0.1:8443;transport=ws>`,
    ...(request.headers ?? []),
    ...(body ? [`Content-Type: ${request.contentType ?? 'application/sdp'}`] : []),
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n');
}

/** An INVITE that opens a new call from 1002 with an SDP offer. */
export function farInvite(callId: string, extra: Partial<FarRequest> = {}): string {
  return farRequest({ method: 'INVITE', callId, body: sdp(), ...extra });
}

/**
 * A response to `request` (a request the phone sent) with `status`; the
 * To tag is added unless the request's To has one, or `toTag` is `null`.
 */
export function responseTo(
  request: string,
  status: number,
  reason: string,
  options: { toTag?: string | null; body?: string; contentType?: string; headers?: readonly string[] } = {},
): string {
  const to = header(request, 'to')[0] ?? '';
  const tag = options.toTag === null || /;\s*tag=/i.test(to) ? '' : `;tag=${options.toTag ?? 'far-answer'}`;
  const body = options.body ?? '';
  return [
    `SIP/2.0 ${status} ${reason}`,
    ...header(request, 'via').map((value) => `Via: ${value}`),
    `From: ${header(request, 'from')[0]}`,
    `To: ${to}${tag}`,
    `Call-ID: ${header(request, 'call-id')[0]}`,
    `CSeq: ${header(request, 'cseq')[0]}`,
    ...(status >= 200 && status < 300 && /^(INVITE|SUBSCRIBE|REFER) /.test(request) ? ['Contact: <sip:1002@127.0.0.1:8443;transport=ws>'] : []),
    ...(options.headers ?? []),
    ...(body ? [`Content-Type: ${options.contentType ?? 'application/sdp'}`] : []),
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n');
}

/** The status code of a SIP response the phone sent, and the Call-ID and CSeq method it answers. */
export function readResponse(response: string): { status: number; callId: string; method: string; toTag: string | undefined } {
  const cseq = header(response, 'cseq')[0] ?? '';
  return {
    status: Number(/^SIP\/2\.0 (\d{3})/.exec(response)?.[1] ?? 0),
    callId: header(response, 'call-id')[0] ?? '',
    method: cseq.split(/\s+/)[1] ?? '',
    toTag: /;\s*tag=([^;\s]+)/i.exec(header(response, 'to')[0] ?? '')?.[1],
  };
}
