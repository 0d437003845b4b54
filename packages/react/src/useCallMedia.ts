'use client';
import { useEffect, useReducer } from 'react';
import { useStore } from 'zustand';
import { usePhoneContext } from './context.js';
import { recordOf } from './useSession.js';

/** The media streams of one call, as {@link useCallMedia} returns them. */
export interface CallMedia {
  /** The microphone (and camera) stream this phone sends, or `null` before it exists. */
  readonly local: MediaStream | null;
  /** The far end's stream (audio, and video when it sends some), or `null` before it arrives. */
  readonly remote: MediaStream | null;
  /** The local stream holds a live camera track: this side sends video. */
  readonly localVideo: boolean;
  /** The remote stream holds a live video track and the call has video (`isVideo`). */
  readonly remoteVideo: boolean;
}

const NONE: CallMedia = { local: null, remote: null, localVideo: false, remoteVideo: false };

const hasLiveVideo = (stream: MediaStream | null): boolean => (stream?.getVideoTracks?.() ?? []).some((track) => track.readyState !== 'ended');

/** Calls `onChange` whenever a track joins or leaves `stream`; returns the unsubscribe. */
function watchTracks(stream: MediaStream | null, onChange: () => void): () => void {
  if (!stream || typeof stream.addEventListener !== 'function') return () => undefined;
  stream.addEventListener('addtrack', onChange);
  stream.addEventListener('removetrack', onChange);
  return () => {
    stream.removeEventListener('addtrack', onChange);
    stream.removeEventListener('removetrack', onChange);
  };
}

/**
 * The local and remote media streams of a call, for `<video>` elements
 * (`@webphone/ui`'s `<CallVideo>`) or a custom player.
 *
 * @param callId - the call; omitted (or `undefined`), the current call.
 * @returns `local`/`remote` streams (`null` until they exist) and whether
 * each carries video now; all empty when there is no such call.
 *
 * @remarks
 * Follows the call's `streamAdded` event, its `isVideo` flag, and the
 * streams' `addtrack`/`removetrack` events, so switching the call between
 * audio and video (`audioToVideo`, `videoToAudio`, the far end's request)
 * re-renders the component with the new tracks. The streams are live
 * browser objects: never store them in the phone's store or serialise them.
 *
 * @example
 * ```tsx
 * const { remote, remoteVideo } = useCallMedia(callId);
 * return remoteVideo ? <video autoPlay playsInline muted ref={(v) => { if (v) v.srcObject = remote; }} /> : null;
 * ```
 */
export function useCallMedia(callId?: string | null): CallMedia {
  const { phone } = usePhoneContext('useCallMedia');
  const id = useStore(phone.store, (state) => recordOf(state, callId)?.status.callId);
  // `isVideo` flipping, or a new phase (the answer brings the streams), re-reads the session.
  const isVideo = useStore(phone.store, (state) => recordOf(state, callId)?.status.isVideo ?? false);
  const phase = useStore(phone.store, (state) => recordOf(state, callId)?.status.callStatus);
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const session = id === undefined ? null : phone.getSession(id);
  const local = session?.localStream ?? null;
  const remote = session?.remoteStream ?? null;

  useEffect(() => {
    if (!session) return;
    session.on('streamAdded', bump);
    return () => {
      session.off('streamAdded', bump);
    };
  }, [session]);
  useEffect(() => watchTracks(local, bump), [local]);
  useEffect(() => watchTracks(remote, bump), [remote]);

  if (!session) return NONE;
  // Read on each render: the streams are mutable, and `version`/`isVideo`/`phase` changes are what re-render.
  void version;
  void phase;
  return { local, remote, localVideo: hasLiveVideo(local), remoteVideo: isVideo && hasLiveVideo(remote) };
}
