import { useDemoPhone } from '../phone/demo-context';

/** The test user a second phone should use: 1002 next to 1001, otherwise 1001. */
export function otherTestUser(extension: string): string {
  return extension === '1001' ? '1002' : '1001';
}

/**
 * For local exploration: opens the demo in a new tab, signed in as another
 * test user of the same server (the one this tab saved when it signed in),
 * so one person can call themselves.
 */
export function SecondPhoneLink() {
  const { settings } = useDemoPhone();
  const other = otherTestUser(settings.extension);
  const url = new URL(window.location.href);
  url.search = '';
  url.searchParams.set('ext', other);
  // No `server`: the new tab takes the one this sign-in saved (a link naming a server would not sign in).
  url.searchParams.set('connect', '1');
  return (
    <a className="demo-link" href={url.toString()} target="_blank" rel="noopener noreferrer">
      Open a second phone as {other} ↗
    </a>
  );
}
