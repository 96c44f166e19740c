import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    // FLOWTAVLE_RENDERER_OUT lets parallel work build into a folder of its own.
    outDir: process.env.FLOWTAVLE_RENDERER_OUT ?? fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // The one chunk above 900 kB is exceljs (about 930 kB), loaded only when someone exports to XLSX and
    // then from the local disk or the team's own host; the notice told users nothing they could act on.
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      output: {
        // recharts is large: keep it out of the board's first load.
        manualChunks(id: string) {
          if (id.includes('node_modules/recharts') || id.includes('node_modules/d3-') || id.includes('node_modules/victory-vendor')) return 'charts';
          if (id.includes('node_modules/react') || id.includes('node_modules/scheduler')) return 'react';
          return undefined;
        },
      },
    },
  },
  server: { port: 5173 },
});
