// Keeping the record right from the pages: every chronology entry says who
// recorded it and when; a worker corrects an entry (it stays on the record,
// marked as corrected, with the reason); marks an action of the plan done;
// and reads the plan's versions with what changed. With JavaScript and
// without.
const { test, expect } = require('@playwright/test');
const { signIns, signIn, checkAccessible, screenshot } = require('./support');

// A worker no other spec signs in as.
const worker = () => ({ username: 'jakub.nowak', password: signIns()['jakub.nowak'].password });

// Each project its own child, the same one in every test of the project,
// whichever order the caseload has come to (a test moves a child up or
// down it): the children by case id, the first with JavaScript.
async function openChild(page, testInfo) {
  await signIn(page, worker());
  const hrefs = (await page.locator('tbody tr a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).sort();
  await page.goto(hrefs[testInfo.project.name === 'with-javascript' ? 0 : 1]);
  await expect(page).toHaveURL(/\/cases\/[^/?]+$/);
  return page.url();
}

test('a worker corrects the date of an entry, and the record shows both', async ({ page }, testInfo) => {
  await openChild(page, testInfo);
  const heading = 'Call typed on the wrong day ' + testInfo.project.name;
  await page.getByRole('button', { name: 'Add a case note' }).click();
  await page.getByLabel('Heading').fill(heading);
  await page.getByLabel('The note').fill('Mother rang about the school run.');
  await page.getByRole('button', { name: 'Add the note' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The case note is added.');

  // Who recorded it, and when, in England's time.
  const entry = page.locator('.moj-timeline__item', { hasText: heading });
  await expect(entry.locator('.moj-timeline__byline')).toContainText(/Recorded by Jakub Nowak on \d+ \w+ \d{4} at /);
  await entry.getByRole('link', { name: /Correct this entry/ }).click();
  await expect(page.getByRole('heading', { name: 'Correct an entry of the record' })).toBeVisible();
  await expect(page.locator('.govuk-inset-text')).toContainText(heading);

  // Nothing chosen: both problems named, nothing recorded.
  await page.getByRole('button', { name: 'Record the correction' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Say how the entry is wrong');
  await expect(page.locator('.govuk-error-summary')).toContainText('Say why the entry is corrected');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'correction-refused');

  const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
  await page.getByLabel('It happened on another day: correct its date').check();
  await page.getByRole('textbox', { name: 'Day' }).fill(String(yesterday.getDate()));
  await page.getByRole('textbox', { name: 'Month' }).fill(String(yesterday.getMonth() + 1));
  await page.getByRole('textbox', { name: 'Year' }).fill(String(yesterday.getFullYear()));
  await page.getByLabel('Why is it corrected?').fill('The call was yesterday evening.');
  await page.getByRole('button', { name: 'Record the correction' }).click();
  await expect(page).toHaveURL(/\?recorded=correction$/);
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The correction is recorded.');
  // The entry as written stays, marked; the correction says which and why.
  await expect(page.locator('.moj-timeline__item', { hasText: heading }).locator('.govuk-tag')).toContainText('Corrected');
  await expect(page.locator('.moj-timeline__item', { hasText: 'The call was yesterday evening.' })).toBeVisible();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'correction-recorded');
});

test('a worker marks an action done and reads the plan\'s versions', async ({ page }, testInfo) => {
  const caseUrl = await openChild(page, testInfo);
  await page.getByRole('link', { name: 'Mark an action done' }).click();
  await expect(page.getByRole('heading', { name: 'Mark an action of the plan done' })).toBeVisible();
  await page.getByRole('button', { name: 'Mark it done' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Choose the action that was done');
  await checkAccessible(page);
  const first = page.locator('input[name="action"]').first();
  const label = (await page.locator(`label[for="${await first.getAttribute('id')}"]`).innerText()).split(' (')[0];
  await first.check();
  await screenshot(page, testInfo, 'action-done-form');
  await page.getByRole('button', { name: 'Mark it done' }).click();
  await expect(page).toHaveURL(/\?recorded=action_done$/);
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The action is marked done.');
  await expect(page.locator('#plan ~ ul li', { hasText: label }).first().locator('.govuk-tag--green')).toContainText('Done');

  await page.getByRole('link', { name: 'See every version of the plan and what changed' }).click();
  await expect(page.getByRole('heading', { name: 'The plan\u2019s versions' })).toBeVisible();
  await expect(page.locator('.govuk-summary-card').first()).toContainText('In force');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'plan-versions');
  expect(caseUrl).toContain('/cases/');
});
