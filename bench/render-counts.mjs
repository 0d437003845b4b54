// @ts-check
/**
 * Render cost: runs the React render-count scenario of @webphone/react's
 * tests (two live calls with ticking timers, a hold, a mute, a registration
 * refresh, one call ending; 6 s of fake time) and returns its Profiler
 * counts. The test asserts the exact counts; the benchmark only prints them.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @returns {Record<string, number>} */
export function renderCounts() {
  const run = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'react', 'packages/react/src/__tests__/render-counts.test.tsx'],
    { cwd: root, env: { ...process.env, NODE_ENV: 'test', WEBPHONE_PRINT_RENDER_COUNTS: '1' }, encoding: 'utf8' },
  );
  const line = /WEBPHONE_RENDER_COUNTS (\{.*\})/.exec(run.stdout);
  if (run.status !== 0 || !line) throw new Error(`render-count scenario failed:\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(line[1]);
}
