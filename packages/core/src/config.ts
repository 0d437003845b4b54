import { PhoneConfigError } from './errors.js';
import { LOG_LEVELS, LOG_METHODS, type PhoneLogger, type LogLevel } from './logger.js';
import { AUTO_ANSWER_MODES, type AutoAnswerMode } from './auto-answer.js';
import type { StaticCallStatus } from './call-status.js';
import type { PhoneIdentity } from './phone-state.js';
import type { MediaSeam } from './sip/media-seam.js';
import { resolveQualityThresholds, type QualityThresholds, type ResolvedQualityThresholds } from './quality-thresholds.js';

/** Device ids used for calls; absent ids mean the browser default. */
export interface DeviceIds {
  microphoneId?: string;
  cameraId?: string;
  speakerId?: string;
  /** Output device for the ringtone, so it can ring on loudspeakers while the call stays on a headset (`setSinkId`). */
  ringerDeviceId?: string;
}

/** The fields of {@link DeviceIds}. */
export const DEVICE_ID_KEYS = ['microphoneId', 'cameraId', 'speakerId', 'ringerDeviceId'] as const;

/** Recording permission: 0 none, 1 pause/resume, 2 start/pause/resume. */
export type RecordPermissions = 0 | 1 | 2;

/** The SIP status that refuses calls while do-not-disturb is on: 486 Busy Here, 480 Temporarily Unavailable or 603 Decline. */
export type DndResponseCode = 486 | 480 | 603;

/** How DTMF digits are sent during a call. */
export type DtmfMethod = 'rfc4733' | 'info';

/** Reconnection timing (advanced). */
export interface ReconnectOptions {
  /** Upper bound of the random delay before the first reconnect attempt, in ms; it doubles with each failed attempt. Default 2000. */
  initialDelayMs?: number;
  /** Cap of that bound, in ms. Default 30000. */
  maxDelayMs?: number;
  /**
   * With several servers: while connected to one that is not the first and
   * without a call, check this often whether the first answers again (a
   * WebSocket handshake), and move back to it when it does, in ms. 0 never
   * moves back. Default 300000 (5 minutes).
   */
  failbackMs?: number;
  /**
   * How long calls wait for their signalling to come back after the
   * connection is lost, in ms: a call not recovered by then ends with
   * `connection-lost`. 0 ends calls as soon as the loss is noticed. Default 30000.
   */
  callRecoveryMs?: number;
}

/** What the phone sends to check an idle connection (see {@link KeepAliveOptions}). */
export type KeepAliveMethod = 'auto' | 'crlf' | 'options';

/**
 * Keep-alive and liveness of the signalling connection (advanced).
 *
 * @remarks
 * Every `intervalMs` (jittered down to 80 %, RFC 5626 §4.4.1) the phone sends
 * a double-CRLF ping and expects a CRLF pong, or an `OPTIONS` to the server
 * and expects any answer. No answer within `timeoutMs` means the connection
 * is dead (half-open): the phone closes it and reconnects. With the defaults
 * an idle connection carries traffic at least every 15 s (well inside a 60 s
 * NAT or load-balancer idle timeout) and a dead one is found within 25 s.
 */
export interface KeepAliveOptions {
  /** Upper bound of the time between two keep-alives, in ms; 0 turns keep-alive off. Default 15000. */
  intervalMs?: number;
  /** How long to wait for the answer to a keep-alive, in ms. Default 10000. */
  timeoutMs?: number;
  /**
   * `'auto'` (default): CRLF ping, and, until the server has answered one,
   * an `OPTIONS` alongside; a server that answers the `OPTIONS` but not the
   * ping gets `OPTIONS` from then on. `'crlf'`: pings only. `'options'`:
   * `OPTIONS` only.
   */
  method?: KeepAliveMethod;
}

/**
 * Everything a phone needs to connect and register. Validated by
 * `new PhoneOperator(config)`; a bad field throws {@link PhoneConfigError}.
 */
