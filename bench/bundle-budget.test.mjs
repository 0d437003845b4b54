// @ts-check
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS, KB, limitOf } from './budgets.mjs';
import { BUNDLERS, measureAll, measureEntry } from './bundle-size.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

/** Newest modification time of the files under `dir` that `keep` accepts. */
function newest(dir, /** @type {(file: string) => boolean} */ keep) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && keep(file)) latest = Math.max(latest, fs.statSync(file).mtimeMs);
  }
  return latest;
}

beforeAll(() => {
  for (const name of ['core', 'react', 'ui']) {
    const pkg = path.join(root, 'packages', name);
    const source = newest(path.join(pkg, 'src'), (file) => /\.tsx?$/.test(file) && !/(\.test\.|__tests__|\.stories\.)/.test(file));
    const built = fs.existsSync(path.join(pkg, 'dist')) ? newest(path.join(pkg, 'dist'), (file) => file.endsWith('.js')) : 0;
    if (built < source) throw new Error(`packages/${name}/dist is older than its sources: run \`npx tsc -b\` first (npm test does)`);
  }
});

describe.each(BUNDLERS)('bundle size budgets with %s (apps built from the packages as published: dist/)', (bundler) => {
  /** @type {import('./budgets.mjs').BundleSizes} */
  let sizes;

  beforeAll(async () => {
    sizes = await measureAll(bundler);
  });

  it('measures real bundles: the floor holds sip.js, each layer adds to the one below, the stylesheet stays apart', () => {
    expect(sizes.floor.gzip).toBeGreaterThan(30 * KB);
    expect(sizes.core.gzip).toBeGreaterThan(sizes.floor.gzip);
    expect(sizes.react.gzip).toBeGreaterThan(sizes.core.gzip);
    expect(sizes.ui.gzip).toBeGreaterThan(sizes.react.gzip);
    expect(sizes.ui.cssGzip).toBeGreaterThan(2 * KB);
  });

  it('counts code behind a dynamic import apart: an app pays at start only for what it imports statically', async () => {
    const lazy = await measureEntry(path.join(here, 'entries', 'fixtures', 'lazy-ui.js'), bundler);
    // At start: the core (esbuild's shared chunk holds a little more); the widgets come in a chunk of their own.
    expect(lazy.gzip).toBeLessThan(sizes.core.gzip + 3 * KB);
    expect(lazy.gzip).toBeLessThan(sizes.ui.gzip - 5 * KB);
    expect(lazy.lazyGzip).toBeGreaterThan(5 * KB);
    expect(sizes.core.lazyGzip).toBe(0);
  });

  it.each(BUDGETS.map((budget) => [budget.what, budget]))('%s stays within its limit', (_what, budget) => {
    const size = budget.size(sizes);
    const limit = limitOf(budget, bundler);
    const told =
      limit === budget.target
        ? `budget ${(limit / KB).toFixed(2)} KB`
        : `ceiling ${(limit / KB).toFixed(2)} KB (target ${(budget.target / KB).toFixed(2)} KB not met yet)`;
    expect(size, `${bundler}, ${budget.what}: ${(size / KB).toFixed(2)} KB gzip, ${told}`).toBeLessThanOrEqual(limit);
  });
});

describe('the second locale', () => {
  it('stays out of an app that does not import it: <Softphone> speaks English without loading Arabic', async () => {
    const bundle = async (/** @type {string} */ contents) => {
      const result = await build({
        stdin: { contents, resolveDir: path.join(root, 'bench', 'entries'), loader: 'js' },
        bundle: true,
        write: false,
        metafile: true,
        format: 'esm',
        external: ['react', 'react-dom', 'react/*', 'react-dom/*'],
        loader: { '.css': 'empty' },
        // Letters as they are, not \u escapes, so the text check below can see them.
        charset: 'utf8',
        logLevel: 'silent',
      });
      const inputs = Object.keys(result.metafile.inputs);
      return { inputs, code: result.outputFiles.map((file) => file.text).join('') };
    };
    const plain = await bundle(fs.readFileSync(path.join(root, 'bench', 'entries', 'ui.js'), 'utf8'));
    expect(plain.inputs.some((file) => file.includes('locales/ar'))).toBe(false);
    // "مكالمة" (call) is in most Arabic texts of the locale.
    expect(plain.code).not.toContain('مكالمة');
    // The same check would see it: an app that imports the locale gets it.
    const arabic = await bundle(`import { ar } from '@webphone/ui/locales/ar'; globalThis.__keep = ar;`);
    expect(arabic.inputs.some((file) => file.includes('locales/ar'))).toBe(true);
    expect(arabic.code).toContain('مكالمة');
  });
});
