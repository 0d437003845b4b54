import { describe, expect, it } from 'vitest';
import { initialsFor, safeAvatarUrl } from './safe-avatar-url.js';

describe('safeAvatarUrl', () => {
  it.each([
    'https://cdn.example.com/a.png',
    'http://127.0.0.1:8080/avatar?id=1',
    'data:image/png;base64,iVBORw0KGgo=',
    'data:image/svg+xml,%3Csvg%3E%3C/svg%3E',
  ])('keeps %j', (url) => {
    expect(safeAvatarUrl(url)).not.toBeNull();
  });

  it.each([
    'javascript:alert(1)',
    ' \tjavascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'blob:https://example.com/uuid',
    'file:///etc/passwd',
    '/relative/avatar.png',
    '//evil.example/a.png',
    '',
    undefined,
    null,
  ])('refuses %j', (url) => {
    expect(safeAvatarUrl(url)).toBeNull();
  });
});

describe('initialsFor', () => {
  it('takes first and last initials', () => {
    expect(initialsFor('Ada Lovelace', '1001')).toBe('AL');
    expect(initialsFor('  émile  ', '1001')).toBe('É');
    expect(initialsFor('Mary Ann Smith', '')).toBe('MS');
  });
  it('gives no initials without a name (the avatar shows a person, never digits)', () => {
    expect(initialsFor('', '+1 555 0199')).toBe('');
    expect(initialsFor('  ', '')).toBe('');
    // A display name that is only a number is no name either.
    expect(initialsFor('+1 555 0199', '')).toBe('');
    expect(initialsFor('R2 D2', '')).toBe('RD');
  });
});
