// A social worker's first minutes: signs in, sees on the caseload what is
// overdue and due this week, opens a child, reads why a duty is due (the
// procedure's own sentence), finds another child by name, signs out. Every
// page is checked with axe and photographed, with JavaScript and without.
const { test, expect } = require('@playwright/test');
const { signIns, signIn, checkAccessible, screenshot } = require('./support');

// A locality social worker of the demo (README: the demo sign-ins).
const worker = () => ({ username: 'alex.morgan', password: signIns()['alex.morgan'].password });

test('a worker signs in and the caseload says what is overdue and due this week', async ({ page }, testInfo) => {
  await page.goto('/caseload');
  await expect(page).toHaveURL(/\/sign-in\?next=\/caseload$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'sign-in');

  await signIn(page, worker());
  await expect(page).toHaveURL(/\/caseload$/);
  await expect(page.getByRole('heading', { name: 'My caseload' })).toBeVisible();
  await expect(page.locator('.cinplan-count--overdue')).toContainText('with something overdue');
  await expect(page.locator('.cinplan-count--due')).toContainText('with something due this week');
  const rows = page.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  await checkAccessible(page);
  await screenshot(page, testInfo, 'caseload');

  // Only what is overdue, by the filter.
  await page.getByLabel('Show').selectOption('overdue');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/show=overdue/);
  for (const row of await page.locator('tbody tr').all())
    await expect(row.locator('.govuk-tag--red').first()).toBeVisible();
  await screenshot(page, testInfo, 'caseload-overdue');
});

test('a child known for a long time shows the latest of the chronology, and all of it on asking', async ({ page }, testInfo) => {
  await signIn(page, worker());
  // The worker's child with the longest history, as the API tells it.
  const caseload = await (await page.request.get('/api/caseload')).json();
  let longest = null;
  for (const c of caseload.cases) {
    const view = await (await page.request.get(`/api/cases/${c.case_id}`)).json();
    if (!longest || view.chronology.length > longest.n) longest = { id: c.case_id, n: view.chronology.length };
  }
  test.skip(longest.n <= 40, 'no child of the demo has more than 40 entries');
  await page.goto(`/cases/${longest.id}`);
  const entries = page.locator('.moj-timeline__item');
  await expect(entries).toHaveCount(40);
  const more = page.getByRole('link', { name: `Show all ${longest.n} entries (${longest.n - 40} earlier)` });
  await more.click();
  await expect(page).toHaveURL(/chronology=all#chronology$/);
  await expect(entries).toHaveCount(longest.n);
  await expect(page.getByRole('link', { name: /^Show all/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Show only the latest 40 entries' })).toBeVisible();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'case-chronology-all');
});

test('the case page shows what is due and why, in the procedure\'s words', async ({ page }, testInfo) => {
  await signIn(page, worker());
  await page.locator('tbody tr a').first().click();
  await expect(page).toHaveURL(/\/cases\//);
  await expect(page.getByRole('heading', { name: 'What is due' })).toBeVisible();
  const why = page.locator('details').first();
  await why.locator('summary').click();
  // The procedure's own sentence, and the document it comes from.
  await expect(why.locator('blockquote').first()).toContainText('\u201c');
  await expect(page.getByRole('heading', { name: 'Chronology' })).toBeVisible();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'case');
});

test('find a child by name from the search box, and sign out', async ({ page }, testInfo) => {
  await signIn(page, worker());
  const name = (await page.locator('tbody tr a').first().innerText()).split(' ').pop();
  await page.getByRole('search').getByLabel('Find a child').fill(name);
  await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { name: /found/ })).toBeVisible();
  await expect(page.locator('tbody tr').first()).toContainText(name);
  await checkAccessible(page);
  await screenshot(page, testInfo, 'search');

  // Only a parent's name to hand: the child is found, and the page says whose
  // name it was.
  await page.locator('tbody tr a').first().click();
  const family = page.locator('table', { hasText: 'Family and professionals' }).locator('tbody tr').first();
  const parent = await family.locator('td').first().innerText();
  await page.getByRole('search').getByLabel('Find a child').fill(parent);
  await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('tbody tr', { hasText: `Found by a family member: ${parent}` }).first()).toBeVisible();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'search-by-parent');

  // Nothing to search by: the search page again, saying what it takes.
  await page.getByRole('search').getByLabel('Find a child').fill("'");
  await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Give a name, a date of birth');
  await expect(page.locator('#q-error')).toBeVisible();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'search-refused');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/caseload');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a wrong password is shown in the error summary with the username kept', async ({ page }, testInfo) => {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill('alex.morgan');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('username or password');
  await expect(page.getByLabel('Username')).toHaveValue('alex.morgan');
  await expect(page).toHaveTitle(/^Error: /);
  await checkAccessible(page);
  await screenshot(page, testInfo, 'sign-in-error');
});

