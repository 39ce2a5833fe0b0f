// End-to-end tests of the served page in Debian's Chromium (never a downloaded browser).
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT || 8123);
export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  retries: 0,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [{
    // The page, and the tests' fixtures beside it (e2e/fixtures: harness pages, never deployed).
    command: `node scripts/serve.mjs ${PORT} www e2e/fixtures`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI && !process.env.E2E_FRESH,
    timeout: 20_000,
  }, {
    // A host page on another origin, for the embed's tests (e2e/fixtures/host.html).
    command: `node scripts/serve.mjs ${PORT + 1} e2e/fixtures`,
    url: `http://127.0.0.1:${PORT + 1}/host.html`,
    reuseExistingServer: !process.env.CI && !process.env.E2E_FRESH,
    timeout: 20_000,
  }],
});
