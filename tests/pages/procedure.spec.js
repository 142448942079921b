// The procedure at /procedure, open to anyone (the authorities publish these
// documents): every timescale with the sentence it comes from, and two
// authorities side by side. Linked from every page's footer.
const { test, expect } = require('@playwright/test');
const { checkAccessible, screenshot } = require('./support');

test('anyone reads the procedure, each timescale with its sentence, without signing in', async ({ page }, testInfo) => {
  const r = await page.goto('/sign-in');
  expect(r.status()).toBe(200);
  await page.getByRole('link', { name: 'The procedure, as cinplan reads it' }).click();
  await expect(page).toHaveURL(/\/procedure$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('London CYPS: Child in Need plans and meetings');
  const initial = page.locator('.cinplan-plan-row', { has: page.getByRole('heading', { name: 'Initial CIN meeting' }) });
  await expect(initial).toContainText('within 15 working days of the decision that a Child in Need plan is needed');
  await expect(initial).toContainText('"A Child in Need initial meeting must be convened within 15 working days');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'procedure');

  await page.getByLabel('Compare with').selectOption('bolton');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/compare=bolton/);
  const row = page.locator('.cinplan-comparison tbody tr').filter({
    has: page.getByRole('rowheader', { name: /^Initial CIN meeting/ }) });
  await expect(row).toContainText('Differs');
  await expect(row.locator('td').nth(0)).toContainText('within 15 working days');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'procedure-compared');

  const missing = await page.goto('/procedure?profile=nowhere');
  expect(missing.status()).toBe(404);
});
