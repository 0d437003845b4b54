/** A key of the telephone keypad. */
export type KeypadKey = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '*' | '0' | '#';

/** The keypad in reading order, with the letters printed under each digit (ITU-T E.161). */
export const KEYPAD_LAYOUT: ReadonlyArray<{ readonly key: KeypadKey; readonly letters: string }> = [
  { key: '1', letters: '' },
  { key: '2', letters: 'ABC' },
  { key: '3', letters: 'DEF' },
  { key: '4', letters: 'GHI' },
  { key: '5', letters: 'JKL' },
  { key: '6', letters: 'MNO' },
  { key: '7', letters: 'PQRS' },
  { key: '8', letters: 'TUV' },
  { key: '9', letters: 'WXYZ' },
  { key: '*', letters: '' },
  { key: '0', letters: '+' },
  { key: '#', letters: '' },
];

/**
 * `KeyboardEvent.key` values that press a keypad key. Numpad digits report the
 * same `key` as the top row when Num Lock is on; `*` and `#` need Shift on most
 * layouts, so Shift is allowed but Ctrl, Alt and Meta are not.
 */
export const KEYBOARD_TO_KEYPAD: Readonly<Record<string, KeypadKey>> = {
  '0': '0',
  '1': '1',
  '2': '2',
  '3': '3',
  '4': '4',
  '5': '5',
  '6': '6',
  '7': '7',
  '8': '8',
  '9': '9',
  '*': '*',
  '#': '#',
};

/** The keypad key a keyboard event presses, or `null` (modified keys never press one). */
export function keypadKeyFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): KeypadKey | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  return Object.hasOwn(KEYBOARD_TO_KEYPAD, event.key) ? KEYBOARD_TO_KEYPAD[event.key]! : null;
}
