import { URI } from 'sip.js';

/** Where a request goes: a SIP user at a host, as plain data. */
export interface SipTarget {
  readonly user: string;
  readonly host: string;
  readonly port?: number;
}

/**
 * A URI that prints itself in angle brackets.
 *
 * @remarks
 * sip.js writes a URI passed to `Session.refer()` into Refer-To as it
 * prints; a URI carrying `?Replaces=` must be a name-addr
 * (`<sip:…?Replaces=…>`, RFC 3261 §20 and RFC 3515 §2.1), otherwise the
 * `?` part would be read as belonging to the header, not to the URI.
 */
class BracketedUri extends URI {
  override toString(): string {
    return `<${super.toString()}>`;
  }
}

/** The SIP URI of a validated target; the URI class escapes the user part. */
export function targetUri(target: SipTarget): URI {
  return new URI('sip', target.user, target.host, target.port);
}

/**
 * A Refer-To URI for `target`, with a Replaces header naming a dialog
 * (attended transfer, RFC 3891 §6) when `replaces` is given.
 */
export function bracketedTargetUri(target: SipTarget, replaces?: string): URI {
  const uri = new BracketedUri('sip', target.user, target.host, target.port);
  if (replaces !== undefined) uri.setHeader('Replaces', encodeURIComponent(replaces));
  return uri;
}
