/**
 * Error thrown when a {@link PhoneConfig} is invalid.
 *
 * @remarks
 * `field` names the offending config field so a settings form can point at it.
 */
export class PhoneConfigError extends Error {
  override readonly name = 'PhoneConfigError';

  constructor(
    /** The config field that is wrong, e.g. `'server'` or `'password'`. */
    readonly field: string,
    message: string,
  ) {
    super(`Invalid phone config: ${field}: ${message}`);
  }
}

/**
 * Error thrown by a method called on a phone after `destroy()`.
 */
export class PhoneDestroyedError extends Error {
  override readonly name = 'PhoneDestroyedError';
  constructor(method: string) {
    super(`PhoneOperator.${method}() called after destroy()`);
  }
}

/** The message of a thrown value, for log lines and result details; never throws (an app may reject with anything). */
export function errorMessage(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unprintable error';
  }
}
