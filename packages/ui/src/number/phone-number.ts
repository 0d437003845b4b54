/**
 * Number clean-up and validation for what a user types or pastes as a call target.
 *
 * @remarks
 * Validation is the core's own rule (`isValidNumber` of `@webphone/core`, the
 * check behind result `INVALID_NUMBER`, -209), so the widgets accept exactly
 * what `call()` accepts: at most 64 characters, a dial string of digits, `*`,
 * `#` and `+`, or a simple SIP address (`alice`, `alice@example.com`,
 * `sip:alice@example.com:5060`). Anything that could inject into a SIP header
 * (CR, LF, `<`, `>`, `;`, spaces) is refused.
 */
import { isValidNumber, MAX_NUMBER_LENGTH } from '@webphone/core';
import { en } from '../messages/en.js';
import type { Messages } from '../messages/messages.js';

export { MAX_NUMBER_LENGTH };

/** Why {@link validateNumber} refused a target. */
export type NumberProblem = 'empty' | 'too-long' | 'invalid-characters' | 'invalid-format';

/** Outcome of {@link validateNumber}. */
export type NumberValidation = { readonly ok: true; readonly number: string } | { readonly ok: false; readonly problem: NumberProblem };

const ALLOWED_CHARACTERS = /^[a-z\d._~+!$&'()*=\-#@:]*$/i;
// Formatting people paste with phone numbers: spaces (incl. no-break), dashes, dots, slashes, brackets.
const PHONE_LIKE = /^(?:tel:)?[\d\s\u00a0()+\-./*#]+$/i;
// Invisible marks that come along when copying from web pages and address books.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060\ufeff]/g;

/**
 * Cleans pasted or typed text into the form the phone will dial.
 *
 * @example
 * cleanNumber('+1 (555) 123-4567') // '+15551234567'
 * cleanNumber(' tel:555.123.4567 ') // '5551234567'
 * cleanNumber(' alice@example.com ') // 'alice@example.com'
 */
export function cleanNumber(text: string): string {
  const trimmed = text.replace(INVISIBLE, '').trim();
  if (PHONE_LIKE.test(trimmed) && /\d/.test(trimmed)) {
    const digits = trimmed.replace(/^tel:/i, '').replace(/[^0-9*#+]/g, '');
    // Keep a leading "+" only: "+1 (555) +123" is a typo, not two country codes.
    return digits.startsWith('+') ? `+${digits.slice(1).replace(/\+/g, '')}` : digits.replace(/\+/g, '');
  }
  return trimmed;
}

/** Checks a target with the core's rule after {@link cleanNumber}. */
export function validateNumber(text: string): NumberValidation {
  const number = cleanNumber(text);
  if (number === '') return { ok: false, problem: 'empty' };
  if (number.length > MAX_NUMBER_LENGTH) return { ok: false, problem: 'too-long' };
  if (isValidNumber(number)) return { ok: true, number };
  return { ok: false, problem: ALLOWED_CHARACTERS.test(number) ? 'invalid-format' : 'invalid-characters' };
}

/** True when a problem should be shown while the user is still typing. */
export function isImmediateProblem(problem: NumberProblem): boolean {
  return problem === 'too-long' || problem === 'invalid-characters';
}

/** A sentence for a number problem, suitable for an inline error message (`messages.numberProblems`). */
export function numberProblemMessage(problem: NumberProblem, messages: Messages = en): string {
  const text = messages.numberProblems;
  switch (problem) {
    case 'empty':
      return text.empty;
    case 'too-long':
      return text.tooLong(MAX_NUMBER_LENGTH);
    case 'invalid-characters':
      return text.invalidCharacters;
    case 'invalid-format':
      return text.invalidFormat;
    default:
      return problem satisfies never;
  }
}
