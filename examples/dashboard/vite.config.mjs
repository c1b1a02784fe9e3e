import { defineConfig } from 'vite';

// `npx vite` serves the page and passes /graphql (and /graphql/stream) to the server named by ATLAS_URL.
export default defineConfig({
  server: { proxy: { '/graphql': process.env.ATLAS_URL ?? 'http://localhost:5000' } },
});
