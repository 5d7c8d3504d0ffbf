import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

export default defineConfig(({ mode }) => {
  // The API runs apart in development (`npm run dev:api`); VITE_API_TARGET points at it.
  const env = loadEnv(mode, '.', 'VITE_');
  return {
    plugins: [react()],
    server: {
      port: Number(env.VITE_PORT ?? 5173),
      proxy: { '/api': { target: env.VITE_API_TARGET ?? 'http://localhost:3200' } },
    },
    build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2500 },
  };
});
