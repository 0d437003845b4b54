import { afterEach, describe, expect, test } from 'vitest';
import { loadSettings, saveSettings, type PhoneSettings } from '../settings/settings';

const base: PhoneSettings = {
  server: 'ws://127.0.0.1:5066',
  domain: 'webphone.test',
  extension: '1001',
  credentialType: 'password',
  secret: 'secret1001',
  displayName: 'Ada Lovelace',
  dtmfMethod: 'rfc4733',
  remember: false,
};

afterEach(() => window.localStorage.clear());

describe('settings', () => {
  test('pre-fills the local test user from the URL', () => {
    const settings = loadSettings('?ext=1002&server=ws://127.0.0.1:40000');
    expect(settings).toMatchObject({
      extension: '1002',
      secret: 'secret1002',
      server: 'ws://127.0.0.1:40000',
      domain: 'webphone.test',
      displayName: 'Grace Hopper',
    });
  });

  test('keeps the password out of localStorage unless "remember" is ticked', () => {
    saveSettings(base);
    expect(window.localStorage.getItem('webphone-demo:settings')).not.toContain('secret1001');
    saveSettings({ ...base, server: 'wss://pbx.example.com/ws', secret: 'hunter2', remember: true });
    expect(JSON.parse(window.localStorage.getItem('webphone-demo:settings')!)).toMatchObject({ secret: 'hunter2', remember: true });
    expect(loadSettings('')).toMatchObject({ server: 'wss://pbx.example.com/ws', secret: 'hunter2' });
  });

  test('a remembered password is not offered to another extension', () => {
    saveSettings({ ...base, server: 'wss://pbx.example.com/ws', secret: 'hunter2', remember: true });
    expect(loadSettings('?ext=1005').secret).toBe('');
  });
});
