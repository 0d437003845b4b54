// @ts-check
/**
 * A minimal session description handler for Node, where there is no WebRTC:
 * produces a small valid SDP and accepts any. Both sides of a benchmark use
 * the same one, so signalling cost is compared, not media set-up.
 */
let counter = 0;

/** @param {string} direction */
function sdp(direction) {
  counter += 1;
  return [
    'v=0',
    `o=- ${counter} 1 IN IP4 127.0.0.1`,
    's=-',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    'm=audio 9 RTP/AVP 0',
    'a=rtpmap:0 PCMU/8000',
    `a=${direction}`,
    '',
  ].join('\r\n');
}

class FakeSessionDescriptionHandler {
  /** @param {{ hold?: boolean } | undefined} options */
  getDescription(options) {
    return Promise.resolve({ body: sdp(options?.hold ? 'sendonly' : 'sendrecv'), contentType: 'application/sdp' });
  }
  /** @param {string} contentType */
  hasDescription(contentType) {
    return contentType === 'application/sdp';
  }
  setDescription() {
    return Promise.resolve();
  }
  sendDtmf() {
    return false;
  }
  rollbackDescription() {
    return Promise.resolve();
  }
  close() {}
}

/** A sip.js SessionDescriptionHandlerFactory. */
export const fakeSessionDescriptionHandlerFactory = () => new FakeSessionDescriptionHandler();
