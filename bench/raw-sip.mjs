// @ts-check
/** The raw sip.js side of the benchmarks: one user agent set-up, shared by every measure. */
import { UserAgent } from 'sip.js';

/**
 * Options of a raw sip.js UserAgent for `extension` on the local Kamailio
 * (password `secret<ext>`, quiet logs); callers add what their measure needs.
 * @param {{ url: string; domain: string }} server @param {string} extension
 * @returns {import('sip.js').UserAgentOptions}
 */
export function rawUserAgentOptions(server, extension) {
  return {
    uri: UserAgent.makeURI(`sip:${extension}@${server.domain}`),
    transportOptions: { server: server.url },
    authorizationUsername: extension,
    authorizationPassword: `secret${extension}`,
    logLevel: 'error',
    logBuiltinEnabled: false,
  };
}
