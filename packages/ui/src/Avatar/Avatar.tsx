'use client';
import { forwardRef, useState, type CSSProperties, type HTMLAttributes } from 'react';
import { PersonIcon } from '../icons/icons.js';
import { cx } from '../internal/cx.js';
import { initialsFor, safeAvatarUrl } from './safe-avatar-url.js';

/** Props of {@link Avatar}; other HTML attributes go to the root `<span>`. */
export interface AvatarProps extends Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {
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
 * A round caller picture, or the caller's initials on a colour derived from the name, or a person glyph for a caller without a name.
 *
 * @remarks
 * Decorative: the name is always shown next to it, so the image has empty alt text.
 * An image that fails to load falls back to the initials.
 */
export const Avatar = forwardRef<HTMLSpanElement, AvatarProps>(function Avatar({ name, number, src, size = 'md', pulsing, className, style, ...rest }, ref) {
  const url = safeAvatarUrl(src);
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const showImage = url !== null && failedUrl !== url;
  const hue = hueFor(name || number);
  const initials = initialsFor(name);
  return (
    <span
      {...rest}
      ref={ref}
      className={cx('wp-avatar', `wp-avatar--${size}`, pulsing && 'wp-avatar--pulsing', className)}
      style={{ '--wp-avatar-hue': hue, ...style } as CSSProperties}
      aria-hidden
    >
      {showImage ? (
        <img className="wp-avatar__image" src={url} alt="" referrerPolicy="no-referrer" onError={() => setFailedUrl(url)} />
      ) : (
        <span className="wp-avatar__initials">{initials === '' ? <PersonIcon className="wp-avatar__person" /> : initials}</span>
      )}
    </span>
  );
});

function hueFor(text: string): number {
  let hash = 0;
  for (const ch of text) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return hash % 360;
}
