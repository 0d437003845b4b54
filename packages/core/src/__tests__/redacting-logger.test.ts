import { describe, expect, it } from 'vitest';
import { RedactingLogger, type PhoneLogger } from '../logger.js';

function sink(): { logger: PhoneLogger; lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (message: string) => lines.push(`${level} ${message}`);
  return { lines, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
}

describe('RedactingLogger', () => {
  it('filters by level', () => {
    const { logger, lines } = sink();
    const log = new RedactingLogger(logger, 'warn');
    log.debug('a');
    log.info('b');
    log.warn('c');
    log.error('d');
    expect(lines).toEqual(['warn c', 'error d']);
  });

  it('removes credential headers, digest responses and known secrets', () => {
    const { logger, lines } = sink();
    const log = new RedactingLogger(logger, 'debug');
    log.addSecret('hunter2');
    log.info(
      'REGISTER sip:webphone.test SIP/2.0\r\nProxy-Authorization: Digest username="1001", response="0123456789abcdef0123456789abcdef"\r\n' +
        'authorization:Digest x\r\nX-Note: password is hunter2\r\n',
    );
    expect(lines[0]).toContain('Proxy-Authorization: [redacted]');
    expect(lines[0]).toContain('authorization: [redacted]');
    expect(lines[0]).not.toContain('0123456789abcdef');
    expect(lines[0]).not.toContain('hunter2');
    expect(lines[0]).toContain('REGISTER sip:webphone.test');
  });

  it('survives a throwing sink', () => {
    const log = new RedactingLogger(
      {
        debug() {},
        info() {},
        warn() {},
        error() {
          throw new Error('sink down');
        },
      },
      'debug',
    );
    expect(() => log.error('x')).not.toThrow();
  });
});
