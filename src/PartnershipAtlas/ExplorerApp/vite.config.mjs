import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import persistedDocuments from './build/persisted-documents.mjs';
import gbOutline from './build/gb-outline.mjs';

// The server serves wwwroot as static files and answers `/`, `/networks/{id}`, `/schools/{urn}` and `/overlaps`
// with wwwroot/explorer/index.html, so every asset URL is absolute under /explorer/.
export default defineConfig({
  base: '/explorer/',
  plugins: [persistedDocuments(), gbOutline()],
  build: {
    outDir: fileURLToPath(new URL('../wwwroot/explorer', import.meta.url)),
    emptyOutDir: true,
    // No inline scripts or styles (the server's Content-Security-Policy allows only its own files).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // The app, and the map benchmark page (/explorer/bench/map.html: 50,000 generated points; not linked from the app).
      input: {
        app: fileURLToPath(new URL('./index.html', import.meta.url)),
        mapBench: fileURLToPath(new URL('./bench/map.html', import.meta.url)),
      },
      onwarn(warning, defaultHandler) {
        // react-router starts with "use client" (a React Server Components marker); it means nothing here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        defaultHandler(warning);
      },
    },
  },
});
