#!/usr/bin/env node
// @ts-check
/**
 * Builds the package in the current directory into `dist/`, from scratch:
 *
 *   cd packages/ui && node ../../tools/build-package.mjs
 *
 * (each package's `build` script, and its `prepack`, run this). Steps:
 * 1. removes `dist/` and the package's `tsconfig.tsbuildinfo`, so a file
 *    deleted from `src/` never lingers in a tarball;
 * 2. `tsc -b`: JavaScript, declarations and both kinds of source maps (the
 *    packages it references are brought up to date first);
 * 3. when `src/styles.css` exists, inlines its `@import`s into one
 *    `dist/styles.css` (the file the `./styles.css` export points at);
 * 4. checks what it wrote: every relative import in `dist/` names a file
 *    that exists, with its extension (Node and webpack refuse anything
 *    else in a `"type": "module"` package), and every `'use client'` of the
 *    sources is still the first statement of the built module.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const packageDir = process.cwd();
const dist = path.join(packageDir, 'dist');
const src = path.join(packageDir, 'src');
const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));

/** @param {string} message */
function fail(message) {
  process.stderr.write(`[build ${pkg.name}] ${message}\n`);
  process.exit(1);
}

fs.rmSync(dist, { recursive: true, force: true });
fs.rmSync(path.join(packageDir, 'tsconfig.tsbuildinfo'), { force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.json'], { cwd: packageDir, stdio: 'inherit' });
if (compiled.status !== 0) fail('tsc -b failed (see above)');

const stylesheet = path.join(src, 'styles.css');
if (fs.existsSync(stylesheet)) fs.writeFileSync(path.join(dist, 'styles.css'), inlineCss(stylesheet, new Set()));

const problems = [...checkImports(), ...checkDirectives()];
if (problems.length > 0) fail(`dist/ is not publishable:\n  ${problems.join('\n  ')}`);
process.stdout.write(`[build ${pkg.name}] dist/ written and checked\n`);

/**
 * One stylesheet from one with relative `@import`s: each import replaced by
 * the imported file's text (recursively), each file once.
 * @param {string} file
 * @param {Set<string>} seen
 * @returns {string}
 */
function inlineCss(file, seen) {
  if (seen.has(file)) return '';
  seen.add(file);
  const text = fs.readFileSync(file, 'utf8');
  return text.replace(/^@import\s+(?:url\()?['"](\.{1,2}\/[^'"]+)['"]\)?\s*;[^\n]*$/gm, (_line, spec) => {
    const target = path.resolve(path.dirname(file), spec);
    if (!fs.existsSync(target)) fail(`${path.relative(packageDir, file)} imports ${spec}, which does not exist`);
    return `/* ${path.relative(src, target)} */\n${inlineCss(target, seen).trim()}\n`;
  });
}

/** Built JavaScript files under `dist/`. */
function builtModules() {
  return fs
    .readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Relative specifiers in `dist/` that lack an extension or name no file. */
function checkImports() {
  const problems = [];
  const specifier = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]*)['"]/g;
  for (const file of builtModules()) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(specifier)) {
      const spec = match[1];
      if (!/\.(js|css|json)$/.test(spec)) problems.push(`${path.relative(packageDir, file)}: '${spec}' has no extension`);
      else if (!fs.existsSync(path.resolve(path.dirname(file), spec))) problems.push(`${path.relative(packageDir, file)}: '${spec}' does not exist`);
    }
  }
  return problems;
}

/** Modules whose source starts with 'use client' but whose build does not. */
function checkDirectives() {
  const problems = [];
  const directive = /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*['"]use client['"]/;
  for (const file of builtModules()) {
    const base = path.join(src, path.relative(dist, file)).replace(/\.js$/, '');
    const source = ['.ts', '.tsx'].map((ext) => base + ext).find((candidate) => fs.existsSync(candidate));
    if (!source || !directive.test(fs.readFileSync(source, 'utf8'))) continue;
    if (!fs.readFileSync(file, 'utf8').startsWith("'use client';") && !fs.readFileSync(file, 'utf8').startsWith('"use client";')) {
      problems.push(`${path.relative(packageDir, file)}: 'use client' of its source was lost`);
    }
  }
  return problems;
}
