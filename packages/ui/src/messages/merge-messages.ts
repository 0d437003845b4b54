import type { Messages, MessagesOverride } from './messages.js';

/**
 * `base` with the texts of `override` put over it, at any depth; `base` is
 * not changed. Functions and strings are replaced whole; `undefined` keeps
 * the base text.
 *
 * @example
 * mergeMessages(en, { call: { hangUp: 'End call' } }).call.hangUp // 'End call'
 */
export function mergeMessages(base: Messages, override: MessagesOverride | undefined): Messages {
  return override === undefined ? base : (mergeObjects(base, override) as Messages);
}

function mergeObjects(base: object, override: object): object {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] = isPlainObject(value) && isPlainObject(current) ? mergeObjects(current, value) : value;
  }
  return merged;
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
