// The steps that end or move a plan, from the pages (issue 10): a manager
// closes a case with the closing summary, the endorsement London CYPS asks
// for and the views of the child, parents and professionals; a worker may
// not; a worker transfers a case out without the parents' consent, with the
// reason; the family moving in starts the receiving side's meeting; a
// manager records a step up. With JavaScript and without.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { test, expect } = require('@playwright/test');
const { signIns, signIn, checkAccessible, screenshot } = require('./support');

const as = (username) => ({ username, password: signIns()[username].password });

// A child of its own for each project, apart from the other tests' children.
const childIndex = (testInfo) => (testInfo.project.name === 'with-javascript' ? 0 : 1);

async function openTeamChild(page, testInfo, worker, offset) {
  await signIn(page, as('sarah.obrien'));
  await expect(page).toHaveURL(/\/caseload\/team$/);
  await page.getByLabel('Worker').selectOption(worker);
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.locator('tbody tr a').nth(childIndex(testInfo) + offset).click();
  await expect(page).toHaveURL(/\/cases\/[^/?]+$/);
  return page.url();
}

test('a manager closes a case with the closing summary and the endorsement the procedure asks', async ({ page }, testInfo) => {
  const caseUrl = await openTeamChild(page, testInfo, 'Emily Clarke', 0);
  await page.getByRole('link', { name: 'Close the case' }).click();
  await expect(page.getByRole('heading', { name: 'Close the case' })).toBeVisible();
  // What London CYPS asks of a closure, in its words.
  await expect(page.locator('.govuk-inset-text')).toContainText('the Practice Lead and the relevant Service Manager');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'closure-form');

  // Nothing chosen: each question says what it needs, and nothing is recorded.
  await page.getByLabel("The child's views").fill('I want to stay at my school.');
  await page.getByRole('button', { name: 'Close the case' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toContainText('Choose why the case closes');
  await expect(summary).toContainText('Enter the closing summary');
  await expect(summary).toContainText("Enter the parents' views");
  await expect(page.getByLabel("The child's views")).toHaveValue('I want to stay at my school.');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'closure-refused');

  // No endorsement: the procedure's check refuses it, quoting the procedure.
  await page.getByRole('group', { name: 'Why does it close?' }).getByLabel('Stepped down to early help').check();
  await page.getByLabel('Closing summary').fill('Attendance is back to 95% and the family uses the early help hub.');
  await page.getByLabel("The parents' views").fill('Mum says things are calmer at home.');
  await page.getByLabel("The professionals' views").fill('School and health agree the plan has done its work.');
  await page.getByRole('button', { name: 'Close the case' }).click();
  await expect(summary).toContainText('endorsed');
  await expect(page.getByLabel('Closing summary')).toHaveValue('Attendance is back to 95% and the family uses the early help hub.');

  await page.getByRole('group', { name: 'Where was the closure endorsed?' }).getByLabel('By the service manager').check();
  await page.getByRole('button', { name: 'Close the case' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The case is closed.');
  await expect(page.getByText(/This case was closed on/)).toBeVisible();
  await expect(page.locator('#chronology')).toBeVisible();
  await expect(page.locator('body')).toContainText('a step down to early help; endorsed by the service manager');
  // A closed case is closed: no second closure, no step up.
  await expect(page.getByRole('link', { name: 'Close the case' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Step up to child protection or care' })).toHaveCount(0);
  await checkAccessible(page);
  await screenshot(page, testInfo, 'closed-case');
  expect(page.url().split('?')[0]).toBe(caseUrl);

  // The letter to the family: why it closed, how to come back, who else helps; no family address.
  await page.getByRole('link', { name: 'The letter to the family' }).click();
  await expect(page.locator('.cinplan-document')).toContainText('because the support goes on through early help');
  // The closing summary is the record's: it is not in the letter.
  await expect(page.locator('.cinplan-document')).not.toContainText('Attendance is back to 95%');
  await expect(page.getByRole('heading', { name: 'If you need us again' })).toBeVisible();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'closure-letter');
  const caseId = caseUrl.split('/').pop();
  const record = await (await page.request.get('/api/cases/' + caseId)).json();
  const pdf = await page.request.get(caseUrl + '/closure-letter?format=pdf');
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cinplan-pdf-')), 'letter.pdf');
  fs.writeFileSync(file, await pdf.body());
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('If you need us again');
  expect(text).toContain('give the reference ' + caseId);
  // The authority's own front door and emergency number, as tests/pages/run sets them.
  expect(text).toContain('Telephone: 0300 555 0100');
  expect(text).toContain('Email: cin@northbridge.example');
  expect(text).toContain('call the emergency duty team on 0300 555 0199');
  // Who else helps, by name, unless someone's address is kept from another:
  // then the school or surgery named could say where the family lives.
  const kept = [...record.people, ...record.professionals].some((p) => (p.address_withheld_from || []).length > 0);
  if (kept) {
    expect(text).toContain('this letter does not name them');
    for (const p of record.professionals) expect(text).not.toContain(p.name);
  } else {
    for (const p of record.professionals) expect(text).toContain(p.agency);
  }
  const addresses = [record.child.address, ...record.people.map((p) => p.address)].filter((a) => a);
  for (const a of addresses) expect(text).not.toContain(a);
});

test('a worker may not close a case or step it up', async ({ page }, testInfo) => {
  await signIn(page, as('emily.clarke'));
  // Only looks: any of her children will do.
  await page.locator('tbody tr a').last().click();
  await expect(page.getByRole('link', { name: 'Close the case' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Transfer to another authority' })).toBeVisible();
  const caseUrl = page.url();
  for (const step of ['/closure', '/step-up', '/step-down']) {
    const refused = await page.goto(caseUrl + step);
    expect(refused.status()).toBe(403);
  }
});

test('a worker transfers a case out without the parents\' consent, with the reason', async ({ page }, testInfo) => {
  await signIn(page, as('marcus.campbell'));
  await page.locator('tbody tr a').nth(childIndex(testInfo) + 2).click();
  await page.getByRole('link', { name: 'Transfer to another authority' }).click();
  await expect(page.getByRole('heading', { name: 'Transfer to another authority' })).toBeVisible();
  await checkAccessible(page);
  await page.getByLabel('Which authority does the case transfer to?').fill('Leeds City Council');
  const pack = page.getByRole('group', { name: 'What was sent to the receiving authority?' });
  await pack.getByLabel('The assessment').check();
  await pack.getByLabel('The Child in Need plan').check();
  await pack.getByLabel('The minutes of the latest review').check();
  await page.getByRole('group', { name: 'Did the parents consent to the transfer?' }).getByLabel('No').check();
  await page.getByRole('button', { name: 'Record the transfer' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Say why the transfer goes ahead without their consent');
  await expect(page.getByLabel('Which authority does the case transfer to?')).toHaveValue('Leeds City Council');
  await expect(pack.getByLabel('The assessment')).toBeChecked();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'transfer-refused');
  await page.getByLabel('If they did not, why does it go ahead without it?').fill('The children would be without a service while the family settles.');
  await page.getByRole('button', { name: 'Record the transfer' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The transfer to another authority is recorded.');
  await expect(page.locator('body')).toContainText("to Leeds City Council, without the parents' consent: The children would be without a service");
});

test('the family moving in starts the receiving side\'s meeting, and a manager steps a case up', async ({ page, context }, testInfo) => {
  await signIn(page, as('marcus.campbell'));
  await page.locator('tbody tr a').nth(childIndex(testInfo)).click();
  const caseUrl = page.url();
  await page.getByRole('link', { name: 'Record a move into the area' }).click();
  await checkAccessible(page);
  await page.getByLabel('Which authority did the family move from?').fill('Bristol City Council');
  await page.getByRole('button', { name: 'Record the move' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText("The family's move into the area is recorded.");
  await expect(page.locator('#due').locator('xpath=following-sibling::table[1]')).toContainText('within 20 working days of the family being resident in the area');
  await expect(page.locator('body')).toContainText('from Bristol City Council');

  await context.clearCookies();
  await signIn(page, as('sarah.obrien'));
  await page.goto(caseUrl + '/step-up');
  await expect(page.getByRole('heading', { name: 'Step up to child protection or care' })).toBeVisible();
  await page.getByRole('button', { name: 'Record the step up' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Choose what the case steps up to');
  await expect(page.locator('.govuk-error-summary')).toContainText('Say why the case steps up');
  await checkAccessible(page);
  await page.getByRole('group', { name: 'What does the case step up to?' }).getByLabel('Child protection: a child protection plan').check();
  await page.getByLabel('Why does it step up?').fill('A strategy discussion decided on section 47 enquiries.');
  await page.getByRole('button', { name: 'Record the step up' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The step up is recorded.');
  await expect(page.locator('body')).toContainText('to child protection: A strategy discussion decided on section 47 enquiries.');
  await screenshot(page, testInfo, 'stepped-up');
});
