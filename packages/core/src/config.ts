import { PhoneConfigError } from './errors.js';
import type { PhoneLogger, LogLevel } from './logger.js';
import type { StaticCallStatus } from './call-status.js';
import type { MediaSeam } from './sip/media-seam.js';

/** Device ids used for calls; absent ids mean the browser default. */
export interface DeviceIds {
  microphoneId?: string;
  cameraId?: string;
  speakerId?: string;
}

/** Recording permission: 0 none, 1 pause/resume, 2 start/pause/resume. */
export type RecordPermissions = 0 | 1 | 2;

/** How DTMF digits are sent during a call. */
export type DtmfMethod = 'rfc4733' | 'info';

/** Reconnection timing (advanced). */
export interface ReconnectOptions {
  /** Delay before the first reconnect attempt, in ms. Default 1000. */
  initialDelayMs?: number;
  /** Upper bound of the delay between attempts, in ms. Default 30000. */
  maxDelayMs?: number;
}

/**
 * Everything a phone needs to connect and register. Validated by
 * `new PhoneOperator(config)`; a bad field throws {@link PhoneConfigError}.
 */
export interface PhoneConfig {
  /** WebSocket URL of the SIP server: `wss://…`, or `ws://` on loopback (or with `allowInsecure`). */
  server: string;
  /** User part of the address of record, e.g. `'1001'`. */
  extension: string;
  /** SIP domain and digest realm; defaults to the server's host name. */
  domain?: string;
  /** Digest user name; defaults to `extension`. */
  authorizationUser?: string;
  /** Digest password. Give this or `ha1`, not both. */
  password?: string;
  /** MD5(`user:realm:password`) as 32 hex digits, so no plain password is held. */
  ha1?: string;
  /** Display name shown to the people you call. */
  displayName?: string;
  /** Reconnect/re-register attempts after a loss before giving up; unlimited when absent. */
  reRegistryPhoneTimes?: number;
  /** Microphone, camera and speaker to use. */
  deviceIds?: DeviceIds;
  /** Concurrent-call limit, default 2. */
  maxConcurrentCalls?: number;
  /** Refuse (486) a second incoming call while one is up. */
  disableCallWaiting?: boolean;
  /** Recording permission, default 2. */
  recordPermissions?: RecordPermissions;
  /** DTMF transport, default `'rfc4733'` with INFO fallback. */
  dtmfMethod?: DtmfMethod;
  /** Passed to `RTCPeerConnection`. When absent no STUN/TURN server is used. */
  iceServers?: RTCIceServer[];
  /** Passed to `RTCPeerConnection`. */
  iceTransportPolicy?: RTCIceTransportPolicy;
  /** Looks up name, avatar and company for a number. */
  resolveContact?: (number: string) => Promise<Partial<StaticCallStatus>>;
  /** Where log lines go; default `console`. Secrets are redacted before they get here. */
  logger?: PhoneLogger;
  /** Lowest level logged, default `'warn'`. */
  logLevel?: LogLevel;
  /** Allow `ws://` to a host that is not loopback (unencrypted signalling). */
  allowInsecure?: boolean;
  /** Registration lifetime asked of the registrar, in seconds (default 600). */
  registerExpires?: number;
  /** Advanced: reconnection timing. */
  reconnect?: ReconnectOptions;
  /**
   * Advanced: the media layer. Browsers use WebRTC by default; tests in Node
   * pass a fake. Not needed in applications.
   */
  media?: MediaSeam;
}

/** A {@link PhoneConfig} after validation, with every default filled in. */
export interface ResolvedPhoneConfig {
  readonly server: string;
  readonly extension: string;
  readonly domain: string;
  readonly authorizationUser: string;
  readonly credential: Credential;
  readonly displayName: string | undefined;
  readonly reRegistryPhoneTimes: number;
  readonly deviceIds: DeviceIds;
  readonly maxConcurrentCalls: number;
  readonly disableCallWaiting: boolean;
  readonly recordPermissions: RecordPermissions;
  readonly dtmfMethod: DtmfMethod;
  readonly iceServers: RTCIceServer[];
  readonly iceTransportPolicy: RTCIceTransportPolicy;
  readonly resolveContact: PhoneConfig['resolveContact'];
  readonly logger: PhoneLogger;
  readonly logLevel: LogLevel;
  readonly registerExpires: number;
  readonly reconnect: Required<ReconnectOptions>;
  readonly media: MediaSeam | undefined;
}

