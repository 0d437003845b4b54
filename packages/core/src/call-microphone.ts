import type { LiveCall } from './live-call.js';
import { setAudioEnabled } from './media/user-media.js';

/** The call state the microphone follows (a call's `CallStatus`, or the part of it known). */
export interface MicrophoneStatus {
  readonly isMute?: boolean;
  readonly isHold?: boolean;
}

/**
 * Switches the local audio of a call on or off: it sends sound only while
 * the call is neither muted, nor on hold, nor being put on hold.
 *
 * @remarks
 * A held call's re-INVITE says `sendonly`: our side keeps sending (RFC 3264
 * §8.4), so without this the party on hold would hear everything said at
 * the desk. The track goes silent as soon as a hold is asked for
 * (`holdWanted` true), stays silent while an unhold waits for the far end's
 * answer (`isHold` is still true), and sounds again only when no hold is
 * wanted or in force and the call is not muted. Mute and hold stay
 * independent: unholding a muted call leaves it silent. `holdWanted`, when
 * given, is remembered on the call. A disabled track sends silence, not nothing.
 */
export function applyMicrophone(live: LiveCall, status: MicrophoneStatus | undefined, holdWanted?: boolean): void {
  if (holdWanted !== undefined) live.holdWanted = holdWanted;
  // No status: the call has ended and its tracks are stopped.
  if (!status) return;
  const enabled = !(status.isMute || status.isHold || live.holdWanted);
  setAudioEnabled(live.localStream, enabled);
  const handlerStream = live.sip.media?.localMediaStream;
  if (handlerStream !== live.localStream) setAudioEnabled(handlerStream, enabled);
}
