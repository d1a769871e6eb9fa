import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

const outDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Writes `<file>.br` and `<file>.gz` beside each text file of the build (scripts, styles, html, svg,
 * json), which the api serves to browsers that accept them (apps/api/src/web/web-app.ts): compressed
 * once at build time, at the best level, rather than on each request. Files under 1 KB are left as they
 * are, except index.html: the page every visit asks again (no-cache) is served compressed like the rest.
 */
function precompress(): Plugin {
  return {
    name: 'iss-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of filesUnder(outDir)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file)) continue;
        if (statSync(file).size < 1024 && !file.endsWith('.html')) continue;
        const content = readFileSync(file);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

// Vite 8 compiles TSX itself (oxc): no React plugin, just the automatic JSX runtime.
export default defineConfig(({ command }) => {
  // A build is always React's production build, whatever NODE_ENV the shell has (the demo runs the api
  // in development): Vite takes process.env.NODE_ENV for the bundle and the packages' export conditions.
  // eslint-disable-next-line no-restricted-properties -- the build tool's own environment, not the app's configuration
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});

const config = {
  root: here,
  base: '/',
  // The DSFR's CSS still carries old IE hacks (`@media (min-width: 0\0)`) that lightningcss would refuse.
  css: { lightningcss: { errorRecovery: true } },
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [precompress()],
  // The vocabulary is shared with the server and has no dependencies (tsconfig.json's paths say the same).
  resolve: { alias: { '@app/vocabulary': fileURLToPath(new URL('../../libs/vocabulary/src', import.meta.url)) } },
  build: {
    outDir,
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
} satisfies UserConfig;
