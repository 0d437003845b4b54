// @ts-check
/**
 * Builds small apps with Vite (production, minified) and measures their
 * JavaScript: one importing only the floor (sip.js UserAgent, Registerer,
 * Inviter, its Web session description handler factory, zustand/vanilla),
 * one importing PhoneOperator, one the React hooks, one <Softphone />.
 * React and react-dom are left out of every bundle; stylesheets are
 * measured apart from the JavaScript. Sizes are deterministic
 * for a given lockfile, so `npm test` enforces budgets on them.
 */
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** @typedef {{ name: string; minified: number; gzip: number; cssGzip: number }} BundleSize */

/** The bundles measured, by name. */
export const BUNDLES = /** @type {const} */ ({
  floor: 'entries/floor.js',
  core: 'entries/core.js',
  react: 'entries/react.js',
  ui: 'entries/ui.js',
});

/**
 * Builds one entry and returns its minified and gzip sizes in bytes.
 * @param {keyof typeof BUNDLES} name
 * @returns {Promise<BundleSize>}
 */
export async function measureBundle(name) {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root: here,
    mode: 'production',
    resolve: { conditions: ['browser', 'import', 'default'] },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      modulePreload: false,
      rolldownOptions: {
        input: path.join(here, BUNDLES[name]),
        external: [/^react($|\/)/, /^react-dom($|\/)/],
        output: { format: 'es', codeSplitting: false },
      },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  let minified = 0;
  let gzip = 0;
  let cssGzip = 0;
  for (const result of results) {
    if (!('output' in result)) throw new Error('unexpected watcher from vite build');
    for (const file of result.output) {
      if (file.type === 'chunk') {
        minified += Buffer.byteLength(file.code);
        gzip += gzipSync(file.code, { level: 9 }).length;
      } else if (file.fileName.endsWith('.css')) {
        cssGzip += gzipSync(file.source, { level: 9 }).length;
      }
    }
  }
  return { name, minified, gzip, cssGzip };
}
