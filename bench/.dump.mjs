import { build } from 'vite';
import path from 'node:path';
import fs from 'node:fs';
const here = '/work/main/bench';
const out = await build({ configFile: false, logLevel: 'silent', root: here, mode: 'production', resolve: { conditions: ['browser','import','default'] },
  build: { write: false, minify: true, target: 'es2022', modulePreload: false, rolldownOptions: { input: path.join(here, 'entries/core.js'), external: [/^react/], output: { format: 'es', codeSplitting: false } } } });
const r = Array.isArray(out) ? out[0] : out;
fs.writeFileSync(process.argv[2], r.output[0].code);
