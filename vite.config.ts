import path from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const apiPort = process.env.API_PORT ?? '3001'

export default defineConfig({
  root: path.resolve(import.meta.dirname, 'src/platform/web'),
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    // check-bundle.mjs reads the manifest to sum what the first page load costs.
    manifest: true,
    sourcemap: false,
    // The budget that matters is check-bundle.mjs (gzip of the first load), not raw chunk size.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
})
