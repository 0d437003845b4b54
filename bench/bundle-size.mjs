// @ts-check
/**
 * Builds small apps for production (minified) with each bundler measured —
 * Vite, esbuild and Rspack — and measures their JavaScript: one importing
 * only the floor (sip.js UserAgent, Registerer, Inviter, its Web session
 * description handler factory, zustand/vanilla), one importing
 * PhoneOperator, one the React hooks, one <Softphone /> with its stylesheet.
 * React and react-dom are left out of every bundle; stylesheets are
 * measured apart from the JavaScript. Sizes are deterministic for a given
 * lockfile, so `npm test` enforces budgets on them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rspack } from '@rspack/core';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** @typedef {{ name: string; bundler: Bundler; minified: number; gzip: number; cssGzip: number }} BundleSize */
/** @typedef {keyof typeof BUNDLES} BundleName */
/** @typedef {(typeof BUNDLERS)[number]} Bundler */

/** The bundles measured, by name. */
export const BUNDLES = /** @type {const} */ ({
  floor: 'entries/floor.js',
  core: 'entries/core.js',
  react: 'entries/react.js',
  ui: 'entries/ui.js',
});

/** The bundlers measured; each budget holds in each. */
export const BUNDLERS = /** @type {const} */ (['vite', 'esbuild', 'rspack']);

const REACT = [/^react($|\/)/, /^react-dom($|\/)/];

/** @typedef {{ code: string; kind: 'js' | 'css' }} OutputFile */

/**
 * Vite 8 (Rolldown), as `vite build` makes an app.
 * @param {string} entry
 * @returns {Promise<OutputFile[]>}
 */
async function withVite(entry) {
  const output = await viteBuild({
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
      rolldownOptions: { input: entry, external: REACT, output: { format: 'es', codeSplitting: false } },
    },
  });
  /** @type {OutputFile[]} */
  const files = [];
  for (const result of Array.isArray(output) ? output : [output]) {
    if (!('output' in result)) throw new Error('unexpected watcher from vite build');
    for (const file of result.output) {
      if (file.type === 'chunk') files.push({ code: file.code, kind: 'js' });
      else if (file.fileName.endsWith('.css')) files.push({ code: String(file.source), kind: 'css' });
    }
  }
  return files;
}

/**
 * esbuild, bundling and minifying as an app's esbuild script does.
 * @param {string} entry
 * @returns {Promise<OutputFile[]>}
 */
async function withEsbuild(entry) {
  const result = await esbuild({
    entryPoints: [entry],
    absWorkingDir: here,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    outdir: path.join(os.tmpdir(), 'webphone-esbuild-out'),
    external: ['react', 'react-dom', 'react/*', 'react-dom/*'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles
    .filter((file) => /\.(js|css)$/.test(file.path))
    .map((file) => ({ code: file.text, kind: file.path.endsWith('.css') ? 'css' : 'js' }));
}

/**
 * Rspack (webpack's API and module graph), production mode, ES module output.
 * @param {string} entry
 * @returns {Promise<OutputFile[]>}
 */
async function withRspack(entry) {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'webphone-rspack-'));
  try {
    const compiler = rspack({
      mode: 'production',
      context: here,
      entry,
      target: ['web', 'es2022'],
      devtool: false,
      performance: false,
      output: { path: outDir, filename: 'bundle.js', module: true, chunkFormat: 'module', cssFilename: 'bundle.css' },
      // The app's stylesheet import, extracted to a .css file as an app's production build does.
      module: { rules: [{ test: /\.css$/, type: 'css' }] },
      externalsType: 'module',
      externals: ({ request }, callback) => (request && REACT.some((pattern) => pattern.test(request)) ? callback(undefined, request) : callback()),
      optimization: { splitChunks: false, runtimeChunk: false },
      stats: 'none',
    });
    const stats = await new Promise((resolve, reject) => compiler.run((error, result) => (error ? reject(error) : resolve(result))));
    await new Promise((resolve) => compiler.close(() => resolve(undefined)));
    const info = /** @type {import('@rspack/core').Stats} */ (stats).toJson({ all: false, errors: true });
    if (info.errors?.length) throw new Error(`rspack: ${info.errors.map((error) => error.message).join('\n')}`);
    return fs
      .readdirSync(outDir)
      .filter((file) => /\.(js|css)$/.test(file))
      .map((file) => ({ code: fs.readFileSync(path.join(outDir, file), 'utf8'), kind: file.endsWith('.css') ? 'css' : 'js' }));
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

const BUILDERS = { vite: withVite, esbuild: withEsbuild, rspack: withRspack };

/**
 * Builds one entry with one bundler and returns its minified and gzip sizes in bytes.
 * @param {BundleName} name
 * @param {Bundler} [bundler]
 * @returns {Promise<BundleSize>}
 */
export async function measureBundle(name, bundler = 'vite') {
  const files = await BUILDERS[bundler](path.join(here, BUNDLES[name]));
  let minified = 0;
  let gzip = 0;
  let cssGzip = 0;
  for (const file of files) {
    if (file.kind === 'js') {
      minified += Buffer.byteLength(file.code);
      gzip += gzipSync(file.code, { level: 9 }).length;
    } else {
      cssGzip += gzipSync(file.code, { level: 9 }).length;
    }
  }
  return { name, bundler, minified, gzip, cssGzip };
}

/**
 * The four bundles built by `bundler`.
 * @param {Bundler} bundler
 * @returns {Promise<import('./budgets.mjs').BundleSizes>}
 */
export async function measureAll(bundler) {
  return {
    floor: await measureBundle('floor', bundler),
    core: await measureBundle('core', bundler),
    react: await measureBundle('react', bundler),
    ui: await measureBundle('ui', bundler),
  };
}
