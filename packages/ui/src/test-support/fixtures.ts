import type { CallStatus } from '@webphone/core';

/** A plausible `CallStatus` for tests and stories; override what matters. */
export function makeCall(overrides: Partial<CallStatus> = {}): CallStatus {
  return {
    callId: 'call-1',
    number: '+14155550132',
    name: 'Ada Lovelace',
    avatar: '',
    company: 'Analytical Engines Ltd',
    communicationType: 'outbound',
    isVideo: false,
    isRing: false,
    isHold: false,
    isMute: false,
    callStatus: 'talking',
    callStartTime: 0,
    recordStatus: 'stop',
    isTransfer: false,
    isConference: false,
    isRecovering: false,
    isAutoAnswered: false,
    isEarlyMedia: false,
    ...overrides,
  };
}

/** A clock pinned at a fixed instant, so timers render the same every run. */
export const FIXED_NOW = Date.UTC(2026, 10, 27, 15, 0, 0);
/** Returns {@link FIXED_NOW}. */
export const fixedNow = (): number => FIXED_NOW;

/** A small inline SVG avatar (no network), a data:image URL as the widgets accept. */
export const SAMPLE_AVATAR = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 88 88"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#7c9cff"/><stop offset="1" stop-color="#3557d4"/></linearGradient></defs><rect width="88" height="88" fill="url(#g)"/><circle cx="44" cy="35" r="15" fill="#eef2ff"/><path d="M14 86c4-18 16-27 30-27s26 9 30 27z" fill="#eef2ff"/></svg>',
)}`;
