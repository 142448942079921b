// The family's copy of the plan (issue 10): the plan in force under London
// CYPS's own headings ("Why are we here", "What needs to change", "How can
// we do it", ...), with who does what by when; as a page and as a PDF read
// back with pdftotext; no one's address in either, so a parent protected
// from another can be given it. With JavaScript and without.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { test, expect } = require('@playwright/test');
const { signIns, signIn, checkAccessible, screenshot } = require('./support');

const as = (username) => ({ username, password: signIns()[username].password });

test("the family's copy of the plan is the plan in force, under the authority's headings, as a page and a PDF", async ({ page }, testInfo) => {
  await signIn(page, as('emily.clarke'));
  await page.locator('tbody tr a').first().click();
  const caseUrl = page.url().split('?')[0];
  const caseId = caseUrl.split('/').pop();
  const record = await (await page.request.get('/api/cases/' + caseId)).json();
  const actions = record.plan.actions;
  expect(actions.length).toBeGreaterThan(0);

  await page.getByRole('link', { name: "The family's copy of the plan" }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${record.child.name}'s plan`);
  for (const heading of ['Why are we here', 'What needs to change', 'How can we do it', 'What to do if it does not work', 'How do we know it is working'])
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  const table = page.locator('.cinplan-document table');
  await expect(table).toContainText(actions[0].text);
  await expect(table).toContainText(actions[0].owner);
  await expect(page.locator('.cinplan-document')).toContainText('Produced by Emily Clarke');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'family-plan');

  const pdf = await page.request.get(caseUrl + '/family-plan?format=pdf');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cinplan-pdf-')), 'plan.pdf');
  fs.writeFileSync(file, await pdf.body());
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(`${record.child.name}'s plan`);
  expect(text).toContain('Why are we here');
  expect(text).toContain('How can we do it');
  expect(text).toContain(actions[0].owner);
  expect(text).toContain('Produced by Emily Clarke');
  // No address of anyone in the network, nor the child's, in either copy.
  const addresses = [record.child.address, ...record.people.map((p) => p.address)].filter((a) => a);
  expect(addresses.length).toBeGreaterThan(0);
  const pageText = await page.locator('body').innerText();
  for (const a of addresses) {
    expect(text).not.toContain(a);
    expect(pageText).not.toContain(a);
  }
});

test('a format the document does not come in is refused, saying which it does', async ({ page }) => {
  await signIn(page, as('emily.clarke'));
  await page.locator('tbody tr a').first().click();
  const refused = await page.goto(page.url().split('?')[0] + '/family-plan?format=docx');
  expect(refused.status()).toBe(400);
  await expect(page.locator('body')).toContainText('format is pdf');
});

// Every document, as a page and as a PDF: what it must hold, and no one's
// address or telephone number in it, so that it can go to a parent the
// other parent is protected from.
test('each document holds what it is for and no address or contact of the family', async ({ page }, testInfo) => {
  await signIn(page, as('chloe.bennett'));
  await page.locator('tbody tr a').first().click();
  const caseUrl = page.url().split('?')[0];
  const caseId = caseUrl.split('/').pop();
  const record = await (await page.request.get('/api/cases/' + caseId)).json();
  const held = record.meetings[record.meetings.length - 1];
  const present = held.present.map((p) => p.name);
  const secrets = [record.child.address, ...record.people.flatMap((p) => [p.address, p.contact])]
    .filter((a) => a);
  expect(secrets.length).toBeGreaterThan(0);
  const documents = [
    { path: `/minutes?date=${held.date}`, holds: ['Minutes', 'Who came', 'These minutes go to', ...present] },
    { path: '/chronology-document', holds: ['Chronology', 'Recorded by'] },
    { path: '/transfer-pack', holds: ['Transfer pack', 'Summary', 'Who came', 'Chronology', record.plan.actions[0].owner] },
    { path: '/family-plan', holds: [`${record.child.name}'s plan`, record.plan.actions[0].text] },
  ];
  for (const d of documents) {
    await page.goto(caseUrl + d.path);
    await checkAccessible(page);
    const shown = await page.locator('.cinplan-document').first().innerText();
    const sep = d.path.includes('?') ? '&' : '?';
    const pdf = await page.request.get(caseUrl + d.path + sep + 'format=pdf');
    expect(pdf.status(), d.path).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cinplan-pdf-')), 'doc.pdf');
    fs.writeFileSync(file, await pdf.body());
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const h of d.holds) expect(text, `${d.path} holds ${h}`).toContain(h);
    for (const s of secrets) {
      expect(text, `${d.path} PDF`).not.toContain(s);
      expect(shown, `${d.path} page`).not.toContain(s);
    }
  }
  await page.goto(caseUrl + `/minutes?date=${held.date}`);
  await screenshot(page, testInfo, 'minutes');
  // A day with no meeting has no minutes.
  expect((await page.goto(caseUrl + '/minutes?date=1999-01-01')).status()).toBe(404);
});
