// Recording on a child's record from the pages: a visit (one page, the date
// already today's, every answer by its label, so it can be done from the
// keyboard) and a case note. A refusal comes back with the GOV.UK error
// summary, each message beside its input and every word typed still there;
// the recorded visit shows on the case page. With JavaScript and without.
const { test, expect } = require('@playwright/test');
const { signIns, checkAccessible, screenshot, openChild: child } = require('./support');

const worker = () => ({ username: 'alex.morgan', password: signIns()['alex.morgan'].password });

const openChild = (page, testInfo) => child(page, testInfo, worker());

test('a worker records a visit from the case, and a refusal loses nothing', async ({ page }, testInfo) => {
  const caseUrl = await openChild(page, testInfo);
  // The visit this child is overdue for (the demo's first child is late).
  const overdueVisit = () => page.locator('table.cinplan-due-table tbody tr', { hasText: /visit/i })
    .filter({ has: page.locator('.govuk-tag--red') });
  const overdueBefore = await overdueVisit().count();
  if (testInfo.project.name === 'with-javascript') expect(overdueBefore).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Record a visit' }).click();
  await expect(page.getByRole('heading', { name: 'Record a visit' })).toBeVisible();
  const now = new Date();
  const day = String(now.getDate()), month = String(now.getMonth() + 1);
  await expect(page.getByLabel('Day')).toHaveValue(day);
  await expect(page.getByLabel('Month')).toHaveValue(month);
  await checkAccessible(page);
  await screenshot(page, testInfo, 'visit-form');

  // Not seen, and no reason given: refused, with the words kept.
  const notes = 'Knocked twice at 4pm. A neighbour said the family had gone to the shops.';
  await page.getByRole('group', { name: 'Was the child seen?' }).getByLabel('No').check();
  await page.getByLabel('Notes of the visit').fill(notes);
  await page.getByRole('button', { name: 'Record the visit' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toContainText('Say why the child was not seen.');
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByLabel('Notes of the visit')).toHaveValue(notes);
  await expect(page.locator('#reason_not_seen-error')).toBeVisible();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'visit-refused');
  // The summary's link goes to the input that needs it (GOV.UK Frontend's
  // script puts the focus in it; without the script the address's anchor
  // takes the page there).
  await summary.getByRole('link').first().click();
  if (testInfo.project.use.javaScriptEnabled === false)
    await expect(page).toHaveURL(/#reason_not_seen$/);
  else
    await expect(page.locator('#reason_not_seen')).toBeFocused();

  // Seen after all: alone, at home, unannounced, two rooms.
  await page.getByRole('group', { name: 'Was the child seen?' }).getByLabel('Yes').check();
  await page.getByRole('group', { name: 'Was the child seen alone?' }).getByLabel('Yes').check();
  await page.getByLabel('At the child\'s home').check();
  await page.getByRole('group', { name: 'Did the family know you were coming?' }).getByLabel('No').check();
  await page.getByLabel('The child\'s bedroom').check();
  await page.getByLabel('Kitchen').check();
  await page.getByLabel('An unannounced check').check();
  const said = notes + ' Came back at 5pm: seen alone in her room. She said school is better now.';
  await page.getByLabel('Notes of the visit').fill(said);
  await page.getByRole('button', { name: 'Record the visit' }).click();
  // Recorded: back on the case with a banner, which also says what the
  // record flagged (the JavaScript project's child was visited late).
  await expect(page).toHaveURL(/\?recorded=visit(&flagged=1)?$/);
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The visit is recorded.');
  if (testInfo.project.name === 'with-javascript')
    await expect(page.locator('.cinplan-flagged')).toContainText('late');
  // The overdue visit is met: nothing about a visit is red any more.
  await expect(overdueVisit()).toHaveCount(0);
  // ... and shown as done, today, under what is due.
  const today = now.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  await expect(page.locator('.cinplan-done li', { hasText: /visit/i }).first()).toContainText(today);
  await page.locator('#visits ~ ul details summary').first().click();
  await expect(page.locator('#visits ~ ul details').first()).toContainText('She said school is better now.');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'visit-recorded');

  // The form is empty again: the draft of the refusal went with the record.
  await page.goto(caseUrl + '/visit');
  await expect(page.getByLabel('Notes of the visit')).toHaveValue('');
});

