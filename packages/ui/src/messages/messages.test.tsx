import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ActiveCall } from '../ActiveCall/ActiveCall.js';
import { ar } from '../locales/ar.js';
import { makeCall } from '../test-support/fixtures.js';
import { en } from './en.js';
import { formatClock, pluralText } from './intl.js';
import { mergeMessages } from './merge-messages.js';
import type { Messages } from './messages.js';
import { WebphoneMessages } from './WebphoneMessages.js';

/** Every key path of a messages object (functions are leaves). */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe('messages', () => {
  it('a complete locale must have every key: leaving one out fails the type check', () => {
    const { hangUp: _left, ...callWithoutHangUp } = en.call;
    // @ts-expect-error -- `call.hangUp` is missing, so this is not a complete locale.
    const incomplete: Messages = { ...en, call: callWithoutHangUp };
    expect(incomplete.call.hangUp).toBeUndefined();
  });

  it('the Arabic locale has exactly the keys of the English one', () => {
    expect(keyPaths(ar).sort()).toEqual(keyPaths(en).sort());
  });

  it('merges a deep-partial override without touching the base', () => {
    const merged = mergeMessages(en, { call: { hangUp: 'End call' }, dir: 'rtl' });
    expect(merged.call.hangUp).toBe('End call');
    expect(merged.call.mute).toBe('Mute');
    expect(merged.dir).toBe('rtl');
    expect(en.call.hangUp).toBe('Hang up');
    expect(mergeMessages(en, undefined)).toBe(en);
  });

  it('picks plural forms with Intl.PluralRules, Arabic with all six', () => {
    const forms = { zero: 'z#', one: 'o#', two: 't#', few: 'f#', many: 'm#', other: 'x#' };
    expect([0, 1, 2, 3, 11, 100].map((n) => pluralText('ar', n, forms))).toEqual(['z0', 'o1', 't2', 'f3', 'm11', 'x100']);
    expect([0, 1, 2].map((n) => en.switcher.label(n))).toEqual(['0 calls', '1 call', '2 calls']);
    expect([2, 3, 11].map((n) => ar.switcher.label(n))).toEqual(['مكالمتان', '3 مكالمات', '11 مكالمة']);
    expect(en.numberProblems.tooLong(64)).toBe('Numbers can be at most 64 characters.');
    expect(ar.numberProblems.tooLong(64)).toBe('لا يتجاوز الرقم 64 حرفًا.');
  });

  it('formats clocks with Intl digits', () => {
    expect(formatClock('en', 65)).toBe('1:05');
    expect(formatClock('en', 3725)).toBe('1:02:05');
    expect(formatClock('ar-EG', 65)).toBe('١:٠٥');
  });

  it('reaches the widgets through <WebphoneMessages>, nested providers changing a few texts of the outer locale', () => {
    const talking = makeCall({ callStatus: 'talking', isMute: true });
    render(
      <WebphoneMessages messages={ar}>
        <WebphoneMessages messages={{ call: { hangUp: 'أنهِ' } }}>
          <ActiveCall call={talking} onHangup={() => undefined} onMuteChange={() => undefined} />
        </WebphoneMessages>
      </WebphoneMessages>,
    );
    expect(screen.getByRole('region')).toHaveAttribute('dir', 'rtl');
    expect(screen.getByRole('button', { name: 'أنهِ' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'إلغاء الكتم' })).toHaveAttribute('aria-pressed', 'true');
  });
});
