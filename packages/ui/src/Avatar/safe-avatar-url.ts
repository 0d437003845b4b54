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

/** Up to two initials for a name, or the last two digits of a number as a fallback. */
export function initialsFor(name: string, number: string): string {
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
  const digits = number.replace(/\D/g, '');
  return digits.slice(-2) || '#';
}