export interface PhoneConfig {
  /**
   * WebSocket URL of the SIP server: `wss://…`, or `ws://` on loopback (or
   * with `allowInsecure`). A list names the nodes of a cluster in order of
   * preference (at most 8): the phone connects to the first that answers,
   * moves to the next when its connection dies or cannot be opened, and
   * returns to an earlier one only while it has no call (see
   * `reconnect.failbackMs`). `phone.store` says which one is in use (`server`).
   */
  server: string | readonly string[];
  /** User part of the address of record, e.g. `'1001'`. */
  extension: string;
  /** SIP domain and digest realm; defaults to the server's host name (an IPv6 address in brackets, `[2001:db8::1]`). */
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
  /**
   * Decides whether a REFER from the far end may make this phone call
   * `target`. Default: only targets whose host is the phone's `domain`.
   * When given, it decides alone (return `true` to accept).
   */
  allowReferTo?: (target: ReferTarget) => boolean;
  /** When the phone answers incoming calls by itself (default `'never'`); `phone.setAutoAnswer(mode)` changes it. */
  autoAnswer?: AutoAnswerMode;
  /** Auto-answer also while another call is up (default false: such a call rings). */
  autoAnswerWhileBusy?: boolean;
  /** The status that refuses calls while do-not-disturb is on (default 486 Busy Here). */
  dndResponseCode?: DndResponseCode;
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
  /** Advanced: keep-alive interval, answer timeout and method. */
  keepAlive?: KeepAliveOptions;
  /**
   * When a call's quality warnings (`qualityWarning` session event) are
   * raised, per warning name; defaults in `DEFAULT_QUALITY_THRESHOLDS`
   * (RTT 400 ms, jitter 30 ms, loss 0.03, MOS 3.5, 6 s without audio).
   */
  qualityThresholds?: QualityThresholds;
  /**
   * Advanced: the media layer. Browsers use WebRTC by default; tests in Node
   * pass a fake. Not needed in applications.
   */
  media?: MediaSeam;
}

/** Whom a received REFER asks the phone to call (its checked Refer-To URI). */
export interface ReferTarget {
  readonly user: string;
  readonly host: string;
  readonly port?: number;
}

/** A {@link PhoneConfig} after validation, with every default filled in. */
export interface ResolvedPhoneConfig {
  /** The first of {@link ResolvedPhoneConfig.servers}. */
  readonly server: string;
  /** Every server, in order of preference (one or more). */
  readonly servers: readonly string[];
  /** Who the phone registers as (the store's initial `identity`). */
  readonly identity: PhoneIdentity;
  /** `identity.domain`: the host of dialled numbers that name none. */
  readonly domain: string;
  readonly credential: Credential;
  readonly reRegistryPhoneTimes: number;
  readonly deviceIds: DeviceIds;
  readonly maxConcurrentCalls: number;
  readonly disableCallWaiting: boolean;
  readonly recordPermissions: RecordPermissions;
  readonly dtmfMethod: DtmfMethod;
  readonly iceServers: RTCIceServer[];
  readonly iceTransportPolicy: RTCIceTransportPolicy;
  readonly resolveContact: PhoneConfig['resolveContact'];
  readonly allowReferTo: PhoneConfig['allowReferTo'];
  readonly autoAnswer: AutoAnswerMode;
  readonly autoAnswerWhileBusy: boolean;
  readonly dndResponseCode: DndResponseCode;
  readonly logger: PhoneLogger;
  readonly logLevel: LogLevel;
  readonly registerExpires: number;
  readonly reconnect: Required<ReconnectOptions>;
  readonly keepAlive: Required<KeepAliveOptions>;
  readonly qualityThresholds: ResolvedQualityThresholds;
  readonly media: MediaSeam | undefined;
}

/** Digest credential: a plain password or its HA1 hash. */
export type Credential = { readonly type: 'password'; readonly password: string } | { readonly type: 'ha1'; readonly ha1: string };

type Fields = Record<string, unknown>;

