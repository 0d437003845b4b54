import type { ReactNode } from 'react';
import { renderHook, type RenderHookResult } from '@testing-library/react';
import { ScriptedPhone, type ScriptedPhoneOptions } from '@webphone/core/testing';
import { PhoneProvider } from '../../index.js';

/** A scripted phone that is registered already. */
export function scriptedPhone(options: ScriptedPhoneOptions = {}): ScriptedPhone {
  return new ScriptedPhone({ registered: true, ...options });
}

/** `renderHook` under a `PhoneProvider` holding `phone`. */
export function renderWithPhone<T>(phone: ScriptedPhone, hook: () => T): RenderHookResult<T, unknown> {
  const wrapper = ({ children }: { children: ReactNode }) => <PhoneProvider phone={phone}>{children}</PhoneProvider>;
  return renderHook(hook, { wrapper });
}
