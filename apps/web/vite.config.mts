import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// Vite 8 compiles TSX itself (oxc): no React plugin, just the automatic JSX runtime.
export default defineConfig({
  root: here,
  base: '/',
  // The DSFR's CSS still carries old IE hacks (`@media (min-width: 0\0)`) that lightningcss would refuse.
  css: { lightningcss: { errorRecovery: true } },
  oxc: { jsx: { runtime: 'automatic' } },
  // The vocabulary is shared with the server and has no dependencies (tsconfig.json's paths say the same).
  resolve: { alias: { '@app/vocabulary': fileURLToPath(new URL('../../libs/vocabulary/src', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // One bundle of about 150 kB gzipped: react-dsfr starts the DSFR's runtime in an order that
    // manual chunks break (window.dsfr.start is not a function), so the limit is raised instead.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // react-dsfr marks its components "use client", which means nothing in a single-page bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      checks: { pluginTimings: false },
    },
  },
  // `npm run dev:web` proxies the API of a running stack (PORT 3000 by default) to keep one origin.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
