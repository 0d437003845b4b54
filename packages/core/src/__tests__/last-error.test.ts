import { describe, expect, it } from 'vitest';
import { ResultCode } from '../index.js';
import { ScriptedPhone } from '../testing/index.js';

describe('lastError', () => {
  it('a call() that cannot be sent (not connected) is the last error; it is not cleared by a later success', async () => {
    const phone = new ScriptedPhone();
    expect(phone.store.getState().lastError).toBeNull();
    const offline = await phone.call('1002');
    expect(offline.code).toBe(ResultCode.UNKNOWN_ERROR);
    expect(phone.store.getState().lastError).toEqual(offline);
    phone.register();
    expect((await phone.call('1002')).code).toBe(ResultCode.PHONE_SUCCESS);
    expect(phone.store.getState().lastError).toEqual(offline);
  });

  it('a command refused for its arguments or the calls state changes nothing', async () => {
    const phone = new ScriptedPhone({ registered: true });
    expect((await phone.call('<sip:1002@x>')).code).toBe(ResultCode.INVALID_NUMBER);
    expect((await phone.answer('no-such-call')).code).toBe(ResultCode.NOT_FOUND_CALL_ID);
    expect((await phone.call('1002', {}, 'no-such-parent')).code).toBe(ResultCode.ATTENDED_PARENT_NOT_FOUND);
    expect(phone.store.getState().lastError).toBeNull();
  });

  it('holds registration failures, as before', () => {
    const phone = new ScriptedPhone();
    phone.start();
    phone.failRegistration();
    expect(phone.store.getState().lastError?.code).toBe(ResultCode.REGISTRY_FAILED);
  });

  it('a phone has no generic error event: failures are results, call events and lastError', () => {
    const phone = new ScriptedPhone();
    // @ts-expect-error -- 'error' is not a phone event (it was declared and never emitted)
    phone.on('error', () => undefined);
    phone.destroy();
  });
});
