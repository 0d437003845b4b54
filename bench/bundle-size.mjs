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

/**
 * Sizes in bytes. `minified` and `gzip` count the JavaScript an app loads at
 * start (the entry chunk and what it imports statically); code behind a
 * dynamic `import()` lands in chunks loaded only when used, counted apart in
 * `lazyGzip`.
 * @typedef {{ name: string; bundler: Bundler; minified: number; gzip: number; lazyGzip: number; cssGzip: number }} BundleSize
 */
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

/** @typedef {{ code: string; kind: 'js' | 'css'; lazy?: boolean }} OutputFile */

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
      rolldownOptions: { input: entry, external: REACT, output: { format: 'es' } },
    },
  });
  /** @type {OutputFile[]} */
  const files = [];
  for (const result of Array.isArray(output) ? output : [output]) {
    if (!('output' in result)) throw new Error('unexpected watcher from vite build');
    const chunks = new Map(result.output.flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file]] : [])));
    const initial = staticClosure(
      [...chunks.values()].filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName),
      (name) => chunks.get(name)?.imports ?? [],
    );
    for (const file of result.output) {
      if (file.type === 'chunk') files.push({ code: file.code, kind: 'js', lazy: !initial.has(file.fileName) });
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
  const outdir = path.join(os.tmpdir(), 'webphone-esbuild-out');
  const result = await esbuild({
    entryPoints: [entry],
    absWorkingDir: here,
    bundle: true,
    splitting: true,
    metafile: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    outdir,
    external: ['react', 'react-dom', 'react/*', 'react-dom/*'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const initial = staticClosure(
    // A dynamic import's target is an entry point of esbuild's too: start from the app's own.
    Object.keys(outputs).filter((name) => outputs[name].entryPoint === path.relative(here, entry).split(path.sep).join('/')),
    (name) => (outputs[name]?.imports ?? []).filter((i) => i.kind === 'import-statement' && !i.external).map((i) => i.path),
  );
  return result.outputFiles
    .filter((file) => /\.(js|css)$/.test(file.path))
    .map((file) => ({
      code: file.text,
      kind: file.path.endsWith('.css') ? 'css' : 'js',
      lazy: !initial.has(path.relative(here, file.path).split(path.sep).join('/')),
    }));
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
      output: { path: outDir, filename: 'bundle.js', chunkFilename: '[id].lazy.js', module: true, chunkFormat: 'module', cssFilename: 'bundle.css' },
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
      .map((file) => ({
        code: fs.readFileSync(path.join(outDir, file), 'utf8'),
        kind: file.endsWith('.css') ? 'css' : 'js',
        // With splitChunks off, everything imported statically stays in bundle.js; dynamic imports get chunks of their own.
        lazy: file.endsWith('.lazy.js'),
      }));
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

const BUILDERS = { vite: withVite, esbuild: withEsbuild, rspack: withRspack };

/**
 * The chunks loaded at start: `entries` and every chunk they import
 * statically, transitively.
 * @param {string[]} entries
 * @param {(chunk: string) => string[]} staticImports
 */
function staticClosure(entries, staticImports) {
  const seen = new Set(entries);
  const queue = [...entries];
  for (let chunk = queue.pop(); chunk !== undefined; chunk = queue.pop()) {
    for (const next of staticImports(chunk)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/**
 * Builds one entry with one bundler and returns its minified and gzip sizes in bytes.
 * @param {BundleName} name
 * @param {Bundler} [bundler]
 * @returns {Promise<BundleSize>}
 */
export async function measureBundle(name, bundler = 'vite') {
  return { ...(await measureEntry(path.join(here, BUNDLES[name]), bundler)), name };
}

/**
 * Builds the app whose entry is `entry` (a path) with `bundler` and returns its sizes in bytes.
 * @param {string} entry
 * @param {Bundler} bundler
 * @returns {Promise<BundleSize>}
 */
export async function measureEntry(entry, bundler) {
  const name = path.basename(entry);
  const files = await BUILDERS[bundler](entry);
  let minified = 0;
  let gzip = 0;
  let lazyGzip = 0;
  let cssGzip = 0;
  for (const file of files) {
    const zipped = gzipSync(file.code, { level: 9 }).length;
    if (file.kind === 'css') cssGzip += zipped;
    else if (file.lazy) lazyGzip += zipped;
    else {
      minified += Buffer.byteLength(file.code);
      gzip += zipped;
    }
  }
  return { name, bundler, minified, gzip, lazyGzip, cssGzip };
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
