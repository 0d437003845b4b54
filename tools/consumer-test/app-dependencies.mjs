// @ts-check
/**
 * What the consumer test installs into its fresh apps besides the three
 * tarballs, at exact versions, so that `npm install --offline` finds every
 * package in npm's cache. `tools/setup.mjs` puts them there (`npm cache add`)
 * before `npm test`; the test itself never reaches a registry.
 *
 * React 19 comes at the versions the workspace installed; React 18 at the
 * last 18 release, the oldest React the packages declare.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @param {string} name the version of `name` installed in the workspace */
function installed(name) {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/**
 * @typedef {{ dependencies: Record<string, string>; overrides: Record<string, string> }} AppDependencies
 * `dependencies` go into the app's package.json; `overrides` pin what those
 * pull in, so that no version range is resolved against the registry.
 */

/** @returns {{ react19: AppDependencies; react18: AppDependencies }} */
export function appDependencies() {
  const shared = {
    'sip.js': installed('sip.js'),
    zustand: installed('zustand'),
    '@types/react': installed('@types/react'),
    '@types/react-dom': installed('@types/react-dom'),
  };
  return {
    react19: {
      dependencies: { ...shared, react: installed('react'), 'react-dom': installed('react-dom') },
      overrides: { scheduler: installed('scheduler'), csstype: installed('csstype') },
    },
    react18: {
      dependencies: { ...shared, react: '18.3.1', 'react-dom': '18.3.1' },
      overrides: { scheduler: '0.23.2', 'loose-envify': '1.4.0', 'js-tokens': '4.0.0', csstype: installed('csstype') },
    },
  };
}

/** Every `name@version` the apps install, for `npm cache add`. */
export function cacheSpecs() {
  const specs = new Set();
  for (const app of Object.values(appDependencies())) {
    for (const [name, version] of [...Object.entries(app.dependencies), ...Object.entries(app.overrides)]) specs.add(`${name}@${version}`);
  }
  return [...specs].sort();
}
