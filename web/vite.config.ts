import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { earlyEntry } from './early-entry.js';
import { precompress } from './precompress.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://127.0.0.1:3000';

// Vendors change far less often than the app: give React and the router their own chunks so a release of
// the app leaves their cached files valid in browsers.
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
  { name: 'router', test: /node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/, priority: 10 },
];

export default defineConfig({
  root,
  plugins: [react(), earlyEntry(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server reads it to preload a landing page's chunk from the page's HTML (src/platform/web-shell.ts).
    manifest: true,
    target: 'es2022',
    rolldownOptions: {
      // early.ts is an entry of its own, put in the page by earlyEntry() ahead of the app's entry.
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        early: fileURLToPath(new URL('src/early.ts', import.meta.url)),
      },
      output: { codeSplitting: { groups: vendorGroups } },
    },
  },
  server: {
    // Same origin in development as in production (the API serves web/dist): no CORS needed.
    proxy: { '/api': api, '/health': api, '/docs': api },
  },
});
