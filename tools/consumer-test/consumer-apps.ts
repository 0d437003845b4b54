import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { appDependencies } from './app-dependencies.mjs';

/** The workspace root. */
export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

/** What a finished child process printed. */
export interface Output {
  stdout: string;
  stderr: string;
}

/**
 * Runs `command` and resolves with its output; rejects with that output when
 * it exits non-zero or outlives `timeoutMs` (then it is killed by PID).
 */
export function run(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Output> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`${command} ${args.join(' ')} (in ${options.cwd}) ended with ${signal ?? `exit ${code}`}\n${stdout}\n${stderr}`));
    });
  });
}

/** One file of a tarball, as `npm pack --json` lists it. */
export interface PackedFile {
  path: string;
  size: number;
}

/** A tarball made by `npm pack`. */
export interface Tarball {
  name: string;
  file: string;
  files: PackedFile[];
}

/**
 * `npm pack` of each package into `destination`, with its `prepack` (the
 * package's build) as npm runs it before a publish.
 */
export async function packAll(destination: string): Promise<Tarball[]> {
  const tarballs: Tarball[] = [];
  for (const name of ['core', 'react', 'ui']) {
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', destination, '-w', `packages/${name}`], { cwd: ROOT, timeoutMs: 240_000 });
    // prepack's own output precedes npm's JSON.
    const [packed] = JSON.parse(stdout.slice(stdout.indexOf('\n[') + 1)) as { name: string; filename: string; files: PackedFile[] }[];
    tarballs.push({ name: packed.name, file: path.join(destination, packed.filename), files: packed.files });
  }
  return tarballs;
}

/**
 * Makes a fresh app in `dir` from the template in `app/` with the tarballs
 * and `react` (19 or 18) at exact versions, and installs it with
 * `npm install --offline`.
 */
export async function createApp(dir: string, tarballs: readonly Tarball[], react: 'react19' | 'react18'): Promise<void> {
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(import.meta.dirname, 'app'), dir, { recursive: true });
  const { dependencies, overrides } = appDependencies()[react];
  const packageJson = {
    name: `consumer-${react}`,
    private: true,
    type: 'module',
    dependencies: { ...Object.fromEntries(tarballs.map((tarball) => [tarball.name, `file:${tarball.file}`])), ...dependencies },
    overrides,
  };
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);
  // The app's Vite config, as an app writes it; the plugin comes from the workspace (nothing is downloaded).
  const plugin = pathToFileURL(require.resolve('@vitejs/plugin-react')).href;
  writeFileSync(
    path.join(dir, 'vite.config.mjs'),
    `import react from '${plugin}';\n\nexport default { plugins: [react()], build: { target: 'es2022', chunkSizeWarningLimit: 1000 } };\n`,
  );
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel', 'error'], { cwd: dir, timeoutMs: 180_000 });
}

/** `vite build` of the app in its own process (production, as a release build). */
export async function viteBuild(dir: string): Promise<Output> {
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  return run(process.execPath, [vite, 'build', '--config', 'vite.config.mjs', '--outDir', 'dist', '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: dir,
    env: { NODE_ENV: 'production' },
    timeoutMs: 180_000,
  });
}

/** TypeScript of the workspace over the app's `tsconfig.<name>.json`. */
export function typecheck(dir: string, name: 'bundler' | 'nodenext'): Promise<Output> {
  return run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', `tsconfig.${name}.json`], { cwd: dir, timeoutMs: 180_000 });
}
