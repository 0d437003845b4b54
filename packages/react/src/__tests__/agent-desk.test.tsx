import { act } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ScriptedPhone } from '@webphone/core/testing';
import { usePhone, usePhoneEvent, useSession, type IncomingRefusal } from '../index.js';
import { renderWithPhone } from './support/render.js';

describe('do not disturb, auto-answer and headers through the hooks', () => {
  it('setDoNotDisturb and setAutoAnswer are commands; the store slices re-render; incomingRefused reaches usePhoneEvent', () => {
    const phone = new ScriptedPhone({ registered: true });
    const refused: IncomingRefusal[] = [];
    const { result } = renderWithPhone(phone, () => {
      usePhoneEvent('incomingRefused', (event) => refused.push(event));
      return { commands: usePhone(), settings: usePhone((s) => ({ doNotDisturb: s.doNotDisturb, autoAnswer: s.autoAnswer })) };
    });
    const { setDoNotDisturb, setAutoAnswer } = result.current.commands;
    expect(result.current.settings).toEqual({ doNotDisturb: false, autoAnswer: 'never' });
    act(() => {
      expect(setDoNotDisturb(true)).toBe(true);
      expect(setAutoAnswer('when-requested')).toBe(true);
    });
    expect(result.current.settings).toEqual({ doNotDisturb: true, autoAnswer: 'when-requested' });
    expect(result.current.commands.setDoNotDisturb).toBe(setDoNotDisturb);
    act(() => void phone.simulateIncoming({ number: '1002', name: 'Ada' }));
    expect(refused).toEqual([{ number: '1002', name: 'Ada', reason: 'do-not-disturb', code: 486 }]);
    expect(phone.commands.map((c) => c.name)).toEqual(['setDoNotDisturb', 'setAutoAnswer']);
  });

  it('useSession reads the headers of a ringing call; call() passes headers on', async () => {
    const phone = new ScriptedPhone({ registered: true });
    const { result } = renderWithPhone(phone, () => ({ session: useSession(), call: usePhone().call }));
    act(() => void phone.simulateIncoming({ number: '1002', headers: { 'X-Ticket': '4711' } }));
    expect(result.current.session?.getHeader('x-ticket')).toBe('4711');
    act(() => void result.current.session?.reject());
    await act(async () => {
      await result.current.call('1003', { headers: { 'X-Queue': 'sales' } });
    });
    expect(phone.inviteHeaders(phone.lastCallId!)).toEqual(['X-Queue: sales']);
  });
});
