'use client';
import { useState, type CSSProperties } from 'react';
import { cx } from '../internal/cx.js';
import { initialsFor, safeAvatarUrl } from './safe-avatar-url.js';

/** Props of {@link Avatar}. */
export interface AvatarProps {
  /** Display name; its initials are the fallback. */
  name: string;
  /** Number or SIP user; the fallback when there is no name. */
  number: string;
  /** Image URL. Only `http(s):` and `data:image/` URLs are shown (see {@link safeAvatarUrl}). */
  src?: string;
  /** Diameter: `sm` 36 px, `md` 48 px, `lg` 88 px. Default `md`. */
  size?: 'sm' | 'md' | 'lg';
  /** Adds an animated ring, for a call that is ringing. */
  pulsing?: boolean;
  className?: string;
}

/**
 * A round caller picture, or the caller's initials on a colour derived from the name.
 *
 * @remarks
 * Decorative: the name is always shown next to it, so the image has empty alt text.
 * An image that fails to load falls back to the initials.
 */
export function Avatar({ name, number, src, size = 'md', pulsing, className }: AvatarProps) {
  const url = safeAvatarUrl(src);
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const showImage = url !== null && failedUrl !== url;
  const hue = hueFor(name || number);
  return (
    <span
      className={cx('wp-avatar', `wp-avatar--${size}`, pulsing && 'wp-avatar--pulsing', className)}
      style={{ '--wp-avatar-hue': hue } as CSSProperties}
      aria-hidden
    >
      {showImage ? (
        <img className="wp-avatar__image" src={url} alt="" referrerPolicy="no-referrer" onError={() => setFailedUrl(url)} />
      ) : (
        <span className="wp-avatar__initials">{initialsFor(name, number)}</span>
      )}
    </span>
  );
}

function hueFor(text: string): number {
  let hash = 0;
  for (const ch of text) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return hash % 360;
}
