// @ts-check
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS, KB } from './budgets.mjs';
import { measureBundle } from './bundle-size.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Newest modification time of the files under `dir` that `keep` accepts. */
function newest(dir, /** @type {(file: string) => boolean} */ keep) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && keep(file)) latest = Math.max(latest, fs.statSync(file).mtimeMs);
  }
  return latest;
}

/** @type {import('./budgets.mjs').BundleSizes} */
let sizes;

describe('bundle size budgets (apps built by Vite from the packages as published: dist/)', () => {
  beforeAll(async () => {
    for (const name of ['core', 'react', 'ui']) {
      const pkg = path.join(root, 'packages', name);
      const source = newest(path.join(pkg, 'src'), (file) => /\.tsx?$/.test(file) && !/(\.test\.|__tests__|\.stories\.)/.test(file));
      const built = fs.existsSync(path.join(pkg, 'dist')) ? newest(path.join(pkg, 'dist'), (file) => file.endsWith('.js')) : 0;
      if (built < source) throw new Error(`packages/${name}/dist is older than its sources: run \`npx tsc -b\` first (npm test does)`);
    }
    const floor = await measureBundle('floor');
    const core = await measureBundle('core');
    const react = await measureBundle('react');
    const ui = await measureBundle('ui');
    sizes = { floor, core, react, ui };
  });

  it('measures real bundles: the floor holds sip.js, each layer adds to the one below', () => {
    expect(sizes.floor.gzip).toBeGreaterThan(30 * KB);
    expect(sizes.core.gzip).toBeGreaterThan(sizes.floor.gzip);
    expect(sizes.react.gzip).toBeGreaterThan(sizes.core.gzip);
    expect(sizes.ui.gzip).toBeGreaterThan(sizes.react.gzip);
  });

  it.each(BUDGETS.map((budget) => [budget.what, budget]))('%s stays within its limit', (_what, budget) => {
    const size = budget.size(sizes);
    const limit =
      budget.limit === budget.target
        ? `budget ${(budget.target / KB).toFixed(2)} KB`
        : `ceiling ${(budget.limit / KB).toFixed(2)} KB (target ${(budget.target / KB).toFixed(2)} KB not met yet)`;
    expect(size, `${budget.what}: ${(size / KB).toFixed(2)} KB gzip, ${limit}`).toBeLessThanOrEqual(budget.limit);
  });
});
