// Playwright for cinplan's pages: Debian's Chromium with the flags that work
// on these machines (DESIGN.md section 10), one worker (the tests share one
// server), and two projects: with JavaScript and without it, since every
// page must work both ways.
const { defineConfig } = require('@playwright/test');

const chromium = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
};

module.exports = defineConfig({
  testDir: '.',
  testMatch: '*.spec.js',
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
  // What a failing test leaves (traces, its last page), outside the source tree.
  outputDir: process.env.CINPLAN_SCREENSHOTS + '/../playwright-results',
  use: {
    baseURL: process.env.CINPLAN_URL,
    launchOptions: chromium,
    viewport: { width: 1280, height: 900 },
  },
  projects: [
    { name: 'with-javascript', use: { javaScriptEnabled: true } },
    { name: 'without-javascript', use: { javaScriptEnabled: false } },
  ],
});