test('a page that does not exist and a case that does not are GOV.UK-style pages', async ({ page }, testInfo) => {
  await signIn(page, worker());
  const missing = await page.goto('/cases/NO-SUCH-CASE');
  expect(missing.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'not-found');
  const nowhere = await page.goto('/nowhere');
  expect(nowhere.status()).toBe(404);
  // Still signed in, with the search box the page points to.
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('search')).toBeVisible();
});

test('a first-line manager lands on the team\'s caseload and narrows it to one worker', async ({ page }, testInfo) => {
  await signIn(page, { username: 'mark.davies', password: signIns()['mark.davies'].password });
  await expect(page).toHaveURL(/\/caseload\/team$/);
  await expect(page.getByRole('columnheader', { name: 'Worker' })).toBeVisible();
  const everyone = await page.locator('tbody tr').count();
  expect(everyone).toBeGreaterThan(0);
  await checkAccessible(page);
  await screenshot(page, testInfo, 'team-caseload');
  await page.getByLabel('Worker').selectOption('Alex Morgan');
  await page.getByRole('button', { name: 'Apply' }).click();
  const rows = page.locator('tbody tr');
  expect(await rows.count()).toBeLessThan(everyone);
  for (const row of await rows.all()) await expect(row).toContainText('Alex Morgan');

  // Sorted by the child's name: by the heading's button with JavaScript,
  // by its link (on the server, the worker kept) without.
  const child = page.getByRole('columnheader', { name: 'Child' });
  const names = async () => page.locator('tbody tr td:first-child a').allInnerTexts();
  await child.locator('button, a').click();
  await expect(child).toHaveAttribute('aria-sort', 'ascending');
  const up = await names();
  expect(up.length).toBeGreaterThan(1);
  expect(up[0].localeCompare(up[up.length - 1])).toBeLessThanOrEqual(0);
  await page.getByRole('columnheader', { name: 'Child' }).locator('button, a').click();
  await expect(page.getByRole('columnheader', { name: 'Child' })).toHaveAttribute('aria-sort', 'descending');
  expect(await names()).toEqual([...up].reverse());
  for (const row of await rows.all()) await expect(row).toContainText('Alex Morgan');
  await checkAccessible(page);
  await screenshot(page, testInfo, 'team-caseload-sorted');
});

test('a head of service lands on the children of the whole service, not an empty caseload of their own', async ({ page }, testInfo) => {
  await signIn(page, { username: 'olivia.chen', password: signIns()['olivia.chen'].password });
  await expect(page).toHaveURL(/\/caseload\/team$/);
  expect(await page.locator('tbody tr').count()).toBeGreaterThan(10);
  await expect(page.getByRole('columnheader', { name: 'Worker' })).toBeVisible();
  await checkAccessible(page);
  await screenshot(page, testInfo, 'head-of-service-first-page');
});

test('an address kept from a parent is named above the family, where the worker cannot miss it', async ({ page }, testInfo) => {
  const { execFileSync } = require('child_process');
  const id = execFileSync('sqlite3', [process.env.CINPLAN_PAGES_DB,
    "SELECT stream_id FROM events WHERE type = 'address_withheld' LIMIT 1"]).toString().trim();
  expect(id).not.toBe('');
  await signIn(page, { username: 'grace.adeyemi', password: signIns()['grace.adeyemi'].password });
  await page.goto(`/cases/${id}#child`);
  const warning = page.locator('.cinplan-withheld');
  await expect(warning).toContainText('never give it');
  await expect(warning).toContainText('address is kept from');
  await expect(warning).toContainText('(father)');
  await expect(page.locator('table', { hasText: 'Family and professionals' }).locator('.govuk-tag--red')).toHaveText(['Address withheld']);
  await checkAccessible(page);
  await screenshot(page, testInfo, 'case-address-withheld');
});
