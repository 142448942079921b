// Meetings from the pages: a worker arranges a review (the whole network
// invited, the notice checked against London CYPS's "3 to 4 weeks") and
// records it (the attendance register, scaling, what the meeting found, the
// outcome from the profile's list); a first-line manager, from the team's
// caseload, endorses excluding a parent, and the worker's meeting form then
// shows it. With JavaScript and without.
const { execFileSync } = require('child_process');
const { test, expect } = require('@playwright/test');
const { signIns, signIn, checkAccessible, screenshot, openChild } = require('./support');

const as = (username) => ({ username, password: signIns()[username].password });

// A child of its own for each project, apart from the other tests' children.
const childIndex = (testInfo) => (testInfo.project.name === 'with-javascript' ? 0 : 1);

function today() {
  const now = new Date();
  return { day: String(now.getDate()), month: String(now.getMonth() + 1), year: String(now.getFullYear()) };
}

async function fillDate(group, d) {
  await group.getByLabel('Day').fill(d.day);
  await group.getByLabel('Month').fill(d.month);
  await group.getByLabel('Year').fill(d.year);
}

test('a worker arranges a review at short notice, then records it', async ({ page }, testInfo) => {
  await signIn(page, as('nadia.hussain'));
  await page.locator('tbody tr a').nth(childIndex(testInfo)).click();
  await expect(page).toHaveURL(/\/cases\/[^/?]+$/);
  const caseUrl = page.url();

  await page.getByRole('button', { name: 'Arrange a meeting' }).click();
  await expect(page.getByRole('heading', { name: 'Arrange a meeting' })).toBeVisible();
  // The visit before the meeting is asked, in the procedure's words, with a way to record it.
  await expect(page.locator('.govuk-inset-text')).toContainText('prepare for the meeting');
  // Everyone in the network is invited unless the worker says otherwise.
  const invited = page.getByRole('group', { name: 'Who is invited?' }).getByRole('checkbox');
  expect(await invited.count()).toBeGreaterThan(0);
  for (const box of await invited.all()) await expect(box).toBeChecked();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'arrange-form');

  // Today, invitations today: short of the 3 weeks the procedure asks.
  await page.getByRole('group', { name: 'Which meeting is it?' }).getByLabel('CIN review meeting').check();
  await fillDate(page.getByRole('group', { name: 'When is the meeting?' }), today());
  await page.getByLabel('Where is it?').fill('Northbridge Family Centre');
  await page.getByRole('button', { name: 'Check the notice first' }).click();
  await expect(page.locator('.cinplan-flags')).toContainText('Short notice');
  await expect(page.locator('.cinplan-flags')).toContainText('Invitations must be sent out 3 to 4 weeks before the meeting.');
  await expect(page.getByLabel('Where is it?')).toHaveValue('Northbridge Family Centre');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'arrange-short-notice');
  await page.getByRole('button', { name: 'Arrange it as it is' }).click();
  await expect(page).toHaveURL(/recorded=arranged/);
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The meeting is arranged.');
  await expect(page.locator('.cinplan-flagged')).toContainText('Short notice');
  await expect(page.locator('.cinplan-upcoming')).toContainText('CIN review meeting, Northbridge Family Centre');
  // The invitation carries the distribution list: everyone invited, by name.
  await page.locator('.cinplan-upcoming').getByRole('link', { name: /The invitation/ }).first().click();
  await expect(page.locator('.cinplan-document')).toContainText('You are invited to the CIN review meeting');
  await expect(page.locator('.cinplan-document')).toContainText('Northbridge Family Centre');
  await expect(page.getByRole('heading', { name: 'Who is invited' })).toBeVisible();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'invitation');
  await page.goto(caseUrl);

  // Record it: the review arranged for today is already chosen.
  await page.getByRole('button', { name: 'Record a meeting' }).click();
  await expect(page.getByRole('heading', { name: 'Record a meeting' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Which meeting was held?' }).getByLabel('CIN review meeting')).toBeChecked();
  const first = page.getByRole('group', { name: 'Person 1', exact: true });
  await expect(first.getByLabel('Name')).not.toHaveValue('');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'meeting-form');
  await first.getByLabel('Present').check();
  await page.getByRole('group', { name: 'Person 2', exact: true }).getByLabel('Sent apologies and a written report').check();
  await page.getByRole('group', { name: 'Person 3', exact: true }).getByLabel('Did not attend').check();
  const score = page.getByRole('group', { name: 'Score 1', exact: true });
  await score.getByLabel('Who gave the score').fill('School');
  await score.getByLabel('Score (0 to 10)').fill('12');
  await score.getByLabel('Why that score').fill('Attendance is up to 94% this term.');
  const worries = 'Mum is not always there at collection\nTwo missed health appointments';
  await page.getByLabel('What are we worried about').fill(worries);
  await page.getByRole('button', { name: 'Record the meeting' }).click();
  // Two things to put right, both named, and nothing typed lost.
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toContainText('Say who chaired the meeting');
  await expect(summary).toContainText('Give a whole number from 0 to 10 in scaling row 1');
  await expect(page.getByLabel('What are we worried about')).toHaveValue(worries);
  await expect(page.getByRole('group', { name: 'Person 1', exact: true }).getByLabel('Present')).toBeChecked();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'meeting-refused');

  await page.getByRole('group', { name: 'Score 1', exact: true }).getByLabel('Score (0 to 10)').fill('6');
  await page.getByRole('group', { name: 'Who chaired it?' }).getByLabel('Practice lead').check();
  await page.getByRole('group', { name: 'What did the meeting decide?' })
    .getByLabel('The child continues to be a CIN requiring the same level of services').check();
  await page.getByRole('button', { name: 'Record the meeting' }).click();
  await expect(page).toHaveURL(/recorded=meeting/);
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The meeting is recorded.');
  await expect(page.locator('.cinplan-held')).toContainText('CIN review meeting, chaired by the practice lead. Outcome: The child continues to be a CIN');
  await expect(page.locator('.cinplan-upcoming')).toHaveCount(0);
  // What the meeting recorded can be read back from the case: the register,
  // the scaling with its reason, the worries.
  // The meetings held are in date order: today's is the last.
  const held = page.locator('.cinplan-held li', { hasText: 'CIN review meeting' }).last();
  await held.locator('summary', { hasText: 'What was recorded' }).click();
  await expect(held).toContainText('Who came');
  await expect(held).toContainText('with a written report');
  await expect(held).toContainText('Did not attend');
  await expect(held).toContainText('School: 6. Why: Attendance is up to 94% this term.');
  await expect(held).toContainText('Two missed health appointments');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'meeting-recorded');
  await expect(page.locator('#chronology ~ *').first()).toBeVisible();
  expect(page.url().startsWith(caseUrl)).toBeTruthy();
});

