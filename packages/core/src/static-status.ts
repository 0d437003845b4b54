import type { StaticCallStatus } from './call-status.js';

/** The fields of a {@link StaticCallStatus}. */
export const STATIC_KEYS = ['name', 'avatar', 'company'] as const;

/** Keeps only string name/avatar/company fields (the values may come from an app callback or the network). */
export function pickStaticStatus(input: unknown): Partial<StaticCallStatus> {
  const picked: Partial<StaticCallStatus> = {};
  if (typeof input === 'object' && input !== null) {
    for (const key of STATIC_KEYS) {
      const value = (input as Record<string, unknown>)[key];
      if (typeof value === 'string') picked[key] = value;
    }
  }
  return picked;
}
