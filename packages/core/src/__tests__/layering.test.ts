import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packagesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts)$/.test(name) ? [full] : [];
  });
}

/** Module specifiers imported (statically or dynamically) by a file. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    specifiers.push(match[1] ?? match[2] ?? match[3]!);
  }
  return specifiers;
}

const isReact = (spec: string): boolean => /^(react|react-dom)(\/|$)/.test(spec);
const isSip = (spec: string): boolean => /^sip\.js(\/|$)/.test(spec);

describe('package layering', () => {
  it('finds the sources it checks', () => {
    expect(sourceFiles(path.join(packagesDir, 'core/src')).length).toBeGreaterThan(10);
  });

  it('core never imports React', () => {
    const offenders = sourceFiles(path.join(packagesDir, 'core/src')).filter((file) => importsOf(file).some(isReact));
    expect(offenders).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(packagesDir, 'core/package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const declared = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
    expect(declared.filter(isReact)).toEqual([]);
  });

  it('only core/src/sip imports sip.js', () => {
    const offenders = sourceFiles(path.join(packagesDir, 'core/src'))
      .filter((file) => !file.includes(`${path.sep}sip${path.sep}`) && !file.includes(`${path.sep}__tests__${path.sep}`))
      .filter((file) => importsOf(file).some(isSip));
    expect(offenders.map((file) => path.relative(packagesDir, file))).toEqual([]);
  });

  it('react and ui never import sip.js', () => {
    const offenders = ['react/src', 'ui/src'].flatMap((dir) => sourceFiles(path.join(packagesDir, dir))).filter((file) => importsOf(file).some(isSip));
    expect(offenders).toEqual([]);
  });

  it('the call foundation (registry, lifecycle, session, sip/) never imports a call feature', () => {
    const features = ['contact-resolver', 'dtmf', 'hold-controller', 'recording', 'transfer-controller', 'call-controller', 'phone-operator'];
    const coreSrc = path.join(packagesDir, 'core/src');
    const foundation = [
      ...['call-registry.ts', 'call-lifecycle.ts', 'session.ts', 'live-call.ts', 'call-feature.ts'].map((name) => path.join(coreSrc, name)),
      ...sourceFiles(path.join(coreSrc, 'sip')),
    ];
    const offenders = foundation.flatMap((file) =>
      importsOf(file)
        .filter((spec) => features.some((feature) => spec.endsWith(`/${feature}.js`)))
        .map((spec) => `${path.relative(packagesDir, file)} → ${spec}`),
    );
    expect(offenders).toEqual([]);
    // The scanner sees the feature imports of the operator, so this check can fail.
    expect(importsOf(path.join(coreSrc, 'phone-operator.ts')).some((spec) => spec.endsWith('/hold-controller.js'))).toBe(true);
  });

  it('the import scanner sees imports (so the checks above can fail)', () => {
    expect(importsOf(path.join(packagesDir, 'core/src/sip/sip-connection.ts')).some(isSip)).toBe(true);
  });
});
