import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3900);
const webDist = path.resolve(import.meta.dirname, '../apps/web/dist/index.html');
if (!fs.existsSync(webDist)) {
  throw new Error(
    'Build the web app first: `npm run build` at the repository root (apps/web/dist is missing).',
  );
}

// One fresh database per run; the workers inherit the variable, so only the runner creates it.
if (!process.env.E2E_DATA_DIR) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanket-e2e-'));
  process.env.E2E_DATA_DIR = dataDir;
  process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
}

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node ../apps/api/bin/doanket.mjs serve',
    cwd: import.meta.dirname,
    url: `http://localhost:${port}/api/health`,
    // The demo seed writes the 2021 register (about 90,600 households and their residents) before the
    // server listens: 25–60 s on two busy cores, so a slow machine is given four minutes.
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATA_DIR: process.env.E2E_DATA_DIR,
      PORT: String(port),
      DOANKET_DEMO_PASSWORD: 'e2e-demo-password',
      DOANKET_DEMO: '1',
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
  },
});
