// The managers' lists (issue 10), on the second demo authority, whose
// procedure (cin-plans-and-reviews) has a Child in Need panel for plans open
// a year: a group manager opens the panel list for a week, records the
// panel's decision for a child on it (the procedure asks the group manager
// to record it), and the child leaves the list; a service manager sees the
// plans open 9 and 12 months and records a decision. With JavaScript and
// without: each project takes its own child.
const { test, expect } = require('@playwright/test');
const { signIns, signIn, checkAccessible, screenshot } = require('./support');

test.use({ baseURL: process.env.CINPLAN_PANEL_URL });
const as = (username) => ({
  username, password: signIns(process.env.CINPLAN_PANEL_SIGN_INS)[username].password });
const childIndex = (testInfo) => (testInfo.project.name === 'with-javascript' ? 0 : 1);

test("a group manager records the panel's decision for a child on the week's list", async ({ page }, testInfo) => {
  await signIn(page, as('anthony.green'));
  await page.getByRole('link', { name: 'CIN panel' }).click();
  await expect(page.getByRole('heading', { name: 'The Child in Need panel' })).toBeVisible();
  // A week ahead, when plans reach a year: the week runs Monday to Sunday.
  await page.goto('/panel?week=2027-06-03');
  await expect(page.locator('body')).toContainText('For the week 31 May 2027 to 6 June 2027');
  const rows = page.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(1);
  await checkAccessible(page);
  await screenshot(page, testInfo, 'panel-list');
  const row = rows.nth(childIndex(testInfo));
  const caseId = (await row.locator('.govuk-body-s').innerText()).trim();
  await row.getByRole('link', { name: /Record the panel's decision/ }).click();
  await expect(page.getByRole('heading', { name: "Record the panel's decision" })).toBeVisible();
  await page.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Choose the decision');
  await expect(page.locator('.govuk-error-summary')).toContainText('Say why');
  await checkAccessible(page);
  await page.getByRole('group', { name: 'What was decided?' }).getByLabel('Continue the plan').check();
  await page.getByLabel('Why?').fill('Progress, but school attendance is not yet sustained.');
  await page.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page).toHaveURL(/\/panel\?recorded=panel$/);
  await expect(page.locator('.govuk-notification-banner--success')).toContainText("The panel's decision is recorded.");
  // Its panel has been held: it is no longer on that week's list.
  await page.goto('/panel?week=2027-06-03');
  await expect(page.locator('tbody')).not.toContainText(caseId);
  await page.goto('/cases/' + caseId);
  await expect(page.locator('body')).toContainText('continuing the plan: Progress, but school attendance is not yet sustained.');
});

test("a worker has no panel list, and a service manager records a decision on a plan open 9 months", async ({ page, context }, testInfo) => {
  await signIn(page, as('nadia.hussain'));
  await expect(page.getByRole('link', { name: 'CIN panel' })).toHaveCount(0);
  expect((await page.goto('/panel')).status()).toBe(403);
  await context.clearCookies();
  await signIn(page, as('rebecca.thompson'));
  await page.getByRole('link', { name: 'Plans open 9 or 12 months' }).click();
  await expect(page.getByRole('heading', { name: 'Plans open 9 months or more' })).toBeVisible();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'oversight-list');
  await page.locator('tbody tr').nth(childIndex(testInfo)).getByRole('link', { name: /The service manager's decision/ }).click();
  await page.getByRole('group', { name: 'What was decided?' }).getByLabel('Continue it beyond 12 months').check();
  await page.getByLabel('Why?').fill('The family therapy has a further three months to run.');
  await page.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page).toHaveURL(/\/oversight\?recorded=service_manager$/);
  await expect(page.locator('.govuk-notification-banner--success')).toContainText("The service manager's decision is recorded.");
  expect((await page.goto('/oversight?months=10')).status()).toBe(400);
});
