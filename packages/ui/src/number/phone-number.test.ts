import { describe, expect, it } from 'vitest';
import { cleanNumber, isImmediateProblem, numberProblemMessage, validateNumber } from './phone-number';

describe('cleanNumber', () => {
  it.each([
    ['+1 (555) 123-4567', '+15551234567'],
    ['555.123.4567', '5551234567'],
    ['tel:+44 20 7946 0958', '+442079460958'],
    ['\u202a+49\u00a030 1234567\u202c', '+49301234567'],
    ['  *72#  ', '*72#'],
    ['+1 +555', '+1555'],
    [' alice@example.com ', 'alice@example.com'],
  ])('cleans %j to %j', (input, expected) => {
    expect(cleanNumber(input)).toBe(expected);
  });
});

describe('validateNumber', () => {
  it.each(['1002', '+15551234567', '*72#', 'alice', 'alice.smith@pbx.example.com', 'sip:1002@10.0.0.1:5060', '+1 (555) 123-4567'])('accepts %j', (input) => {
    expect(validateNumber(input).ok).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['1'.repeat(65), 'too-long'],
    ['1002;transport=tcp', 'invalid-characters'],
    ['1002\r\nVia: evil', 'invalid-characters'],
    ['<sip:1002@x>', 'invalid-characters'],
    ['alice smith', 'invalid-characters'],
    ['alice@', 'invalid-format'],
    ['@example.com', 'invalid-format'],
    ['alice@-bad-.com', 'invalid-format'],
  ])('refuses %j as %s', (input, problem) => {
    expect(validateNumber(input)).toEqual({ ok: false, problem });
  });

  it('accepts exactly 64 characters', () => {
    expect(validateNumber('1'.repeat(64))).toEqual({ ok: true, number: '1'.repeat(64) });
  });

  it('shows only character and length problems while typing', () => {
    expect(isImmediateProblem('invalid-characters')).toBe(true);
    expect(isImmediateProblem('too-long')).toBe(true);
    expect(isImmediateProblem('invalid-format')).toBe(false);
    expect(isImmediateProblem('empty')).toBe(false);
    expect(numberProblemMessage('too-long')).toMatch(/64/);
  });
});
