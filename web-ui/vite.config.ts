import { defineConfig } from "vitest/config";

// The gateway serves dist/ (LEDGER_WEB_ROOT or web-ui/dist); during `vite dev` the API is proxied.
export default defineConfig({
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
  server: { proxy: { "/api": "http://127.0.0.1:8080", "/feeds": "http://127.0.0.1:8080" } },
  test: { environment: "jsdom", globals: true, include: ["test/**/*.test.ts"] },
});
