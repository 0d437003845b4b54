import type { Referral } from 'sip.js';
import { errorMessage } from '../errors.js';
import type { RedactingLogger } from '../logger.js';
import { parseDialTarget } from '../number.js';
import type { ReferralTarget } from './call-signal.js';

/** The parameters after the Call-ID of a Replaces value: two tags (RFC 3891 §6.1 tokens) and an optional early-only. */
const REPLACES_PARAMS = /^(;\s*(to|from)-tag=[\w\-.!%*+`'~]+){2}(;\s*early-only)?$/i;

/**
 * Reads and validates an incoming REFER.
 *
 * @remarks
 * The Refer-To target comes from the network and ends up in a new INVITE,
 * so it passes the same checks as a dialled number; its Replaces value is
 * decoded by sip.js into a header and is therefore checked for anything
 * that could break out of it. Returns `undefined` for anything malformed.
 */
export function readReferral(referral: Referral, logger: RedactingLogger): ReferralTarget | undefined {
  try {
    const uri = referral.referTo.uri;
    // Not sips: either (see parseDialTarget): the call would go out as a SIPS request with a sip: Contact.
    if (uri.scheme.toLowerCase() !== 'sip') throw new Error(`scheme ${uri.scheme}`);
    const hostPort = uri.port ? `${uri.host}:${uri.port}` : uri.host;
    const parsed = parseDialTarget(`${uri.user ?? ''}@${hostPort}`);
    if (!parsed.ok || parsed.target.host === undefined) throw new Error(`bad Refer-To: ${parsed.ok ? 'no host' : parsed.reason}`);
    const replaces = referral.replaces;
    if (replaces !== undefined) {
      const decoded = decodeURIComponent(String(replaces));
      // The Call-ID may hold almost anything but no control characters, quotes, angle brackets or commas.
      // eslint-disable-next-line no-control-regex -- control characters are what this pattern refuses
      if (/[\u0000-\u001f\u007f"<>,]/.test(decoded) || !REPLACES_PARAMS.test(decoded.replace(/^[^;]*/, ''))) throw new Error('bad Replaces');
    }
    const { user, host, port } = parsed.target;
    return { target: { user, host, port }, withReplaces: replaces !== undefined };
  } catch (error) {
    logger.warn(`REFER refused: ${errorMessage(error)}`);
    return undefined;
  }
}
