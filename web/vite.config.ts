import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = 'http://127.0.0.1:3000';
const NAMED_CHUNKS = new Set(['react', 'vendor']);

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // antd's core (forms, layout, overlays) is one ~550 kB chunk, ~180 kB gzipped; that is expected.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Automatic shared chunks are named after an arbitrary module inside; call them "shared".
        chunkFileNames: (chunk) =>
          chunk.isDynamicEntry || NAMED_CHUNKS.has(chunk.name)
            ? 'assets/[name]-[hash].js'
            : 'assets/shared-[hash].js',
        // Libraries every page needs change less often than our code: their own chunks stay
        // cached across releases. antd is left to automatic splitting, so the components only
        // role pages use (tables, menus) load with those pages.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
              priority: 2,
            },
            {
              name: 'vendor',
              test: /node_modules[\\/](zod|i18next|react-i18next|@tanstack)[\\/]/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
});
