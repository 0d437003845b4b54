/** A key of the telephone keypad. */
export type KeypadKey = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '*' | '0' | '#';

/** The keypad in reading order, with the letters printed under each digit (ITU-T E.161). */
export const KEYPAD_LAYOUT: ReadonlyArray<{ readonly key: KeypadKey; readonly letters: string }> = '1 2ABC 3DEF 4GHI 5JKL 6MNO 7PQRS 8TUV 9WXYZ * 0+ #'
  .split(' ')
  .map((text) => ({ key: text[0] as KeypadKey, letters: text.slice(1) }));

/**
 * `KeyboardEvent.key` values that press a keypad key: each key's own character.
 * Numpad digits report the same `key` as the top row when Num Lock is on; `*`
 * and `#` need Shift on most layouts, so Shift is allowed but Ctrl, Alt and
 * Meta are not.
 */
export const KEYBOARD_TO_KEYPAD: Readonly<Record<string, KeypadKey>> = Object.fromEntries(KEYPAD_LAYOUT.map(({ key }) => [key, key]));

/** The keypad key a keyboard event presses, or `null` (modified keys never press one). */
export function keypadKeyFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): KeypadKey | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  return Object.hasOwn(KEYBOARD_TO_KEYPAD, event.key) ? KEYBOARD_TO_KEYPAD[event.key]! : null;
}
