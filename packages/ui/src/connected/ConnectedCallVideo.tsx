'use client';
import { useCallMedia } from '@webphone/react';
import { CallVideo, type CallVideoProps } from '../CallVideo/CallVideo.js';

/** Props of {@link ConnectedCallVideo}. */
export interface ConnectedCallVideoProps extends Omit<CallVideoProps, 'remoteStream' | 'localStream'> {
  /** The call; default the current call. */
  callId?: string;
}

/**
 * {@link CallVideo} for a call of the phone under `<PhoneProvider>`, fed by
 * `useCallMedia`. Give it to `<Softphone renderVideo>` or
 * `<ConnectedActiveCall renderVideo>` to show video calls.
 */
export function ConnectedCallVideo({ callId, ...props }: ConnectedCallVideoProps) {
  const { local, remote } = useCallMedia(callId);
  return <CallVideo {...props} remoteStream={remote} localStream={local} />;
}
