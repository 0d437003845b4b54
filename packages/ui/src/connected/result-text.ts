import type { Result } from '@webphone/react';
import { en } from '../messages/en.js';
import type { CallErrorCode, Messages } from '../messages/messages.js';

/**
 * A sentence for a refused `call()` or `answer()`, for the person at the phone
 * (`messages.callErrors`).
 *
 * @remarks
 * Looks `result.code` up among the fixed `ResultCode` values; any other code
 * gets the general sentence (the result's own message is for logs, in English).
 */
export function callErrorText(result: Result, messages: Messages = en): string {
  const known = (messages.callErrors.codes as Partial<Record<number, string>>)[result.code as CallErrorCode];
  return known ?? messages.callErrors.other;
}
