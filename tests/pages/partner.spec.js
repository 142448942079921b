// The partner professional's portal (issue 10): a school's designated
// safeguarding lead signs in, sees only the families who consented to share
// with the school, adds a written update before a meeting and a 0-10
// scaling score with why, and can reach nothing else of any record. With
// JavaScript and without.
const { test, expect } = require('@playwright/test');
const { signIns, signIn, checkAccessible, screenshot } = require('./support');

const as = (username) => ({ username, password: signIns()[username].password });
const childIndex = (testInfo) => (testInfo.project.name === 'with-javascript' ? 0 : 1);

test('a partner adds a written update and a scaling score to a family who share with their agency', async ({ page }, testInfo) => {
  await signIn(page, as('rachel.patel'));
  await expect(page).toHaveURL(/\/shared$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Oakfield Academy');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'partner-families');
  await page.locator('tbody tr a').nth(childIndex(testInfo)).click();
  await expect(page).toHaveURL(/\/cases\/[^/]+\/shared$/);
  await expect(page.getByRole('heading', { name: 'The plan' })).toBeVisible();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'partner-case');

  await page.getByRole('button', { name: 'Add a written update' }).click();
  await expect(page.getByRole('heading', { name: 'Add a written update' })).toBeVisible();
  await page.getByRole('button', { name: 'Add the update' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter your update');
  await checkAccessible(page);
  await page.getByLabel('Your update').fill('Attendance is 96% this half term and she has joined the choir.');
  await page.getByRole('button', { name: 'Add the update' }).click();
  await expect(page).toHaveURL(/\/shared\?recorded=update$/);
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('Your update is added.');

  await page.getByRole('button', { name: 'Give a scaling score' }).click();
  await page.getByLabel('Your score (0 to 10)').fill('12');
  await page.getByLabel('Why that score').fill('Attendance is up; mornings are still rushed.');
  await page.getByRole('button', { name: 'Record the score' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('The score must be a whole number from 0 to 10');
  await expect(page.getByLabel('Why that score')).toHaveValue('Attendance is up; mornings are still rushed.');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'partner-scaling-refused');
  await page.getByLabel('Your score (0 to 10)').fill('7');
  await page.getByRole('button', { name: 'Record the score' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('Your score is recorded.');
});

test('a partner can reach nothing of a record beyond the shared plan and meeting dates', async ({ page }) => {
  await signIn(page, as('rachel.patel'));
  const listed = await page.locator('tbody tr td:nth-child(2)').allInnerTexts();
  expect(listed.length).toBeGreaterThan(0);
  const id = listed[0].trim();
  for (const address of [`/cases/${id}`, `/cases/${id}/visit`, `/cases/${id}/note`, `/cases/${id}/plan`,
    `/cases/${id}/family-plan`, `/cases/${id}/closure`, `/cases/${id}/transfer-out`, `/caseload`,
    `/caseload/team`, '/search?q=a', `/api/cases/${id}`, `/api/cases/${id}/audit`]) {
    const r = await page.request.get(address, { maxRedirects: 0 });
    expect(r.status(), address).toBe(403);
  }
  // A family who did not consent to share with the school: not listed, not reachable.
  let other = '';
  for (let n = 10001; n < 10041 && !other; n++) if (!listed.includes(`NB-${n}`)) other = `NB-${n}`;
  const refused = await page.request.get(`/cases/${other}/shared`, { maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  const form = await page.request.get(`/cases/${other}/written-update`, { maxRedirects: 0 });
  expect(form.status()).toBe(403);
});