/** Printable token characters safe in a SIP user part without escaping. */
export const SIP_USER = /^[\w.~+!$&'()*=-]{1,64}$/;
/** A DNS host name, an IPv4 address, or an IPv6 address in brackets (the SIP URI form, RFC 3261 §25.1 `IPv6reference`). */
const HOST = /^(?=.{1,253}$)[a-z\d]([a-z\d-]*[a-z\d])?(\.[a-z\d]([a-z\d-]*[a-z\d])?)*$|^\[[\da-f:.]+\]$/i;
/** An HA1 digest: 32 hexadecimal digits. */
export const HA1 = /^[\da-f]{32}$/i;
/** Non-empty, without quotes, backslashes or control characters: safe inside a quoted digest parameter. */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern refuses
const AUTH_USER = /^[^"\\\u0000-\u001f\u007f]+$/;
/** At most 128 characters without control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern refuses
const DISPLAY_NAME = /^[^\u0000-\u001f\u007f]{0,128}$/;

function fail(field: string, message: string): never {
  throw new PhoneConfigError(field, message);
}

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null;
}

/**
 * Reads an optional field of `source`: `fallback` when absent, the value when
 * `valid` accepts it, else fails on `label` (the field's path) with `problem`.
 * `valid` takes `never` so that each check declares the type it inspects.
 */
function optional<T>(source: Fields, field: string, fallback: T, valid: (value: never) => boolean, problem: string, label = field): T {
  const value = source[field];
  if (value === undefined) return fallback;
  if (!valid(value as never)) fail(label, problem);
  return value as T;
}

function ofType<T>(source: Fields, field: string, type: 'string' | 'boolean' | 'function', fallback: T, label?: string): T {
  return optional(source, field, fallback, (value) => typeof value === type, `must be a ${type}`, label);
}

function integer(source: Fields, field: string, min: number, max: number, fallback: number, label?: string): number {
  const valid = (value: number): boolean => Number.isInteger(value) && value >= min && value <= max;
  return optional(source, field, fallback, valid, `must be an integer from ${min} to ${max}`, label);
}

function oneOf<T extends string>(source: Fields, field: string, choices: readonly T[], fallback: T, label?: string): T {
  return optional(source, field, fallback, (value: T) => choices.includes(value), `must be one of ${choices.join(', ')}`, label);
}

/** Most servers a phone may list. */
const MAX_SERVERS = 8;

/** One server entry, checked: a WebSocket URL without credentials, encrypted unless on loopback or allowed. */
function serverUrl(entry: unknown, label: string, allowInsecure: boolean): URL {
  if (typeof entry !== 'string' || entry === '') fail(label, 'is required (a wss:// URL of the SIP server)');
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    fail(label, `"${entry}" is not a URL`);
  }
  if (!/^wss?:$/.test(url.protocol)) fail(label, `must be a WebSocket URL (wss://), got ${url.protocol}`);
  if (url.username || url.password) fail(label, 'must not carry credentials; use password or ha1');
  if (url.protocol === 'ws:' && !allowInsecure && !isLoopbackHost(url.hostname)) {
    fail(label, `ws:// to ${url.hostname} is unencrypted; use wss:// or set allowInsecure`);
  }
  return url;
}

/** True for host names that only ever reach this machine. */
export function isLoopbackHost(host: string): boolean {
  return /^((.*\.)?localhost|::1|127(\.\d{1,3}){3})$/is.test(host.replace(/^\[|\]$/g, ''));
}

/**
 * Checks a {@link PhoneConfig} and fills its defaults.
 *
 * @throws {@link PhoneConfigError} naming the first bad field.
 */
export function resolvePhoneConfig(input: PhoneConfig): ResolvedPhoneConfig {
  if (!isObject(input)) fail('config', 'must be an object');
  const config: Fields = input;
  const text = (field: string): string | undefined => ofType(config, field, 'string', undefined);

  const allowInsecure = ofType(config, 'allowInsecure', 'boolean', false);
  const listed = config.server;
  const entries: unknown[] = Array.isArray(listed) ? listed : [listed];
  if (entries.length === 0 || entries.length > MAX_SERVERS) fail('server', `must name 1 to ${MAX_SERVERS} servers`);
  const urls = entries.map((entry, index) => serverUrl(entry, Array.isArray(listed) ? `server[${index}]` : 'server', allowInsecure));
  const servers = [...new Set(urls.map((url) => url.href))];
  if (servers.length !== urls.length) fail('server', 'names the same server twice');
  const url = urls[0]!;

  const extension = text('extension');
  if (!extension) fail('extension', 'is required');
  if (!SIP_USER.test(extension)) fail('extension', "may hold only letters, digits and . _ ~ + ! $ & ' ( ) * = - (at most 64)");

  // The URL's host name of an IPv6 server keeps its brackets, which a SIP URI needs too (`sip:1001@[::1]`).
  const domain = text('domain') ?? url.hostname;
  if (/^[\da-f]*:[\da-f:.]*$/i.test(domain)) fail('domain', `an IPv6 address goes in brackets: "[${domain}]"`);
  if (!HOST.test(domain)) fail('domain', `"${domain}" is not a host name`);

  const authorizationUser = text('authorizationUser') ?? extension;
  if (!AUTH_USER.test(authorizationUser)) {
    fail('authorizationUser', 'must be non-empty, without quotes, backslashes or control characters');
  }

  const password = text('password');
  const ha1 = text('ha1');
  if (password !== undefined && ha1 !== undefined) fail('password', 'give either password or ha1, not both');
  if (password === '') fail('password', 'must not be empty');
  if (ha1 !== undefined && !HA1.test(ha1)) fail('ha1', 'must be 32 hexadecimal digits (MD5 of user:realm:password)');
  const credential: Credential =
    ha1 === undefined
      ? { type: 'password', password: password ?? fail('password', 'a password or an ha1 is required') }
      : { type: 'ha1', ha1: ha1.toLowerCase() };

  const displayName = text('displayName');
  if (displayName !== undefined && !DISPLAY_NAME.test(displayName)) {
    fail('displayName', 'must be at most 128 characters without control characters');
  }

  const deviceInput = optional(config, 'deviceIds', {}, isObject, 'must be an object');
  const deviceIds: DeviceIds = {};
  for (const key of DEVICE_ID_KEYS) {
    const id = ofType<string | undefined>(deviceInput, key, 'string', undefined, `deviceIds.${key}`);
    if (id !== undefined) deviceIds[key] = id;
  }

  const iceServers = optional<RTCIceServer[]>(config, 'iceServers', [], Array.isArray, 'must be an array of RTCIceServer');
  iceServers.forEach((server: RTCIceServer | null, index) => {
    if (![server?.urls].flat().every((url) => typeof url === 'string')) fail(`iceServers[${index}].urls`, 'must be a string or an array of strings');
  });

  const reconnect = optional(config, 'reconnect', {}, isObject, 'must be an object');
  const initialDelayMs = integer(reconnect, 'initialDelayMs', 0, 600_000, 2000, 'reconnect.initialDelayMs');
  const maxDelayMs = integer(reconnect, 'maxDelayMs', 0, 3_600_000, 30_000, 'reconnect.maxDelayMs');
  if (maxDelayMs < initialDelayMs) fail('reconnect.maxDelayMs', 'must not be below initialDelayMs');
  const callRecoveryMs = integer(reconnect, 'callRecoveryMs', 0, 600_000, 30_000, 'reconnect.callRecoveryMs');
  const failbackMs = integer(reconnect, 'failbackMs', 0, 86_400_000, 300_000, 'reconnect.failbackMs');

  const keepAlive = optional(config, 'keepAlive', {}, isObject, 'must be an object');
  const intervalMs = integer(keepAlive, 'intervalMs', 0, 300_000, 15_000, 'keepAlive.intervalMs');
  if (intervalMs > 0 && intervalMs < 100) fail('keepAlive.intervalMs', 'must be 0 (off) or at least 100');

  return {
    server: servers[0]!,
    servers,
    identity: { extension, domain, authorizationUser, displayName },
    domain,
    credential,
    reRegistryPhoneTimes: integer(config, 'reRegistryPhoneTimes', 0, Number.MAX_SAFE_INTEGER, Infinity),
    deviceIds,
    maxConcurrentCalls: integer(config, 'maxConcurrentCalls', 1, 16, 2),
    disableCallWaiting: ofType(config, 'disableCallWaiting', 'boolean', false),
    recordPermissions: integer(config, 'recordPermissions', 0, 2, 2) as RecordPermissions,
    dtmfMethod: oneOf<DtmfMethod>(config, 'dtmfMethod', ['rfc4733', 'info'], 'rfc4733'),
    iceServers,
    iceTransportPolicy: oneOf<RTCIceTransportPolicy>(config, 'iceTransportPolicy', ['all', 'relay'], 'all'),
    resolveContact: ofType<PhoneConfig['resolveContact']>(config, 'resolveContact', 'function', undefined),
    allowReferTo: ofType<PhoneConfig['allowReferTo']>(config, 'allowReferTo', 'function', undefined),
    autoAnswer: oneOf<AutoAnswerMode>(config, 'autoAnswer', AUTO_ANSWER_MODES, 'never'),
    autoAnswerWhileBusy: ofType(config, 'autoAnswerWhileBusy', 'boolean', false),
    dndResponseCode: optional<DndResponseCode>(config, 'dndResponseCode', 486, (value: number) => [486, 480, 603].includes(value), 'must be 486, 480 or 603'),
    logger: optional<PhoneLogger>(
      config,
      'logger',
      console,
      (value: Fields) => isObject(value) && LOG_METHODS.every((method) => typeof value[method] === 'function'),
      `must have ${LOG_METHODS.join(', ')} methods`,
    ),
    logLevel: oneOf<LogLevel>(config, 'logLevel', LOG_LEVELS, 'warn'),
    registerExpires: integer(config, 'registerExpires', 30, 86_400, 600),
    reconnect: { initialDelayMs, maxDelayMs, callRecoveryMs, failbackMs },
    keepAlive: {
      intervalMs,
      timeoutMs: integer(keepAlive, 'timeoutMs', 100, 60_000, 10_000, 'keepAlive.timeoutMs'),
      method: oneOf<KeepAliveMethod>(keepAlive, 'method', ['auto', 'crlf', 'options'], 'auto', 'keepAlive.method'),
    },
    qualityThresholds: resolveQualityThresholds(config.qualityThresholds),
    media: optional<MediaSeam | undefined>(
      config,
      'media',
      undefined,
      (value: Fields) => isObject(value) && typeof value.sessionDescriptionHandlerFactory === 'function',
      'must have a sessionDescriptionHandlerFactory function',
    ),
  };
}
