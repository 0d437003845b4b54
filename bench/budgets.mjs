// @ts-check
/**
 * The size budgets of webphone, in gzip bytes of minified JavaScript
 * (react and react-dom left out). One list, read by `npm run bench` (which
 * prints them) and by the budget test in `npm test` (which enforces them).
 * A kilobyte here is 1024 bytes.
 */

/** @typedef {import('./bundle-size.mjs').BundleSize} BundleSize */
/** @typedef {{ floor: BundleSize; core: BundleSize; react: BundleSize; ui: BundleSize }} BundleSizes */
/** @typedef {{ what: string; limit: number; size: (sizes: BundleSizes) => number }} Budget */

export const KB = 1024;

/** @type {readonly Budget[]} */
export const BUDGETS = [
  {
    what: 'core overhead over the floor (sip.js + zustand/vanilla)',
    limit: 12 * KB,
    size: (sizes) => sizes.core.gzip - sizes.floor.gzip,
  },
  { what: 'core + react', limit: 66 * KB, size: (sizes) => sizes.react.gzip },
  { what: 'core + react + ui', limit: 75 * KB, size: (sizes) => sizes.ui.gzip },
];
