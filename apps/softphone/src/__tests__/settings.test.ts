import { afterEach, describe, expect, test } from 'vitest';
import { connectsOnLoad, loadSettings, saveSettings, type PhoneSettings } from '../settings/settings';

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

  describe('a server named by a link (?server=)', () => {
    const remembered = () => saveSettings({ ...base, server: 'wss://pbx.example.com/ws', secret: 'hunter2', remember: true });

    test('never gets the remembered password, even for the remembered user', () => {
      remembered();
      expect(loadSettings('?server=wss://evil.example/ws')).toMatchObject({ server: 'wss://evil.example/ws', extension: '1001', secret: '', remember: false });
      // Not even when the link names the remembered server itself: the link could have come from anyone.
      expect(loadSettings('?server=wss://pbx.example.com/ws').secret).toBe('');
      // Without a server in the link the remembered one is used, with its password.
      expect(loadSettings('?connect=1')).toMatchObject({ server: 'wss://pbx.example.com/ws', secret: 'hunter2' });
    });

    test('gets the local test password only when it is on this machine', () => {
      expect(loadSettings('?server=wss://evil.example/ws&ext=1002').secret).toBe('');
      expect(loadSettings('?server=ws://localhost:5066&ext=1002').secret).toBe('secret1002');
    });

    test('never signs in on its own: connect=1 is ignored with a server in the link', () => {
      remembered();
      expect(connectsOnLoad('?server=wss://evil.example/ws&connect=1')).toBe(false);
      expect(connectsOnLoad('?ext=1002&connect=1')).toBe(true);
      expect(connectsOnLoad('?ext=1002')).toBe(false);
    });

    test('is not saved by loading the page', () => {
      remembered();
      loadSettings('?server=wss://evil.example/ws&connect=1');
      expect(loadSettings('')).toMatchObject({ server: 'wss://pbx.example.com/ws', secret: 'hunter2' });
    });
  });
});
