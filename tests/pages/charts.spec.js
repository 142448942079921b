// The pictures (issue 10): the case page's scaling chart is server-made SVG
// with the table that is its text alternative, and its numbers are the
// record's (read back from the SVG and compared with the API's). With
// JavaScript and without.
const { test, expect } = require('@playwright/test');
const { signIns, signIn, checkAccessible, screenshot } = require('./support');

const as = (username) => ({ username, password: signIns()[username].password });

function words(iso) {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'];
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${months[m - 1]} ${y}`;
}

test("the scaling chart's points are the scores given at the meetings", async ({ page }, testInfo) => {
  await signIn(page, as('chloe.bennett'));
  await page.locator('tbody tr a').first().click();
  const caseId = page.url().split('?')[0].split('/').pop();
  const record = await (await page.request.get('/api/cases/' + caseId)).json();
  const expected = [];
  for (const m of record.meetings)
    for (const s of m.scaling || []) expected.push(`${s.by}|${words(m.date)}|${s.score}`);
  expect(expected.length).toBeGreaterThan(1);

  const chart = page.locator('svg.cinplan-chart');
  await expect(chart).toBeVisible();
  const points = await chart.locator('circle').evaluateAll((cs) =>
    cs.map((c) => `${c.dataset.by}|${c.dataset.date}|${c.dataset.score}`));
  expect(points.sort()).toEqual(expected.sort());
  // The table says the same, a row a person.
  const table = page.locator('table.cinplan-scaling-table');
  for (const s of record.meetings.flatMap((m) => m.scaling || []))
    await expect(table.getByRole('row', { name: new RegExp(s.by) })).toContainText(String(s.score));
  await checkAccessible(page);
  await chart.screenshot({ path: require('path').join(process.env.CINPLAN_SCREENSHOTS, `${testInfo.project.name}-scaling-chart.png`) });
});
