'use client';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { createPhone, type PhoneApi, type PhoneConfig } from '@webphone/core';
import { bindPhoneCommands } from './commands.js';
import { PhoneContext, type PhoneContextValue } from './context.js';
import { createLocalStore } from './local-store.js';
import { mountPhone } from './mount.js';

interface PhoneProviderCommonProps {
  children?: ReactNode;
  /**
   * Connect and register when the provider mounts (default `true`). With
   * `false`, call `usePhone().start()` yourself.
   */
  autoStart?: boolean;
}

/**
 * Props of {@link PhoneProvider}: a ready `phone`, or a `config` from which
 * the provider creates one.
 */
export type PhoneProviderProps = PhoneProviderCommonProps &
  (
    | {
        /** A phone you own (a `PhoneOperator`, or a `ScriptedPhone` in tests). The provider never destroys it. */
        phone: PhoneApi;
        config?: undefined;
      }
    | {
        /**
         * The provider creates a `PhoneOperator` from this once, on first
         * render, and destroys it on unmount. Later changes are ignored: give
         * the provider a new `key` to start over with another config.
         */
        config: PhoneConfig;
        phone?: undefined;
      }
  );

/**
 * Makes a phone available to the hooks below it.
 *
 * @remarks
 * Mounting is reference counted per phone: under React StrictMode the
 * double effects register exactly once, and several providers may share one
 * phone. Rendering on the server touches no `window`, `navigator` or
 * WebSocket: the phone starts in an effect, which servers never run.
 *
 * @example
 * ```tsx
 * <PhoneProvider config={{ server: 'wss://pbx.example.com/ws', extension: '1001', password: 's3cret' }}>
 *   <App />
 * </PhoneProvider>
 * ```
 */
export function PhoneProvider(props: PhoneProviderProps): ReactNode {
  const { children, autoStart = true } = props;
  const [created] = useState<PhoneApi | null>(() => (props.phone ? null : createPhone(props.config)));
  // The props' type asks for one of the two; without either, `createPhone` throws a `PhoneConfigError`.
  const phone = props.phone ?? created!;
  const owned = phone === created;

  const value = useMemo<PhoneContextValue>(() => {
    const local = createLocalStore();
    return { phone, local, commands: bindPhoneCommands(phone, () => local.store.getState().chosen) };
  }, [phone]);

  useEffect(() => mountPhone(phone, autoStart, owned), [phone, autoStart, owned]);

  return <PhoneContext.Provider value={value}>{children}</PhoneContext.Provider>;
}
