import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { SOURCE_ALIASES } from '../../tools/source-aliases.mjs';

/**
 * The demo softphone. `npm run demo` runs the dev server with
 * `VITE_SIP_SERVER` set to the local Kamailio; `vite build` writes `dist/`
 * (the e2e tests build to their own directory with `--outDir`). The dev
 * server reads the packages' sources; a build takes their `dist/`, as an app
 * installed from the registry would.
 */
export default defineConfig(({ command }) => ({
  root: import.meta.dirname,
  resolve: { alias: command === 'serve' ? [...SOURCE_ALIASES] : [] },
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1' },
  // sip.js alone is ~300 kB minified; one chunk is fine for a demo.
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 800 },
}));
