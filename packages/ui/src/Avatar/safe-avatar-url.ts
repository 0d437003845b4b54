/**
 * Returns `url` when it is safe to show as an avatar image, otherwise `null`.
 *
 * @remarks
 * Caller details can come from the far end (a SIP display name lookup, a CRM
 * hook), so the avatar is untrusted: only absolute `http:`/`https:` URLs and
 * `data:image/…` URLs pass. `javascript:`, `blob:`, `file:`, relative paths
 * and anything that does not parse are refused.
 */
export function safeAvatarUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  // Browsers strip leading/trailing C0 controls and spaces before reading the scheme; do the same.
  // eslint-disable-next-line no-control-regex -- C0 controls are exactly what browsers strip here
  const trimmed = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (trimmed === '') return null;
  if (/^data:image\/[a-z0-9.+-]+[;,]/i.test(trimmed)) return trimmed;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return null;
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
}

/**
 * Up to two initials for a name, or `''` when the name has no letter (the avatar then shows a person glyph: digits of a number read as
 * initials, "58" for `+1 555 0158`, mean nothing).
 *
 * @remarks `number` is accepted for compatibility and no longer used.
 */
export function initialsFor(name: string, number?: string): string {
  void number;
  if (!/\p{L}/u.test(name)) return '';
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => /\p{L}|\p{N}/u.test(w));
  // Each word has a letter or digit, so its first code point exists.
  if (words.length > 0)
    return (words.length > 1 ? [words[0]!, words.at(-1)!] : words)
      .map((w) => [...w][0])
      .join('')
      .toUpperCase();
  return '';
}