/** Digest credential: a plain password or its HA1 hash. */
export type Credential = { readonly type: 'password'; readonly password: string } | { readonly type: 'ha1'; readonly ha1: string };

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];
/** Printable token characters safe in a SIP user part without escaping. */
const SIP_USER = /^[A-Za-z0-9._~+!$&'()*=-]{1,64}$/;
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const HA1 = /^[0-9a-fA-F]{32}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function fail(field: string, message: string): never {
  throw new PhoneConfigError(field, message);
}

function optionalString(config: Record<string, unknown>, field: string): string | undefined {
  const value = config[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') fail(field, 'must be a string');
  return value;
}

function optionalBoolean(config: Record<string, unknown>, field: string): boolean {
  const value = config[field];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') fail(field, 'must be a boolean');
  return value;
}

function optionalInteger(config: Record<string, unknown>, field: string, min: number, max: number): number | undefined {
  const value = config[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(field, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

/** True for host names that only ever reach this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

function validateServer(value: unknown, allowInsecure: boolean): URL {
  if (value === undefined || value === '') fail('server', 'is required (a wss:// URL of the SIP server)');
  if (typeof value !== 'string') fail('server', 'must be a string');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail('server', `"${value}" is not a URL`);
  }
  if (url.protocol !== 'wss:' && url.protocol !== 'ws:') fail('server', `must be a WebSocket URL (wss://), got ${url.protocol}`);
  if (url.username || url.password) fail('server', 'must not carry credentials; use password or ha1');
  if (url.protocol === 'ws:' && !allowInsecure && !isLoopbackHost(url.hostname)) {
    fail('server', `ws:// to ${url.hostname} is unencrypted; use wss:// or set allowInsecure`);
  }
  return url;
}

function validateCredential(config: Record<string, unknown>): Credential {
  const password = optionalString(config, 'password');
  const ha1 = optionalString(config, 'ha1');
  if (password !== undefined && ha1 !== undefined) fail('password', 'give either password or ha1, not both');
  if (password === undefined && ha1 === undefined) fail('password', 'a password or an ha1 is required');
  if (password !== undefined) {
    if (password === '') fail('password', 'must not be empty');
    return { type: 'password', password };
  }
  if (!HA1.test(ha1!)) fail('ha1', 'must be 32 hexadecimal digits (MD5 of user:realm:password)');
  return { type: 'ha1', ha1: ha1!.toLowerCase() };
}

function validateDeviceIds(value: unknown): DeviceIds {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null) fail('deviceIds', 'must be an object');
  const ids: DeviceIds = {};
  for (const key of ['microphoneId', 'cameraId', 'speakerId'] as const) {
    const id = (value as Record<string, unknown>)[key];
    if (id === undefined) continue;
    if (typeof id !== 'string') fail(`deviceIds.${key}`, 'must be a string');
    ids[key] = id;
  }
  return ids;
}

function validateIceServers(value: unknown): RTCIceServer[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail('iceServers', 'must be an array of RTCIceServer');
  value.forEach((server: unknown, index) => {
    const urls = (server as RTCIceServer | null)?.urls;
    const valid = typeof urls === 'string' || (Array.isArray(urls) && urls.every((u) => typeof u === 'string'));
    if (!valid) fail(`iceServers[${index}].urls`, 'must be a string or an array of strings');
  });
  return value as RTCIceServer[];
}

/**
 * Checks a {@link PhoneConfig} and fills its defaults.
 *
 * @throws {@link PhoneConfigError} naming the first bad field.
 */
export function resolvePhoneConfig(input: PhoneConfig): ResolvedPhoneConfig {
  if (typeof input !== 'object' || input === null) fail('config', 'must be an object');
  const config = input as unknown as Record<string, unknown>;

  const allowInsecure = optionalBoolean(config, 'allowInsecure');
  const url = validateServer(config.server, allowInsecure);

  const extension = config.extension;
  if (extension === undefined || extension === '') fail('extension', 'is required');
  if (typeof extension !== 'string') fail('extension', 'must be a string');
  if (!SIP_USER.test(extension)) fail('extension', 'may hold only letters, digits and . _ ~ + ! $ & \' ( ) * = - (at most 64)');

  const domain = optionalString(config, 'domain') ?? url.hostname.replace(/^\[|\]$/g, '');
  if (domain === '' || (!HOSTNAME.test(domain) && !/^[0-9a-fA-F:.]+$/.test(domain))) fail('domain', `"${domain}" is not a host name`);

  const authorizationUser = optionalString(config, 'authorizationUser') ?? extension;
  if (authorizationUser === '' || CONTROL.test(authorizationUser) || /["\\]/.test(authorizationUser)) {
    fail('authorizationUser', 'must be non-empty, without quotes, backslashes or control characters');
  }

  const credential = validateCredential(config);

  const displayName = optionalString(config, 'displayName');
  if (displayName !== undefined && (CONTROL.test(displayName) || displayName.length > 128)) {
    fail('displayName', 'must be at most 128 characters without control characters');
  }

  const recordPermissions = optionalInteger(config, 'recordPermissions', 0, 2) ?? 2;
  const dtmfMethod = config.dtmfMethod ?? 'rfc4733';
  if (dtmfMethod !== 'rfc4733' && dtmfMethod !== 'info') fail('dtmfMethod', "must be 'rfc4733' or 'info'");
  const iceTransportPolicy = config.iceTransportPolicy ?? 'all';
  if (iceTransportPolicy !== 'all' && iceTransportPolicy !== 'relay') fail('iceTransportPolicy', "must be 'all' or 'relay'");
  if (config.resolveContact !== undefined && typeof config.resolveContact !== 'function') fail('resolveContact', 'must be a function');

  const logger = config.logger ?? console;
  const loggerFields = ['debug', 'info', 'warn', 'error'] as const;
  if (typeof logger !== 'object' || logger === null || loggerFields.some((k) => typeof (logger as Record<string, unknown>)[k] !== 'function')) {
    fail('logger', 'must have debug, info, warn and error methods');
  }
  const logLevel = config.logLevel ?? 'warn';
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) fail('logLevel', `must be one of ${LOG_LEVELS.join(', ')}`);

  const reconnectInput = config.reconnect ?? {};
  if (typeof reconnectInput !== 'object' || reconnectInput === null) fail('reconnect', 'must be an object');
  const initialDelayMs = optionalInteger(reconnectInput as Record<string, unknown>, 'initialDelayMs', 0, 600_000) ?? 1000;
  const maxDelayMs = optionalInteger(reconnectInput as Record<string, unknown>, 'maxDelayMs', 0, 3_600_000) ?? 30_000;
  if (maxDelayMs < initialDelayMs) fail('reconnect.maxDelayMs', 'must not be below initialDelayMs');

  const media = config.media as MediaSeam | undefined;
  if (media !== undefined && (typeof media !== 'object' || media === null || typeof media.sessionDescriptionHandlerFactory !== 'function')) {
    fail('media', 'must provide a sessionDescriptionHandlerFactory function');
  }

  return {
    server: url.href,
    extension,
    domain,
    authorizationUser,
    credential,
    displayName,
    reRegistryPhoneTimes: optionalInteger(config, 'reRegistryPhoneTimes', 0, Number.MAX_SAFE_INTEGER) ?? Infinity,
    deviceIds: validateDeviceIds(config.deviceIds),
    maxConcurrentCalls: optionalInteger(config, 'maxConcurrentCalls', 1, 16) ?? 2,
    disableCallWaiting: optionalBoolean(config, 'disableCallWaiting'),
    recordPermissions: recordPermissions as RecordPermissions,
    dtmfMethod,
    iceServers: validateIceServers(config.iceServers),
    iceTransportPolicy: iceTransportPolicy as RTCIceTransportPolicy,
    resolveContact: config.resolveContact as PhoneConfig['resolveContact'],
    logger: logger as PhoneLogger,
    logLevel: logLevel as LogLevel,
    registerExpires: optionalInteger(config, 'registerExpires', 30, 86_400) ?? 600,
    reconnect: { initialDelayMs, maxDelayMs },
    media,
  };
}