test('a first-line manager endorses excluding a parent, and the meeting form shows it', async ({ page, context }, testInfo) => {
  await signIn(page, as('mark.davies'));
  await expect(page).toHaveURL(/\/caseload\/team$/);
  await page.getByLabel('Worker').selectOption('Daniel Mensah');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.locator('tbody tr a').nth(childIndex(testInfo)).click();
  await page.getByRole('button', { name: 'Exclude a family member from a meeting' }).click();
  await expect(page.getByRole('heading', { name: 'Exclude a family member from a meeting' })).toBeVisible();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'exclusion-form');
  const person = page.getByRole('group', { name: 'Who is excluded?' }).getByRole('radio').last();
  const who = await page.locator(`label[for="${await person.getAttribute('id')}"]`).innerText();
  await person.check();
  await page.getByRole('button', { name: 'Endorse the exclusion' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Say why they are excluded');
  await checkAccessible(page);
  await page.getByLabel('Why are they excluded?').fill('Domestic abuse: his attending would put the mother at risk.');
  await page.getByLabel('How will their views be heard instead?').fill('The social worker meets him at the office the week before.');
  await page.getByRole('button', { name: 'Endorse the exclusion' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The exclusion is endorsed and recorded.');
  await expect(page.locator('.cinplan-exclusions')).toContainText(who);
  await expect(page.locator('.cinplan-exclusions')).toContainText('endorsed by the practice lead');
  const caseUrl = page.url().split('?')[0];

  // The worker, recording the next meeting, sees it, and the parent is no row of the register.
  await context.clearCookies();
  await signIn(page, as('daniel.mensah'));
  await page.goto(caseUrl + '/meeting');
  await expect(page.locator('.govuk-inset-text')).toContainText(who);
  await expect(page.locator('.govuk-inset-text')).toContainText('endorsed by the practice lead');
  const name = who.split(' (')[0];
  await expect(page.locator('.cinplan-register-row input[value="' + name + '"]')).toHaveCount(0);
  await screenshot(page, testInfo, 'meeting-form-exclusion');

  // Arranging the next meeting: not ticked, with the reason beside the list.
  await page.goto(caseUrl + '/meeting/arrange');
  await expect(page.locator('.cinplan-exclusions')).toContainText(who);
  const invite = page.getByRole('group', { name: 'Who is invited?' }).getByLabel(who, { exact: true });
  await expect(invite).not.toBeChecked();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'arrange-form-exclusion');
});

test('a worker may not endorse an exclusion', async ({ page }, testInfo) => {
  await signIn(page, as('nadia.hussain'));
  await page.locator('tbody tr a').nth(childIndex(testInfo) + 2).click();
  await expect(page.getByRole('button', { name: 'Exclude a family member from a meeting' })).toHaveCount(0);
  const refused = await page.goto(page.url() + '/exclusion');
  expect(refused.status()).toBe(403);
});

test('a session that ends while a meeting is being recorded loses nothing', async ({ page }, testInfo) => {
  const who = as('chloe.bennett');
  await signIn(page, who);
  await page.locator('tbody tr a').nth(childIndex(testInfo)).click();
  await page.getByRole('button', { name: 'Record a meeting' }).click();
  const form = page.url();
  await page.getByRole('group', { name: 'Person 1', exact: true }).getByLabel('Present').check();
  const worries = 'The older brother is staying over again\nNo food in the fridge on two visits';
  await page.getByLabel('What are we worried about').fill(worries);
  await page.getByRole('group', { name: 'Score 1', exact: true }).getByLabel('Why that score').fill('Things have slipped since the summer.');
  // The session ends while the worker types (as 30 idle minutes would end it).
  const anHourAgo = new Date(Date.now() - 60 * 60 * 1000).toISOString();
  execFileSync('sqlite3', [process.env.CINPLAN_PAGES_DB,
    `UPDATE sessions SET last_seen = '${anHourAgo}' WHERE username = '${who.username}'`]);
  await page.waitForTimeout(5500);  // past the server's few seconds of trusting a seen session
  await page.getByRole('button', { name: 'Record the meeting' }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=.*&ended=1&kept=1$/);
  await page.getByLabel('Username').fill(who.username);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(form);
  await expect(page.locator('.govuk-notification-banner')).toContainText('Your session ended before it was sent');
  await expect(page.getByLabel('What are we worried about')).toHaveValue(worries);
  await expect(page.getByRole('group', { name: 'Person 1', exact: true }).getByLabel('Present')).toBeChecked();
  await expect(page.getByRole('group', { name: 'Score 1', exact: true }).getByLabel('Why that score')).toHaveValue('Things have slipped since the summer.');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'meeting-draft-after-sign-in');
});

test('a worker arranges a review, then cancels it, and the case no longer shows it', async ({ page }, testInfo) => {
  const who = as('priya.sharma');
  await openChild(page, testInfo, who);
  await page.getByRole('button', { name: 'Arrange a meeting' }).click();
  // The child is invited, with the network.
  const invited = page.getByRole('group', { name: 'Who is invited?' });
  await expect(invited.getByRole('checkbox').first()).toBeChecked();
  await page.getByRole('group', { name: 'Which meeting is it?' }).getByLabel('CIN review meeting').check();
  const when = new Date(Date.now() + 25 * 24 * 60 * 60 * 1000);
  await fillDate(page.getByRole('group', { name: 'When is the meeting?' }),
    { day: String(when.getDate()), month: String(when.getMonth() + 1), year: String(when.getFullYear()) });
  const venue = 'Room 4, Northbridge Library ' + testInfo.project.name;
  await page.getByLabel('Where is it?').fill(venue);
  await page.getByRole('button', { name: 'Arrange the meeting' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The meeting is arranged.');
  await expect(page.locator('.cinplan-upcoming')).toContainText(venue);

  await page.getByRole('link', { name: 'Cancel a meeting' }).click();
  await expect(page.getByRole('heading', { name: 'Cancel a meeting' })).toBeVisible();
  await page.getByRole('group', { name: 'Which meeting is not going ahead?' }).getByLabel(venue, { exact: false }).check();
  await page.getByRole('button', { name: 'Cancel the meeting' }).click();
  // No reason: asked for, the choice kept.
  await expect(page.locator('.govuk-error-summary')).toContainText('Say why it is not going ahead');
  await expect(page.getByRole('group', { name: 'Which meeting is not going ahead?' }).getByLabel(venue, { exact: false })).toBeChecked();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'cancel-meeting-refused');
  await page.getByLabel('Why is it not going ahead?').fill('The mother starts a course that week; a new date is being agreed.');
  await page.getByRole('button', { name: 'Cancel the meeting' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The meeting is cancelled.');
  await expect(page.locator('.cinplan-upcoming li', { hasText: venue })).toHaveCount(0);
  await screenshot(page, testInfo, 'meeting-cancelled');
});
