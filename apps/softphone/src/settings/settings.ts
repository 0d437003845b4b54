import type { DtmfMethod } from '@webphone/react';
import { TEST_DIRECTORY } from '../phone/test-directory';

/** What the connection form asks for. */
export interface PhoneSettings {
  /** WebSocket URL of the SIP server. */
  server: string;
  /** SIP domain and digest realm. */
  domain: string;
  extension: string;
  /** Whether `secret` is the password or its HA1 (MD5 of `user:realm:password`). */
  credentialType: 'password' | 'ha1';
  secret: string;
  displayName: string;
  dtmfMethod: DtmfMethod;
  /** Keep the password (or HA1) in `localStorage`. */
  remember: boolean;
}

const STORAGE_KEY = 'webphone-demo:settings';
/** The local SIP server of `npm run demo` (tools/sip-server). */
export const LOCAL_SERVER = 'ws://127.0.0.1:5066';
export const LOCAL_DOMAIN = 'webphone.test';

/** The test users' password on the local SIP server: `secret<extension>`. */
export function localPassword(extension: string): string {
  return `secret${extension}`;
}

function serverFromEnvironment(params: URLSearchParams): string {
  return params.get('server') ?? (import.meta.env.VITE_SIP_SERVER as string | undefined) ?? LOCAL_SERVER;
}

function read(): Partial<PhoneSettings> {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Partial<PhoneSettings>) : {};
  } catch {
    return {};
  }
}

/**
 * The form's starting values: the URL (`?server=`, `?ext=`), then what was
 * saved, then defaults for the local SIP server.
 *
 * @remarks
 * `?ext=` picks another test user: its local password is filled in unless a
 * remembered one exists for that same extension.
 */
export function loadSettings(search: string = window.location.search): PhoneSettings {
  const params = new URLSearchParams(search);
  const saved = read();
  const urlServer = params.get('server') !== null;
  const extension = params.get('ext') ?? saved.extension ?? '1001';
  const sameUser = saved.extension === extension;
  const server = urlServer ? serverFromEnvironment(params) : (saved.server ?? serverFromEnvironment(params));
  const isLocal = server === serverFromEnvironment(params);
  const rememberedSecret = sameUser && saved.remember && typeof saved.secret === 'string' ? saved.secret : undefined;
  return {
    server,
    domain: saved.domain ?? LOCAL_DOMAIN,
    extension,
    credentialType: rememberedSecret !== undefined ? (saved.credentialType ?? 'password') : 'password',
    secret: rememberedSecret ?? (isLocal ? localPassword(extension) : ''),
    displayName: params.get('name') ?? (sameUser ? saved.displayName : undefined) ?? TEST_DIRECTORY[extension] ?? '',
    dtmfMethod: params.get('dtmf') === 'info' ? 'info' : saved.dtmfMethod === 'info' && sameUser ? 'info' : 'rfc4733',
    remember: saved.remember ?? false,
  };
}

/** Saves the settings; the password (or HA1) only when `remember` is ticked. */
export function saveSettings(settings: PhoneSettings): void {
  // JSON.stringify drops the undefined secret.
  const stored = settings.remember ? settings : { ...settings, secret: undefined };
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
  } catch {
    // Private mode or a full quota: the demo still works, it just forgets.
  }
}
