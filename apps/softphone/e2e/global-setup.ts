/// <reference path="./provided-context.d.ts" />
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startSipServer } from '@webphone/sip-server';
import { serveStatic } from './static-server';

const appRoot = path.resolve(import.meta.dirname, '..');
/** The e2e build goes here, not to `dist/`, so a run never overwrites a release build. */
export const BUILD_DIR = path.join(import.meta.dirname, '.build');

/**
 * Builds the demo for production, then starts a Kamailio and a static server
 * for the build, both on 127.0.0.1. The whole vitest process runs inside the
 * loopback-only network namespace (tools/in-loopback-netns.mjs), so these
 * servers and the browsers share it.
 */
/**
 * `vite build` in its own process: vitest sets NODE_ENV=test, and a build in
 * this process would bundle React's development build.
 */
async function buildDemo(): Promise<void> {
  const viteBin = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const child = spawn(process.execPath, [viteBin, 'build', '--outDir', BUILD_DIR, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: appRoot,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`vite build of the demo failed (exit ${code}); see the output above`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  await buildDemo();
  const sip = await startSipServer({ port: 0, log: 'pipe' });
  const web = await serveStatic(BUILD_DIR);
  process.stderr.write(`[e2e] demo built and served at ${web.url}, Kamailio at ${sip.url} (${Date.now() - started} ms)\n`);
  project.provide('demoUrl', web.url);
  project.provide('sipServerUrl', sip.url);
  return async () => {
    await web.close();
    await sip.stop();
  };
}
