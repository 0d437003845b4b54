'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { cx } from '../internal/cx.js';
import { useMessages } from '../messages/WebphoneMessages.js';

/** Props of {@link CallVideo}. */
export interface CallVideoProps {
  /** The far end's stream (`useCallMedia().remote`); its video track is shown, its audio left to `<CallAudio>`. */
  remoteStream: MediaStream | null;
  /** This side's stream (`useCallMedia().local`), shown small in a corner when it has a camera track. */
  localStream?: MediaStream | null;
  /** How the far end's picture fills the frame: `'cover'` crops, `'contain'` letterboxes. Default `'cover'`. */
  objectFit?: 'cover' | 'contain';
  /** Mirror the local preview, as a mirror would show the user. Default `true`. */
  mirrorLocal?: boolean;
  /** Name of the far end's video, for screen readers. Default `messages.video.remote`. */
  remoteLabel?: string;
  /** Name of the local preview. Default `messages.video.local`. */
  localLabel?: string;
  /** Shown while the far end sends no video. Default `messages.video.noVideo`. */
  noVideoText?: string;
  /** The button shown when the browser blocked playback until a click. Default `messages.video.start`. */
  blockedText?: string;
  className?: string;
}

const liveVideo = (stream: MediaStream | null | undefined): boolean => (stream?.getVideoTracks?.() ?? []).some((track) => track.readyState !== 'ended');

/** `stream` once it (re)gains or loses a video track: the stream object stays the same while tracks come and go. */
function useHasVideo(stream: MediaStream | null | undefined): boolean {
  const [, setVersion] = useState(0);
  useEffect(() => {
    if (!stream || typeof stream.addEventListener !== 'function') return;
    const bump = (): void => setVersion((n) => n + 1);
    stream.addEventListener('addtrack', bump);
    stream.addEventListener('removetrack', bump);
    return () => {
      stream.removeEventListener('addtrack', bump);
      stream.removeEventListener('removetrack', bump);
    };
  }, [stream]);
  return liveVideo(stream);
}

/** A muted, inline `<video>` playing `stream`; reports a play() refused by the autoplay policy. */
function StreamVideo({
  stream,
  label,
  className,
  onBlocked,
}: {
  stream: MediaStream;
  label: string;
  className: string;
  onBlocked: (play: () => void) => void;
}) {
  const element = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = element.current;
    if (!video) return;
    video.srcObject = stream;
    let current = true;
    const play = (): void => {
      Promise.resolve(video.play()).catch((error: unknown) => {
        if (current && (error as { name?: string } | null)?.name === 'NotAllowedError') onBlocked(play);
      });
    };
    play();
    return () => {
      current = false;
      video.srcObject = null;
    };
  }, [stream, onBlocked]);
  // Muted: the call's sound plays through <CallAudio>, and a muted video may start without a user gesture.
  return <video ref={element} className={className} aria-label={label} autoPlay playsInline muted />;
}

/**
 * The video of a call: the far end's picture, with this side's camera as a
 * muted picture-in-picture preview.
 *
 * @remarks
 * Both videos are muted and `playsInline` (iOS would otherwise go full
 * screen); sound stays with `<CallAudio>`. When the browser refuses to start
 * playback (`NotAllowedError`, no user gesture yet) a button asks for the
 * click that starts it. Tracks that join or leave the streams (switching a
 * call between audio and video) update the view. Not part of `<Softphone>`
 * unless given to it: an app without video never loads it.
 */
export function CallVideo({
  remoteStream,
  localStream,
  objectFit = 'cover',
  mirrorLocal = true,
  remoteLabel,
  localLabel,
  noVideoText,
  blockedText,
  className,
}: CallVideoProps) {
  const m = useMessages();
  const remoteVideo = useHasVideo(remoteStream);
  const localVideo = useHasVideo(localStream);
  const [blocked, setBlocked] = useState<readonly (() => void)[]>([]);
  // Stable: a new callback would restart playback.
  const onBlocked = useCallback((play: () => void) => setBlocked((list) => [...list, play]), []);
  const resume = (): void => {
    const waiting = blocked;
    setBlocked([]);
    for (const play of waiting) play();
  };
  return (
    <div className={cx('wp-video', className)} data-fit={objectFit}>
      {remoteStream && remoteVideo ? (
        <StreamVideo stream={remoteStream} label={remoteLabel ?? m.video.remote} className="wp-video__remote" onBlocked={onBlocked} />
      ) : (
        <p className="wp-video__empty">{noVideoText ?? m.video.noVideo}</p>
      )}
      {localStream && localVideo && (
        <StreamVideo
          stream={localStream}
          label={localLabel ?? m.video.local}
          className={cx('wp-video__local', mirrorLocal && 'wp-video__local--mirror')}
          onBlocked={onBlocked}
        />
      )}
      {blocked.length > 0 && (
        <button type="button" className="wp-button wp-video__start" onClick={resume}>
          {blockedText ?? m.video.start}
        </button>
      )}
    </div>
  );
}
