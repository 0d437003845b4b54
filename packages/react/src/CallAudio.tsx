'use client';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { PhoneApi, SessionEventMap } from '@webphone/core';
import { useStore } from 'zustand';
import { usePhoneContext } from './context.js';
import type { LocalStore } from './local-store.js';

/** Autoplay state of the calls' audio, and the way out of it. */
export interface AudioPlayback {
  /** True while the browser blocks a call's audio until the user interacts with the page. */
  readonly blocked: boolean;
  /** Plays the blocked audio; call it from a click (or key) handler. */
  resume(): Promise<void>;
}

/**
 * Whether the browser blocked the calls' audio, and `resume()`: for a
 * "click to enable sound" banner anywhere under the provider.
 */
export function useAudioPlayback(): AudioPlayback {
  const { local } = usePhoneContext('useAudioPlayback');
  const blocked = useStore(local.store, (s) => s.autoplayBlocked);
  return { blocked, resume: local.resumeAudio };
}

/** Props of {@link CallAudio}. */
export interface CallAudioProps {
  /** Rendered beside the audio elements, e.g. a button that calls `resume()` while `blocked`. */
  children?: (playback: AudioPlayback) => ReactNode;
}

/**
 * Plays the remote audio of every call, on the speaker chosen with
 * `useMediaDevices` (or the phone's `deviceIds.speakerId`).
 *
 * @remarks
 * Renders one hidden `<audio>` per call. The speaker is applied with
 * `HTMLMediaElement.setSinkId` where the browser has it; elsewhere audio
 * plays on the default output. When autoplay is refused (`NotAllowedError`,
 * no user gesture yet) the state shows in `useAudioPlayback().blocked` and in
 * the render-prop `children`, so the app can ask for a click instead of
 * leaving a silent call.
 *
 * @example
 * ```tsx
 * <CallAudio>{({ blocked, resume }) => blocked && <button type="button" onClick={resume}>Enable sound</button>}</CallAudio>
 * ```
 */
export function CallAudio({ children }: CallAudioProps): ReactNode {
  const { phone, local } = usePhoneContext('CallAudio');
  const callIds = useStore(phone.store, (s) => s.callIds);
  const phoneSpeaker = useStore(phone.store, (s) => s.deviceIds.speakerId);
  const chosenSpeaker = useStore(local.store, (s) => s.chosen.speakerId);
  const playback = useAudioPlayback();
  const sinkId = chosenSpeaker ?? phoneSpeaker;
  return (
    <>
      {callIds.map((callId) => (
        <RemoteAudio key={callId} phone={phone} local={local} callId={callId} sinkId={sinkId} />
      ))}
      {children?.(playback)}
    </>
  );
}

interface RemoteAudioProps {
  phone: PhoneApi;
  local: LocalStore;
  callId: string;
  sinkId: string | undefined;
}

function RemoteAudio({ phone, local, callId, sinkId }: RemoteAudioProps): ReactNode {
  const element = useRef<HTMLAudioElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);

  useEffect(() => {
    const session = phone.getSession(callId);
    if (!session) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the stream present when subscribing; later ones arrive by the event
    setStream(session.remoteStream);
    const onStream = ({ stream: next }: SessionEventMap['streamAdded'][0]): void => setStream(next);
    session.on('streamAdded', onStream);
    return () => {
      session.off('streamAdded', onStream);
    };
  }, [phone, callId]);

  useEffect(() => {
    const audio = element.current;
    if (!audio || !stream) return;
    audio.srcObject = stream;
    let current = true;
    Promise.resolve(audio.play()).then(
      () => local.unmarkBlocked(audio),
      (error: unknown) => {
        if (current && (error as { name?: string } | null)?.name === 'NotAllowedError') local.markBlocked(audio);
      },
    );
    return () => {
      current = false;
      local.unmarkBlocked(audio);
      audio.srcObject = null;
    };
  }, [stream, local]);

  useEffect(() => {
    const audio = element.current;
    if (!audio || sinkId === undefined || typeof audio.setSinkId !== 'function') return;
    // A speaker that vanished leaves the audio on the previous output rather than failing the call.
    audio.setSinkId(sinkId).catch(() => undefined);
  }, [sinkId]);

  return <audio ref={element} autoPlay hidden data-call-id={callId} />;
}
