import type { StaticCallStatus } from './call-status.js';
import { CONTROL_OR_BIDI, wireText } from './wire-text.js';

/** The fields of a {@link StaticCallStatus}. */
export const STATIC_KEYS = ['name', 'avatar', 'company'] as const;

/** The longest avatar URL taken, in characters: room for a `data:` URL of a small thumbnail. */
export const MAX_AVATAR_URL = 8192;

/**
 * Keeps only string name/avatar/company fields, cleaned: the values may come
 * from an app callback (`resolveContact`) or the network, and end up in the
 * store, the widgets and call histories.
 *
 * @remarks
 * `name` and `company` are cleaned like a name from the wire (see
 * {@link wireText}). An `avatar` is a URL: trimmed, and left out whole when it
 * is longer than {@link MAX_AVATAR_URL} or holds control characters (a cut
 * URL points nowhere).
 */
export function pickStaticStatus(input: unknown): Partial<StaticCallStatus> {
  const picked: Partial<StaticCallStatus> = {};
  if (typeof input === 'object' && input !== null) {
    for (const key of STATIC_KEYS) {
      const value = (input as Record<string, unknown>)[key];
      if (typeof value !== 'string') continue;
      if (key !== 'avatar') picked[key] = wireText(value);
      else if (value.length <= MAX_AVATAR_URL && !CONTROL_OR_BIDI.test(value.trim())) picked[key] = value.trim();
    }
  }
  return picked;
}
