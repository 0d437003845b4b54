/// <reference path="./provided-context.d.ts" />
import type { TestProject } from 'vitest/node';
import { startSipServer, type SipServerHandle } from '@webphone/sip-server';

let server: SipServerHandle | undefined;

/**
 * Starts one Kamailio (own port, own runtime dir) for a test project and
 * stops it at the end, also when tests fail. A missing Kamailio that cannot
 * be installed is an error, never a skip.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  server = await startSipServer({ port: 0, log: 'ignore' });
  project.provide('sipServerUrl', server.url);
  project.provide('sipDomain', server.domain);
  return async () => {
    await server?.stop();
    server = undefined;
  };
}
