import { isLoopbackHost } from '@webphone/core';
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

/** The server of `npm run demo` (`VITE_SIP_SERVER`), else the local SIP server. */
function defaultServer(): string {
  return (import.meta.env.VITE_SIP_SERVER as string | undefined) ?? LOCAL_SERVER;
}

/** True when `server` names only WebSocket URLs on this machine (where the test users' passwords are no secret); several are separated by spaces. */
function isOnThisMachine(server: string): boolean {
  const urls = server.split(/[\s,]+/).filter(Boolean);
  try {
    return urls.length > 0 && urls.every((url) => isLoopbackHost(new URL(url).hostname));
  } catch {
    return false;
  }
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
 *
 * A server named by the link (`?server=`) only pre-fills the form: a link
 * can come from anyone, so that server never gets the remembered password
 * (not even when it is the remembered server), "Remember password" starts
 * unticked, the page never signs in to it on its own (see
 * {@link connectsOnLoad}), and it is saved only when the user signs in by hand.
 * The test users' local password is filled in for a server on this machine.
 */
export function loadSettings(search: string = window.location.search): PhoneSettings {
  const params = new URLSearchParams(search);
  const saved = read();
  const linkServer = params.get('server');
  const extension = params.get('ext') ?? saved.extension ?? '1001';
  const sameUser = saved.extension === extension;
  const server = linkServer ?? saved.server ?? defaultServer();
  const isLocal = linkServer === null ? server === defaultServer() : isOnThisMachine(linkServer);
  const rememberedSecret = linkServer === null && sameUser && saved.remember && typeof saved.secret === 'string' ? saved.secret : undefined;
  return {
    server,
    domain: saved.domain ?? LOCAL_DOMAIN,
    extension,
    credentialType: rememberedSecret !== undefined ? (saved.credentialType ?? 'password') : 'password',
    secret: rememberedSecret ?? (isLocal ? localPassword(extension) : ''),
    displayName: params.get('name') ?? (sameUser ? saved.displayName : undefined) ?? TEST_DIRECTORY[extension] ?? '',
    dtmfMethod: params.get('dtmf') === 'info' ? 'info' : saved.dtmfMethod === 'info' && sameUser ? 'info' : 'rfc4733',
    remember: linkServer === null && (saved.remember ?? false),
  };
}

/**
 * Whether the page signs in at once: `?connect=1`, and only with the saved
 * (or default) server; a link that also names a server just fills the form.
 */
export function connectsOnLoad(search: string = window.location.search): boolean {
  const params = new URLSearchParams(search);
  return params.get('connect') === '1' && params.get('server') === null;
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
