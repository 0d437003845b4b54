'use client';
import { usePhone } from '@webphone/react';
import { useEffect } from 'react';
import { startRingback, type RingbackSound } from '../audio/ringback.js';
import { activeCallIdOf } from './call-selection.js';

/**
 * Plays `sound` while the shown call is an outgoing one whose far end rings
 * without early media (`calling`, `isRing`, not `isEarlyMedia`).
 *
 * @remarks
 * Stops when the far end answers, the call ends, or early media starts (the
 * far end's own audio, RFC 3960, replaces the local tone). Needs a
 * `<PhoneProvider>` above.
 */
export function useRingback(sound: RingbackSound): void {
  const ringing = usePhone((s) => {
    const id = activeCallIdOf(s);
    const call = id === null ? undefined : s.calls[id]?.status;
    return call !== undefined && call.communicationType === 'outbound' && call.callStatus === 'calling' && call.isRing && !call.isEarlyMedia;
  });
  // Primitive dependencies, so an inline `{ src }` prop does not restart the sound on every render.
  const src = typeof sound === 'object' ? sound.src : null;
  const region = typeof sound === 'string' ? sound : null;
  useEffect(() => {
    if (!ringing) return undefined;
    return startRingback(src !== null ? { src } : (region ?? false));
  }, [ringing, src, region]);
}
