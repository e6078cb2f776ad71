/**
 * The renderer on its own, for the fast browser dev loop (`npm run dev:renderer`): Electron cannot launch
 * on every machine, but the same React app runs in any browser against `vigil web` (see README).
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'src/renderer',
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    proxy: process.env.VIGIL_WEB_URL
      ? {
          '/rpc': process.env.VIGIL_WEB_URL,
          '/events': process.env.VIGIL_WEB_URL,
          '/media': process.env.VIGIL_WEB_URL,
        }
      : undefined,
  },
});
