/** Severity of a log line; `'silent'` logs nothing. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** Where the phone writes its log lines. `console` fits. */
export interface PhoneLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** The logging methods of a {@link PhoneLogger}, from least to most severe. */
export const LOG_METHODS = ['debug', 'info', 'warn', 'error'] as const;

/** Every {@link LogLevel}, from least to most severe. */
export const LOG_LEVELS: readonly LogLevel[] = [...LOG_METHODS, 'silent'];

/** Header values that carry a credential, on any line of a logged SIP message. */
const AUTH_HEADER = /^((?:Proxy-)?Authorization|(?:WWW|Proxy)-Authenticate)[ \t]*:.*$/gim;
/** Digest parameters that are derived from the secret. */
const DIGEST_RESPONSE = /\b(response|cnonce)\s*=\s*"?[^",\s]*"?/gi;

/**
 * A logger that filters by level and removes secrets before a line reaches
 * the application's logger.
 *
 * @remarks
 * SIP traces contain `Authorization` headers whose digest response, together
 * with the nonce, allows an offline attack on the password; they are removed
 * whole. Known secrets (password, HA1) are also replaced wherever they appear.
 */
export class RedactingLogger {
  readonly #secrets = new Set<string>();

  readonly #sink: PhoneLogger;
  readonly #level: LogLevel;

  constructor(sink: PhoneLogger, level: LogLevel) {
    this.#sink = sink;
    this.#level = level;
  }

  /** Adds a value that must never be logged (a password, an HA1, a TURN credential). */
  addSecret(secret: string): void {
    if (secret.length >= 3) this.#secrets.add(secret);
  }

  /** Removes secrets and credential headers from a text. */
  redact(text: string): string {
    let clean = text.replace(AUTH_HEADER, '$1: [redacted]').replace(DIGEST_RESPONSE, '$1=[redacted]');
    for (const secret of this.#secrets) clean = clean.replaceAll(secret, '[redacted]');
    return clean;
  }

  /** Logs `message` at `level` if the configured level allows it. */
  log(level: Exclude<LogLevel, 'silent'>, message: string): void {
    if (LOG_LEVELS.indexOf(level) < LOG_LEVELS.indexOf(this.#level)) return;
    try {
      this.#sink[level](this.redact(message));
    } catch {
      // A throwing application logger must not break signalling.
    }
  }

  debug(message: string): void {
    this.log('debug', message);
  }
  info(message: string): void {
    this.log('info', message);
  }
  warn(message: string): void {
    this.log('warn', message);
  }
  error(message: string): void {
    this.log('error', message);
  }
}
