/** True when keys pressed on `target` are typing: a text field, a select or editable content. */
export function isEditable(target: EventTarget | null): boolean {
  return (
    typeof HTMLElement !== 'undefined' &&
    target instanceof HTMLElement &&
    (target.isContentEditable || target.matches('input, textarea, select, [contenteditable]:not([contenteditable="false"])'))
  );
}
