// A supervision order's review from the pages (issue 10): the IRO records
// recommendations, the team's practice lead disagrees, and the
// disagreement is escalated step by step (a step out of order is refused,
// quoting the chain) until the group manager resolves it. The demo's
// order near expiry, allocated to the IRO, is the case; with JavaScript
// and without, one after the other (a resolved escalation starts again at
// the first step).
const { test, expect } = require('@playwright/test');
const { signIns, signIn, checkAccessible, screenshot } = require('./support');

const as = (username) => ({ username, password: signIns()[username].password });

test("an IRO's disagreement with the team is escalated until it is resolved", async ({ page, context }, testInfo) => {
  await signIn(page, as('samira.haddad'));
  await page.locator('tbody tr a').first().click();
  const caseUrl = page.url().split('?')[0];
  await expect(page.getByRole('heading', { name: 'Supervision order' })).toBeVisible();
  await expect(page.locator('#supervision-order + dl')).toContainText('Last day');
  // The plan is the worker's: the reviewing officer is not offered to change it.
  await expect(page.getByRole('button', { name: 'Change the plan' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Record a signature of the plan' })).toHaveCount(0);
  const planForm = await page.request.get(caseUrl + '/plan');
  expect(planForm.status()).toBe(403);
  await checkAccessible(page);

  await page.getByRole('link', { name: "Record the IRO's recommendations" }).click();
  // The reviews offered are the meetings held since the order was made,
  // newest first; none chosen is refused with the rest.
  const reviews = page.getByRole('group', { name: 'Which review are they from?' });
  await expect(reviews.getByRole('radio')).not.toHaveCount(0);
  await page.getByRole('button', { name: 'Record the recommendations' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Choose the review they are from');
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter the recommendations');
  await checkAccessible(page);
  await reviews.getByRole('radio').first().check();
  const review = (await reviews.locator('label').first().innerText()).split(' of ').pop();
  await page.getByLabel('Your recommendations').fill('Family therapy to start before the final review');
  await page.getByRole('button', { name: 'Record the recommendations' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText("The IRO's recommendations are recorded.");

  // The practice lead disagrees.
  await context.clearCookies();
  await signIn(page, as('mark.davies'));
  await page.goto(caseUrl + '/iro-response');
  // The recommendations just made are offered, chosen, not answered yet.
  const answered = page.getByRole('group', { name: "Which review's recommendations?" });
  await expect(answered.getByRole('radio', { checked: true })).toHaveCount(1);
  await expect(answered.locator('label').first()).toContainText(`The review of ${review}: Family therapy to start before the final review (not answered yet)`);
  await checkAccessible(page);
  await page.getByRole('group', { name: 'Do you agree with the recommendations?' }).getByLabel('No').check();
  // Disagreeing needs the reason: the IRO reads it before they discuss it.
  await page.getByRole('button', { name: 'Record the response' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Say why you disagree with the recommendations');
  await expect(page.getByRole('group', { name: 'Do you agree with the recommendations?' }).getByLabel('No')).toBeChecked();
  await page.getByLabel('Why do you disagree?').fill('The family therapy waiting list is nine months; a parenting course first.');
  await page.getByRole('button', { name: 'Record the response' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('Your response to the IRO is recorded.');

  // The IRO escalates: straight to the head of service is out of order.
  await context.clearCookies();
  await signIn(page, as('samira.haddad'));
  await page.goto(caseUrl + '/escalations');
  // The escalation form shows what happened so far, the manager's reason with it.
  await expect(page.locator('.cinplan-so-far')).toContainText('Family therapy to start before the final review');
  await expect(page.locator('.cinplan-so-far')).toContainText('disagreed: The family therapy waiting list is nine months');
  await checkAccessible(page);
  await page.getByRole('group', { name: 'Who is it escalated to?' }).getByLabel('Head of service').check();
  await page.getByLabel('What is the disagreement?').fill('The team will not fund family therapy.');
  await page.getByRole('button', { name: 'Record the escalation' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('The next step of the escalation is the practice lead, not the head of service.');
  await expect(page.getByLabel('What is the disagreement?')).toHaveValue('The team will not fund family therapy.');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'escalation-refused');
  await page.getByRole('group', { name: 'Who is it escalated to?' }).getByLabel('Practice lead').check();
  await page.getByRole('button', { name: 'Record the escalation' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The escalation is recorded.');

  // Not resolved there: the group manager resolves it.
  await context.clearCookies();
  await signIn(page, as('anthony.green'));
  await page.goto(caseUrl + '/escalations');
  await page.getByRole('group', { name: 'Who is it escalated to?' }).getByLabel('Group manager').check();
  await page.getByLabel('What is the disagreement?').fill('Practice lead and IRO could not agree on family therapy.');
  await page.getByRole('group', { name: 'Was it resolved at this level?' }).getByLabel('Yes').check();
  await page.getByRole('button', { name: 'Record the escalation' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The escalation is recorded.');
  await expect(page.locator('body')).toContainText('to the group manager: Practice lead and IRO could not agree on family therapy. (resolved)');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'escalation-resolved');
});
