import { describe, expect, it } from 'vitest';
import { displayPhoneNumber } from './display-number.js';

describe('displayPhoneNumber', () => {
  it('groups North American numbers 3-3-4', () => {
    expect(displayPhoneNumber('+14155550132')).toBe('+1 415 555 0132');
    expect(displayPhoneNumber('4155550132')).toBe('415 555 0132');
    expect(displayPhoneNumber('14155550132')).toBe('1 415 555 0132');
  });
  it('splits off one-, two- and three-digit country codes', () => {
    expect(displayPhoneNumber('+442079460958')).toBe('+44 207 946 0958');
    expect(displayPhoneNumber('+4930901820')).toBe('+49 30 90 1820');
    expect(displayPhoneNumber('+35312345678')).toBe('+353 12 34 5678');
    expect(displayPhoneNumber('+33142685300')).toBe('+33 14 268 5300');
    expect(displayPhoneNumber('+74951234567')).toBe('+7 495 123 4567');
  });
  it('leaves extensions, star codes and SIP addresses as they are', () => {
    expect(displayPhoneNumber('1002')).toBe('1002');
    expect(displayPhoneNumber('*97')).toBe('*97');
    expect(displayPhoneNumber('alice@pbx.example.com')).toBe('alice@pbx.example.com');
    expect(displayPhoneNumber('sip:1002@10.0.0.1')).toBe('sip:1002@10.0.0.1');
  });
});
