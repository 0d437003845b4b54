// The public API as a strict TypeScript app uses it; compiled (never run) under moduleResolution
// bundler and nodenext by the consumer test.
import { PhoneOperator, ResultCode, isSuccess, type PhoneConfig, type PhoneState, type Result } from '@webphone/core';
import { ScriptedPhone } from '@webphone/core/testing';
import { usePhone, useRegistration, useSession, type PhoneHandle, type PhoneProviderProps } from '@webphone/react';
import { Dialer, describeRegistration, en, type DialerProps, type Messages, type SoftphoneProps } from '@webphone/ui';
import { ar } from '@webphone/ui/locales/ar';

const config: PhoneConfig = { server: 'wss://pbx.example.com:8089/ws', extension: '1001', password: 's3cret', iceServers: [] };

export function startPhone(): PhoneOperator {
  const phone = new PhoneOperator(config);
  phone.on('registrationFailed', (error: Result) => {
    if (error.code === ResultCode.RE_REGISTRY_MAX_LIMIT_TIMES) console.warn('gave up:', error.message);
  });
  phone.start();
  return phone;
}

export function isOnline(state: PhoneState): boolean {
  return state.registration.status === 'registered';
}

export function callResult(result: Result): string {
  return isSuccess(result) ? 'placed' : `refused (${result.code})`;
}

export const scripted: typeof ScriptedPhone = ScriptedPhone;
export const providerProps: PhoneProviderProps = { config, autoStart: false };
export const softphoneProps: SoftphoneProps = { title: 'Phone', messages: { call: { hangUp: 'End call' } }, shortcuts: false };
export const locales: readonly Messages[] = [en, ar];
export const dialerProps: Partial<DialerProps> = {};
export const dialer: typeof Dialer = Dialer;
export const badge: typeof describeRegistration = describeRegistration;

export function useCallNumber(callId: string): string | undefined {
  const handle: PhoneHandle = usePhone();
  const registered: boolean = usePhone((state) => state.isRegistered);
  const { status } = useRegistration();
  const number = useSession(callId, (call) => call.number);
  return registered && status === 'registered' && handle.state.calls[callId] ? number : undefined;
}