test('a worker adds a case note', async ({ page }, testInfo) => {
  const caseUrl = await openChild(page, testInfo);
  await page.getByRole('button', { name: 'Add a case note' }).click();
  await expect(page.getByRole('heading', { name: 'Add a case note' })).toBeVisible();
  await page.getByRole('button', { name: 'Add the note' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter a heading for the note');
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter the note');
  await checkAccessible(page);
  await page.getByLabel('Heading').fill('Call from school');
  await page.getByLabel('The note').fill('Attendance is up to 92% this half term.');
  await page.getByRole('button', { name: 'Add the note' }).click();
  await expect(page).toHaveURL(/\?recorded=note$/);
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The case note is added.');
  await expect(page.locator('#notes ~ div').first()).toContainText('Attendance is up to 92%');
  await screenshot(page, testInfo, 'note-added');
  expect(page.url().startsWith(caseUrl)).toBeTruthy();
});

test('a worker changes the plan after the SMART check, and the family signs it', async ({ page }, testInfo) => {
  const caseUrl = await openChild(page, testInfo);
  await page.getByRole('button', { name: /(Change|Write) the plan/ }).click();
  await expect(page.getByRole('heading', { name: /(Change|Write) the plan/ })).toBeVisible();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'plan-form');
  // The first empty outcome and action rows: what the plan adds.
  const emptyOutcome = page.locator('fieldset.cinplan-plan-row').filter({
    has: page.locator('textarea[name$="-measure"]') }).filter({
    has: page.locator('input[name$="-id"][value=""]') }).first();
  await emptyOutcome.getByLabel(/what we want to achieve/).fill('Kai joins an after-school club he chooses');
  const emptyAction = page.locator('fieldset.cinplan-plan-row').filter({
    has: page.locator('input[name$="-owner"]') }).filter({
    has: page.locator('input[name$="-id"][value=""]') }).first();
  await emptyAction.getByLabel(/what will be done/).fill('Find clubs near school with Kai');
  await emptyAction.getByLabel('Who will do it').fill('Alex Morgan');
  await emptyAction.getByLabel('Why it will help').fill('He asked for it at the last visit');
  const by = new Date(Date.now() + 21 * 86400000);
  await emptyAction.getByLabel('Day').fill(String(by.getDate()));
  await emptyAction.getByLabel('Month').fill(String(by.getMonth() + 1));
  await emptyAction.getByLabel('Year').fill(String(by.getFullYear()));
  await page.getByLabel('What changed, and why').fill('Kai\'s wishes from the last visit');

  // Checked first: the outcome has nothing to measure it by.
  await page.getByRole('button', { name: 'Check the plan first' }).click();
  await expect(page.locator('.cinplan-flags')).toContainText('has nothing to measure it by');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'plan-flagged');
  const outcome = page.locator('fieldset.cinplan-plan-row').filter({
    has: page.locator('textarea', { hasText: 'after-school club' }) });
  await outcome.getByLabel('How we will know it is achieved').fill('Kai goes to the club most weeks');
  await page.getByRole('button', { name: 'Record this version' }).click();
  await expect(page).toHaveURL(/\?recorded=plan(&flagged=1)?$/);
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('plan is recorded');
  await expect(page.locator('#plan ~ ul').first()).toContainText('after-school club');
  await screenshot(page, testInfo, 'plan-recorded');

  await page.getByRole('link', { name: 'Record a signature of the plan' }).click();
  await page.getByLabel('The family (a parent or carer)').check();
  await page.getByRole('button', { name: 'Record the signature' }).click();
  await expect(page).toHaveURL(/\?recorded=signature$/);
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('signature of the plan is recorded');
  // The plan says who has signed the version in force.
  const signedRow = page.locator('.govuk-summary-list__row', { has: page.locator('dt', { hasText: /^Signed$/ }) });
  await expect(signedRow).toContainText('By the family on');
  expect(page.url().startsWith(caseUrl)).toBeTruthy();
});
