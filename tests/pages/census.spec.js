// A child's census problems on their page (issue 11): the demo's children
// break no census check; a child registered without the census's codes shows
// what the DfE's checks would find, each with its code and where it is, and
// nothing once the worker records them.
const { test, expect } = require('@playwright/test');
const { signIns, signIn, checkAccessible, screenshot } = require('./support');

const as = (username) => ({ username, password: signIns()[username].password });

// Signs in to the API as `who` (its own cookie jar) and returns the CSRF token.
async function apiSignIn(request, who) {
  const r = await request.post('/api/session', { data: who });
  expect(r.status()).toBe(200);
  return (await r.json()).csrf_token;
}

test("a child's census problems are on their page until they are put right", async ({ page, playwright, baseURL }, testInfo) => {
  await signIn(page, as('alex.morgan'));
  await page.locator('tbody tr a').first().click();
  const census = page.locator('#census');
  await expect(census).toBeVisible();
  await expect(page.locator('#census + p')).toContainText('Nothing in this child\'s record breaks a census check');

  // A child registered without the referral's census codes.
  const api = await playwright.request.newContext({ baseURL });
  const csrf = await apiSignIn(api, as('mark.davies'));
  const today = new Date().toISOString().slice(0, 10);
  const made = await api.post('/api/cases', {
    headers: { 'X-CSRF-Token': csrf },
    data: { child: { name: 'Census Example', date_of_birth: '2016-04-02', sex: 'female',
                     ethnicity: 'WBRI', disabilities: [], upn_unknown: 'UN2' },
            referral: { date: today, source: 'neighbour' } } });
  expect(made.status()).toBe(201);
  const caseId = (await made.json()).case_id;

  await page.goto(`/cases/${caseId}#census`);
  const table = page.locator('table.cinplan-census');
  await expect(table).toContainText('8866');
  await expect(table).toContainText('Source of Referral is missing or an invalid code');
  await expect(table).toContainText('ReferralSource missing');
  await expect(table).toContainText('8610');
  await expect(page.locator('#census + p')).toContainText('would find 2 errors');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'census-problems');

  // Recorded: the page says nothing is wrong.
  const version = (await (await api.get(`/api/cases/${caseId}`)).json()).version;
  const fixed = await api.post(`/api/cases/${caseId}/census-details`, {
    headers: { 'X-CSRF-Token': csrf, 'If-Match': `"${version}"` },
    data: { referral_source: '1D', primary_need: 'N4' } });
  expect(fixed.status()).toBe(200);
  await page.reload();
  await expect(page.locator('table.cinplan-census')).toHaveCount(0);
  await expect(page.locator('#census + p')).toContainText('Nothing in this child\'s record breaks a census check');
  await api.dispose();
});
