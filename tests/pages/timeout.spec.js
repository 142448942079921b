// The idle-timeout warning (the GOV.UK timeout pattern) and what happens to
// typing when the session ends anyway. The page's clock is Playwright's, so
// half an hour passes at once; the server's session is ended in its
// database, as half an hour of idleness would. JavaScript only: without it
// there is no warning, and a form sent after the session ended is kept all
// the same (tests/api/test_forms.py).
const { execFileSync } = require('child_process');
const { test, expect } = require('@playwright/test');
const { signIns, signIn, checkAccessible, screenshot } = require('./support');

const worker = () => ({ username: 'alex.morgan', password: signIns()['alex.morgan'].password });
const minutes = (n) => n * 60 * 1000;

test('a worker is warned before the session ends, may stay, and loses nothing when it ends', async ({ page }, testInfo) => {
  test.skip(testInfo.project.use.javaScriptEnabled === false, 'the warning needs JavaScript');
  await page.clock.install();
  await signIn(page, worker());
  await page.locator('tbody tr a').first().click();
  await page.getByRole('button', { name: 'Record a visit' }).click();
  const form = page.url();
  const words = 'Sat with the child and grandmother; shown the drawings for school.';
  await page.getByLabel('Notes of the visit').fill(words);

  // Two minutes before the 30-minute idle timeout: the warning.
  await page.clock.fastForward(minutes(28) + 1000);
  const dialog = page.getByRole('dialog', { name: 'You will be signed out soon' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('2 minutes');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'timeout-warning');
  await dialog.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Notes of the visit')).toHaveValue(words);

  // Then the session does end (as 30 idle minutes would end it), while
  // the page waits: what was typed is sent and kept as a draft.
  const anHourAgo = new Date(Date.now() - minutes(60)).toISOString();
  execFileSync('sqlite3', [process.env.CINPLAN_PAGES_DB,
    `UPDATE sessions SET last_seen = '${anHourAgo}' WHERE username = 'alex.morgan'`]);
  await page.waitForTimeout(5500);  // past the server's few seconds of trusting a seen session
  await page.clock.fastForward(minutes(31));
  await expect(page).toHaveURL(/\/sign-in\?next=.*&ended=1&kept=1$/);
  await expect(page.locator('.govuk-inset-text')).toContainText('What you typed was kept');
  await screenshot(page, testInfo, 'timeout-ended');
  await page.getByLabel('Username').fill(worker().username);
  await page.getByLabel('Password').fill(worker().password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(form);
  await expect(page.locator('.govuk-notification-banner')).toContainText('Your session ended before it was sent');
  await expect(page.getByLabel('Notes of the visit')).toHaveValue(words);
  await screenshot(page, testInfo, 'timeout-draft');
});

test('signed out in another tab: the form is not sent, and nothing typed is lost', async ({ page, context }, testInfo) => {
  // Only the page's script can hold the form back; without it the browser
  // has no session left to keep a draft under (README).
  test.skip(testInfo.project.use.javaScriptEnabled === false, 'needs the page script');
  const who = { username: 'alex.morgan', password: signIns()['alex.morgan'].password };
  await signIn(page, who);
  await page.locator('tbody tr a').first().click();
  await page.getByRole('button', { name: 'Add a case note' }).click();
  const words = 'Phoned the school: attendance this week 4 days of 5.';
  await page.getByLabel('Heading').fill('Call with school');
  await page.getByLabel('The note').fill(words);
  const other = await context.newPage();
  await other.goto('/caseload');
  await other.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Add the note' }).click();
  await expect(page.locator('#cinplan-not-sent')).toContainText('You are signed out');
  await expect(page.getByLabel('The note')).toHaveValue(words);
  await checkAccessible(page);
  await screenshot(page, testInfo, 'note-not-sent-signed-out');
  // Signed in again in the other tab, the same form is sent from here.
  await signIn(other, who);
  await page.getByRole('button', { name: 'Add the note' }).click();
  await expect(page).toHaveURL(/recorded=note/);
  await expect(page.locator('#notes ~ *').first()).toContainText('Call with school');
});

test('a note too long to send stays on the page with what to do', async ({ page }, testInfo) => {
  test.skip(testInfo.project.use.javaScriptEnabled === false, 'needs the page script');
  await signIn(page, worker());
  await page.locator('tbody tr a').first().click();
  await page.getByRole('button', { name: 'Add a case note' }).click();
  const long = 'The mother described the week in detail. '.repeat(30000);  // about 1.2 MB
  await page.getByLabel('Heading').fill('A long account');
  await page.getByLabel('The note').fill(long);
  await page.getByRole('button', { name: 'Add the note' }).click();
  await expect(page.locator('#cinplan-not-sent')).toContainText('at most 1 MiB');
  expect((await page.getByLabel('The note').inputValue()).length).toBe(long.length);
  await expect(page).toHaveURL(/\/note$/);
});
