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

  const chart = page.locator('svg[aria-labelledby="scaling-title"]');
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

test("the case's timeline: each due date and each visit and meeting held is the record's", async ({ page }, testInfo) => {
  await signIn(page, as('chloe.bennett'));
  await page.locator('tbody tr a').first().click();
  const caseId = page.url().split('?')[0].split('/').pop();
  const timeline = await (await page.request.get(`/api/cases/${caseId}/timeline`)).json();
  expect(timeline.due.length).toBeGreaterThan(2);
  const chart = page.locator('svg.cinplan-timeline');
  await expect(chart).toBeVisible();
  // A triangle a due date, with what became of it.
  const marks = await chart.locator('path[data-due]').evaluateAll((ps) =>
    ps.map((p) => `${p.dataset.kind}|${p.dataset.due}|${p.dataset.done}|${p.dataset.onTime}`));
  expect(marks).toEqual(timeline.due.map((d) => `${d.kind}|${d.due}|${d.done || ''}|${d.on_time}`));
  // A dot a visit or meeting held.
  const dots = await chart.locator('circle[data-date]').evaluateAll((cs) =>
    cs.map((c) => `${c.dataset.kind}|${c.dataset.date}`));
  expect(dots.sort()).toEqual([...timeline.visits.map((v) => `visit|${v.date}`),
    ...timeline.meetings.map((m) => `meeting|${m.date}`)].sort());
  // The table says the same, a row a due date, in the same order.
  const rows = page.locator('table.cinplan-timeline-table tbody tr');
  await expect(rows).toHaveCount(timeline.due.length);
  for (let i = 0; i < timeline.due.length; ++i) {
    const d = timeline.due[i];
    const row = rows.nth(i);
    await expect(row.locator('td').nth(0)).toHaveText(d.title);
    await expect(row.locator('td').nth(1)).toHaveText(words(d.due));
    await expect(row.locator('td').nth(2)).toHaveText(d.done ? words(d.done) : 'Not done');
    await expect(row.locator('td').nth(3)).toContainText(d.on_time ? 'On time' : (d.done ? 'Late' : 'Not done'));
  }
  const onTime = timeline.due.filter((d) => d.on_time).length;
  await expect(page.locator('#on-time + p')).toContainText(`${onTime} of ${timeline.due.length} done by their due date`);
  await checkAccessible(page);
  await chart.screenshot({ path: require('path').join(process.env.CINPLAN_SCREENSHOTS, `${testInfo.project.name}-timeline-chart.png`) });
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
