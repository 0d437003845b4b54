import type { ClipboardEvent } from 'react';
import { cleanNumber } from './phone-number.js';

/**
 * Handles a paste into a number field: when the pasted text needs clean-up
 * (`+1 (555) 123-4567` → `+15551234567`), stops the browser's paste and
 * returns the field's new value with the cleaned text at the selection.
 * Returns `null` when the paste is fine as it is (the browser does it).
 */
export function pasteCleanNumber(event: ClipboardEvent<HTMLInputElement>, value: string): string | null {
  const pasted = event.clipboardData.getData('text');
  const cleaned = cleanNumber(pasted);
  if (cleaned === pasted) return null;
  event.preventDefault();
  const input = event.currentTarget;
  const start = input.selectionStart ?? value.length;
  const end = input.selectionEnd ?? value.length;
  return value.slice(0, start) + cleaned + value.slice(end);
}
