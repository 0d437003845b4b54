import { describe, expect, it } from 'vitest';
import { serversOf } from '../phone/demo-phone';
import { loadSettings } from '../settings/settings';

describe('the server field', () => {
  it('takes one URL as it is, and several separated by spaces or commas as a cluster, preferred first', () => {
    expect(serversOf(' wss://pbx.example.com/ws ')).toBe('wss://pbx.example.com/ws');
    expect(serversOf('ws://127.0.0.1:5066 ws://127.0.0.1:5067')).toEqual(['ws://127.0.0.1:5066', 'ws://127.0.0.1:5067']);
    expect(serversOf('wss://a.example/ws,\n wss://b.example/ws')).toEqual(['wss://a.example/ws', 'wss://b.example/ws']);
  });

  it('fills in the test password for a link naming only servers on this machine', () => {
    const local = loadSettings('?server=ws://127.0.0.1:5066%20ws://127.0.0.1:5067&ext=1003');
    expect(local.secret).toBe('secret1003');
    const mixed = loadSettings('?server=ws://127.0.0.1:5066%20wss://evil.example/ws&ext=1003');
    expect(mixed.secret).toBe('');
  });
});
