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

test("a manager's picture of the team's visits and meetings on time: the bars are the table's numbers", async ({ page }, testInfo) => {
  await signIn(page, as('mark.davies'));
  await page.getByRole('link', { name: 'Visits and meetings on time over the last 12 months' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('On time over the last 12 months');
  const rows = page.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(1);
  const bars = await page.locator('svg.cinplan-chart rect[data-worker]').evaluateAll((rs) =>
    rs.map((r) => ({ worker: r.dataset.worker, kind: r.dataset.kind, onTime: Number(r.dataset.onTime), due: Number(r.dataset.due) })));
  for (const row of await rows.all()) {
    const worker = (await row.locator('th').innerText()).trim();
    const cells = await row.locator('td').allInnerTexts();
    for (const [kind, text] of [['visits', cells[1]], ['meetings', cells[2]]]) {
      const bar = bars.find((b) => b.worker === worker && b.kind === kind);
      expect(bar, `${worker} ${kind}`).toBeTruthy();
      const words = bar.due === 0 ? 'none fell due' : `${bar.onTime} of ${bar.due} (`;
      expect(text).toContain(words);
    }
  }
  await checkAccessible(page);
  await screenshot(page, testInfo, 'on-time');
});
