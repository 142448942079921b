// Attaching a document to a case from the pages (issue 10): the worker
// chooses what it is, names it and picks the file; a file of a type not
// taken, or none, comes back saying so with what was typed kept; the
// document attached is listed on the case page and the chronology and
// downloads as it was uploaded. With JavaScript and without: the form is a
// plain multipart/form-data form. On the second demo authority, whose
// workers' children the other tests leave alone (an attachment moves a
// child up its worker's caseload).
const fs = require('fs');
const { test, expect } = require('@playwright/test');
const { signIns, checkAccessible, screenshot, openChild } = require('./support');

test.use({ baseURL: process.env.CINPLAN_PANEL_URL });
const worker = () => ({
  username: 'jakub.nowak', password: signIns(process.env.CINPLAN_PANEL_SIGN_INS)['jakub.nowak'].password });

test('a worker attaches a signed plan, sees it listed and downloads it as it was uploaded', async ({ page }, testInfo) => {
  const caseUrl = await openChild(page, testInfo, worker());
  await page.getByRole('link', { name: 'Attach a document' }).click();
  await expect(page.getByRole('heading', { name: 'Attach a document' })).toBeVisible();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'attach-form');

  // Nothing chosen: every question says what it needs.
  await page.getByRole('button', { name: 'Attach the document' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toContainText('Choose what the document is');
  await expect(summary).toContainText('Enter what the document is called');
  await expect(summary).toContainText('Choose the file to attach');
  await checkAccessible(page);

  // A file that is not a document taken: refused by its content, typing kept.
  await page.getByLabel('The plan, signed by the family').check();
  await page.getByLabel('What is it called?').fill('The plan signed by Mum and Dad');
  await page.getByLabel('The file').setInputFiles({
    name: 'plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 a program'),
  });
  await page.getByRole('button', { name: 'Attach the document' }).click();
  await expect(summary).toContainText('plan.pdf is not a PDF, Word (.docx), JPEG, PNG or TIFF file');
  await expect(page.getByLabel('What is it called?')).toHaveValue('The plan signed by Mum and Dad');
  await expect(page.getByLabel('The plan, signed by the family')).toBeChecked();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'attach-refused');

  // A real PDF: attached, listed, on the chronology.
  const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n% signed plan\n'),
    Buffer.from(testInfo.project.name + ' ' + Date.now()), Buffer.from([0, 255, 10, 13])]);
  await page.getByLabel('The file').setInputFiles({ name: 'signed plan.pdf', mimeType: 'application/pdf', buffer: bytes });
  await page.getByRole('button', { name: 'Attach the document' }).click();
  await expect(page).toHaveURL(/\/cases\/[^/]+\?recorded=attachment$/);
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The document is attached.');
  const row = page.locator('table.cinplan-attachments tbody tr', { hasText: 'The plan signed by Mum and Dad' });
  await expect(row).toContainText('The plan, signed by the family');
  await expect(row).toContainText(`signed plan.pdf, ${bytes.length} bytes`);
  await expect(row).toContainText('Attached by Jakub Nowak');
  await expect(page.locator('#chronology ~ .moj-timeline').first()).toContainText('A document attached');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'attached');

  // It downloads byte for byte, under its own name.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('link', { name: 'The plan signed by Mum and Dad' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('signed plan.pdf');
  const saved = await download.path();
  expect(Buffer.compare(fs.readFileSync(saved), bytes)).toBe(0);
  expect(page.url()).toBe(caseUrl + '?recorded=attachment');
});
