/**
 * Type tests: `tsc -b` checks them (tsconfig.test.json includes this file),
 * and `npm test` runs `tsc -b` before vitest, so a wrong overload fails the
 * build. The hooks also run here, so the values match the types.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ScriptedPhone } from '@webphone/core/testing';
import {
  PhoneProvider,
  useCallTimer,
  useIncomingCalls,
  usePhone,
  usePhoneEvent,
  useRegistration,
  useSession,
  type CallRecord,
  type CallStatus,
  type PhoneApi,
  type PhoneHandle,
  type PhoneProviderProps,
  type PhoneState,
  type RegistrationView,
  type Result,
  type SessionHandle,
  type TimerType,
} from '../index.js';
import { renderWithPhone, scriptedPhone } from './support/render.js';

describe('types', () => {
  it('usePhone: no selector gives the handle, a selector gives its own return type', () => {
    const { result } = renderWithPhone(scriptedPhone(), () => {
      const handle = usePhone();
      const flag = usePhone((s) => s.isRegistered);
      const pick = usePhone((s) => ({ ids: s.callIds, max: s.isMaxCall }));
      expectTypeOf(handle).toEqualTypeOf<PhoneHandle>();
      expectTypeOf(handle.state).toEqualTypeOf<PhoneState>();
      expectTypeOf(handle.call).returns.toEqualTypeOf<Promise<Result>>();
      expectTypeOf(flag).toEqualTypeOf<boolean>();
      expectTypeOf(pick).toEqualTypeOf<{ ids: readonly string[]; max: boolean }>();
      // @ts-expect-error the selector receives PhoneState, which has no `foo`
      usePhone((s) => s.foo);
      return { flag, pick };
    });
    expect(result.current).toEqual({ flag: true, pick: { ids: [], max: false } });
  });

  it('useSession: the handle or undefined; a selector gets (CallStatus, CallRecord) and adds undefined', () => {
    const phone = scriptedPhone();
    const callId = phone.simulateIncoming({ number: '1002' });
    const { result } = renderWithPhone(phone, () => {
      const current = useSession();
      const byId = useSession(callId);
      const held = useSession(callId, (status) => status.isHold);
      const transfer = useSession(undefined, (_status, record) => record.transfer);
      expectTypeOf(current).toEqualTypeOf<SessionHandle | undefined>();
      expectTypeOf(byId).toEqualTypeOf<SessionHandle | undefined>();
      expectTypeOf(held).toEqualTypeOf<boolean | undefined>();
      expectTypeOf(transfer).toEqualTypeOf<CallRecord['transfer'] | undefined>();
      expectTypeOf<Parameters<typeof useSession<number>>[1]>().toEqualTypeOf<(status: CallStatus, record: CallRecord) => number>();
      // @ts-expect-error a selector needs the call id argument first (undefined for the current call)
      useSession((status: CallStatus) => status.isHold);
      return { held, transfer: transfer?.status };
    });
    expect(result.current).toEqual({ held: false, transfer: 'idle' });
  });

  it('the other hooks', () => {
    renderWithPhone(scriptedPhone(), () => {
      expectTypeOf(useIncomingCalls()).toEqualTypeOf<readonly CallStatus[]>();
      expectTypeOf(useRegistration()).toEqualTypeOf<RegistrationView>();
      expectTypeOf(useCallTimer('x')).toEqualTypeOf<TimerType | undefined>();
      usePhoneEvent('registrationFailed', (error) => expectTypeOf(error).toEqualTypeOf<Result>());
      usePhoneEvent('isRegisteredChange', (value) => expectTypeOf(value).toEqualTypeOf<boolean>());
      // @ts-expect-error not an event of the phone
      usePhoneEvent('ringing', () => {});
      return null;
    });
  });

  it('PhoneProvider takes a phone or a config, not both, not neither; a ScriptedPhone is a PhoneApi', () => {
    expectTypeOf<ScriptedPhone>().toExtend<PhoneApi>();
    expectTypeOf<{ phone: PhoneApi }>().toExtend<PhoneProviderProps>();
    expectTypeOf<{ config: { server: string; extension: string; password: string } }>().toExtend<PhoneProviderProps>();
    expectTypeOf<{ phone: PhoneApi; config: { server: string; extension: string } }>().not.toExtend<PhoneProviderProps>();
    expectTypeOf<{ autoStart: boolean }>().not.toExtend<PhoneProviderProps>();
    expectTypeOf(PhoneProvider).parameter(0).toEqualTypeOf<PhoneProviderProps>();
  });
});
