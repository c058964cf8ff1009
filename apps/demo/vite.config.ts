import { defineConfig } from 'vite';

// Relative asset paths: the build is static files that work from any directory of any host.
export default defineConfig({
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 25_000 },
});
