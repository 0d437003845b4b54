import type { LogConnector } from 'sip.js/lib/api/user-agent-options.js';
import type { RedactingLogger } from '../logger.js';

/**
 * Routes sip.js's log lines to the phone's redacting logger.
 *
 * @remarks
 * sip.js logs whole SIP messages at debug level; the redacting logger strips
 * their credential headers.
 */
export function createSipLogConnector(logger: RedactingLogger): LogConnector {
  return (level, category, label, content) => {
    const line = `[sip.js ${label ?? category}] ${content}`;
    switch (level) {
      case 'error':
        logger.error(line);
        break;
      case 'warn':
        logger.warn(line);
        break;
      case 'log':
        logger.info(line);
        break;
      case 'debug':
        logger.debug(line);
        break;
      default:
        level satisfies never;
    }
  };
}
