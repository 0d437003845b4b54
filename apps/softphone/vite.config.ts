import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The demo softphone. `npm run demo` runs the dev server with
 * `VITE_SIP_SERVER` set to the local Kamailio; `vite build` writes `dist/`
 * (the e2e tests build to their own directory with `--outDir`).
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1' },
  // sip.js alone is ~300 kB minified; one chunk is fine for a demo.
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 800 },
});
