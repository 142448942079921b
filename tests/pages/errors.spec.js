// When cinplan cannot do its work: another program holds the database
// (a backup, an administrator's query left open). The page says what it
// means for the worker, in the service's style, and shows nothing it could
// not record on the access log.
const { spawn } = require('child_process');
const { test, expect } = require('@playwright/test');
const { signIns, signIn, checkAccessible, screenshot } = require('./support');

// Holds an exclusive lock on the demo's database until stopped.
async function lockDatabase() {
  const holder = spawn('python3', ['-c', `
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute('BEGIN EXCLUSIVE')
print('locked', flush=True)
time.sleep(50)
`, process.env.CINPLAN_PAGES_DB], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    holder.stdout.on('data', (d) => { if (String(d).includes('locked')) resolve(); });
    holder.on('exit', (code) => reject(new Error(`the lock holder ended (${code})`)));
  });
  return holder;
}

test('a database held by another program gives the sorry page, in words, and nothing else', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await signIn(page, { username: 'alex.morgan', password: signIns()['alex.morgan'].password });
  await expect(page).toHaveURL(/\/caseload$/);
  const holder = await lockDatabase();
  try {
    // A read of the caseload cannot go on the access log, so it is not shown.
    const answer = await page.goto('/caseload');
    expect(answer.status()).toBe(503);
    await expect(page.getByRole('heading', { name: 'Sorry, there is a problem with cinplan' })).toBeVisible();
    await expect(page.locator('main')).toContainText('cannot reach its database just now, so nothing was recorded');
    await expect(page.locator('main')).toContainText('tell your IT team the time it happened');
    await expect(page.locator('main')).not.toContainText('.db');  // no file names
    await expect(page.locator('tbody tr')).toHaveCount(0);         // no children
    await checkAccessible(page);
    await screenshot(page, testInfo, 'database-busy');
  } finally {
    holder.kill();
  }
  // The lock gone, the caseload is back.
  await expect.poll(async () => (await page.goto('/caseload')).status(), { timeout: 30_000 }).toBe(200);
});
