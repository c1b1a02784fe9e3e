import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The ASP.NET server serves wwwroot as static files and answers a browser
// GET of `/` or `/graphql` with wwwroot/ide/index.html, so every asset URL
// must be absolute under /ide/.
export default defineConfig({
  base: '/ide/',
  build: {
    outDir: fileURLToPath(new URL('../wwwroot/ide', import.meta.url)),
    emptyOutDir: true,
    // monaco-editor is large; the warning is expected and not actionable.
    chunkSizeWarningLimit: 8000,
    rolldownOptions: {
      onwarn(warning, defaultHandler) {
        // Several dependencies start with "use client" (a React Server
        // Components marker); it means nothing in a plain client bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        defaultHandler(warning);
      },
    },
  },
  worker: {
    format: 'es',
  },
});
