/**
 * Moves focus to the first element inside `root` that matches one of
 * `selectors` (in order) and is enabled, now or as soon as one appears
 * (a `MutationObserver`), for at most `timeoutMs`. Returns a cancel function.
 *
 * @remarks
 * Used after an action that removes or disables the focused control (Answer,
 * Call, Transfer now, Close), so focus lands on the next control instead of
 * the page body. It never takes focus from outside `root`: if the user has
 * moved on to another part of the page meanwhile, nothing happens. With
 * `onlyWhenLost` it acts only once focus is on the body (nobody placed it),
 * waiting for that until the timeout.
 */
export function requestFocus(root: HTMLElement | null, selectors: readonly string[], { timeoutMs = 3000, onlyWhenLost = false } = {}): () => void {
  if (root === null || typeof MutationObserver === 'undefined') return () => undefined;
  const tryFocus = (): boolean => {
    const active = root.ownerDocument.activeElement;
    const lost = active === null || active === root.ownerDocument.body || !active.isConnected;
    // With onlyWhenLost, focus that is still somewhere is waited out (the control may be about to go).
    if (onlyWhenLost && !lost) return false;
    const free = lost || root.contains(active);
    if (!free) return true;
    for (const selector of selectors) {
      const target = root.querySelector<HTMLElement>(selector);
      if (target && !(target as HTMLButtonElement).disabled) {
        if (target !== active) target.focus();
        return true;
      }
    }
    return false;
  };
  if (tryFocus()) return () => undefined;
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop();
  });
  const timer = setTimeout(() => stop(), timeoutMs);
  function stop(): void {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
  return stop;
}
