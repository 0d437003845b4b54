'use client';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { Listener, PhoneEventMap } from '@webphone/core';
import { usePhoneContext } from './context.js';

const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/**
 * Calls `handler` on each `event` of the phone.
 *
 * @remarks
 * Subscribes once per phone and event name; the latest `handler` is always
 * the one called, so an inline arrow function does not resubscribe. Events
 * arrive after the store holds the state they report.
 *
 * @example
 * ```tsx
 * usePhoneEvent('incoming', ({ callId }) => notify(`Call ${callId}`));
 * ```
 */
export function usePhoneEvent<K extends keyof PhoneEventMap>(event: K, handler: Listener<PhoneEventMap, K>): void {
  const { phone } = usePhoneContext('usePhoneEvent');
  const latest = useRef(handler);
  useIsomorphicLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const listener = ((...args: PhoneEventMap[K]) => latest.current(...args)) as Listener<PhoneEventMap, K>;
    phone.on(event, listener);
    return () => {
      phone.off(event, listener);
    };
  }, [phone, event]);
}
