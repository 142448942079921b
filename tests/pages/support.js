// What the page tests share: the demo's sign-ins, signing in through the
// form, the accessibility check (axe-core, WCAG 2.2 AA rules), and a
// screenshot of every page for a reviewer.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('@playwright/test');
const { default: AxeBuilder } = require('@axe-core/playwright');

// username -> { password, role words } from `cinplan demo`'s table (of the
// London authority, or of the one in `file`).
function signIns(file = process.env.CINPLAN_SIGN_INS) {
  const text = fs.readFileSync(file, 'utf8');
  const out = {};
  let table = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('username')) { table = true; continue; }
    if (!table || !line.trim()) continue;
    const [username, password, ...rest] = line.split(/\s{2,}/);
    out[username] = { password, role: rest[0] };
  }
  return out;
}

async function signIn(page, who) {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(who.username);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

// axe runs in the page, so only where JavaScript is on; the pages are the
// same HTML without it.
async function checkAccessible(page) {
  if (test.info().project.use.javaScriptEnabled === false) return;
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const problems = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(problems, 'axe found accessibility problems').toEqual([]);
}

async function screenshot(page, testInfo, name) {
  const file = path.join(process.env.CINPLAN_SCREENSHOTS, `${testInfo.project.name}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
}

// Signs in as `who` and opens one of their children: the `first` on the
// caseload with JavaScript, the one after it without, so that the two
// projects never change each other's case while they type.
async function openChild(page, testInfo, who, first = 0) {
  const { expect } = require('@playwright/test');
  await signIn(page, who);
  const n = first + (testInfo.project.name === 'with-javascript' ? 0 : 1);
  await page.locator('tbody tr a').nth(n).click();
  await expect(page).toHaveURL(/\/cases\/[^/?]+$/);
  return page.url();
}

module.exports = { signIns, signIn, checkAccessible, screenshot, openChild };
