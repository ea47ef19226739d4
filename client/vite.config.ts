import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://127.0.0.1:3000';

export default defineConfig(({ command }) => {
  // A build is what the server serves, so it is React's production build even when the caller's
  // NODE_ENV says otherwise (vitest sets "test", which would bundle React's development build).
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    plugins: [react()],
    build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
    server: {
      port: 5173,
      proxy: {
        '/api': api,
        '/healthz': api,
        '/readyz': api,
        '/socket.io': { target: api, ws: true },
        '/yjs': { target: api, ws: true },
      },
    },
  };
});
