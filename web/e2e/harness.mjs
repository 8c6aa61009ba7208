// What the browser tests share: Debian's Chromium driven by playwright-core,
// axe-core checks, screenshots, and calls to the API the tests set up with.
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';

/** api is the GraphQL endpoint of the server scripts/start-test-server.sh started. */
export const api = process.env.RECERT_URL;
/** origin is that server's origin, which serves the app at /app/. */
export const origin = new URL(api).origin;
/** staffToken and candidateToken are the script's development tokens. */
export const staffToken = process.env.RECERT_STAFF_TOKEN;
export const candidateToken = process.env.RECERT_CANDIDATE_TOKEN;

// pageErrors are the uncaught script errors of every page since the last
// takePageErrors.
const pageErrors = [];

/** takePageErrors returns the uncaught script errors of the pages since it was last called, and forgets them. */
export function takePageErrors() {
  return pageErrors.splice(0);
}

/**
 * launch starts Debian's Chromium headless. Playwright gives every launch a
 * fresh temporary --user-data-dir of its own (and refuses one in args).
 */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(20_000);
    // A script error in a page is printed, so that a journey that times
    // out waiting for something the error kept from showing says why, and
    // kept for the journey to fail on (takePageErrors).
    context.on('weberror', (e) => {
      console.log(`# error in ${e.page()?.url()}: ${e.error().stack}`);
      pageErrors.push(`${e.page()?.url()}: ${e.error().message}`);
    });
    return context;
  };
  return browser;
}

/** accessible fails on any serious or critical axe-core violation of the page as it is. */
export async function accessible(page, screen) {
  const started = Date.now();
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), [],
    `axe-core found serious or critical violations on ${screen}`);
  console.log(`# axe-core: ${screen}: no serious or critical violation (${Date.now() - started} ms)`);
}

/**
 * stacked fails unless, in every form of the page laid out as a stack
 * (form.stack), each label, field and button starts below the one before
 * it: none sits beside another.
 */
export async function stacked(page, screen) {
  const forms = await page.locator('form.stack').evaluateAll((all) => all.map((f) =>
    [...f.querySelectorAll(':scope > label, :scope > input, :scope > textarea, :scope > select, :scope > fieldset, :scope > button')]
      .map((e) => ({ what: `${e.tagName.toLowerCase()} "${(e.textContent || e.id).trim().slice(0, 30)}"`, top: e.getBoundingClientRect().top, bottom: e.getBoundingClientRect().bottom }))));
  assert.ok(forms.length > 0, `${screen} has no form laid out as a stack`);
  for (const parts of forms) {
    for (let i = 1; i < parts.length; i++) {
      assert.ok(parts[i].top >= parts[i - 1].bottom - 1, `on ${screen}, ${parts[i].what} sits beside ${parts[i - 1].what}, not below it`);
    }
  }
}

/** screenshot saves the page as docs/screenshots/NAME.png when SCREENSHOTS is set (make screenshots). */
export async function screenshot(page, name) {
  if (!process.env.SCREENSHOTS) return;
  const dir = new URL('../../docs/screenshots/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, dir).pathname, fullPage: false });
}

/** gql posts a GraphQL request with a token and returns its data, failing on any error. */
export async function gql(token, query, variables = {}) {
  const res = await fetch(api, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

/**
 * devToken asks the development server for a token (POST /dev/token), for
 * a candidate the journey registers itself.
 */
export async function devToken(role, subject) {
  const res = await fetch(`${origin}/dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ role, subject }) });
  assert.equal(res.status, 200, `POST /dev/token answered ${res.status}`);
  return (await res.json()).token;
}

/**
 * upload posts a GraphQL multipart request with one file at the variable
 * named and returns its data, failing on any error.
 */
export async function upload(token, query, variables, variable, name, bytes) {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables }));
  form.append('map', JSON.stringify({ 0: [`variables.${variable}`] }));
  form.append('0', new Blob([bytes], { type: 'application/pdf' }), name);
  const res = await fetch(api, { method: 'POST', body: form, headers: { Authorization: `Bearer ${token}`, 'Apollo-Require-Preflight': 'true' } });
  const body = await res.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

/** isoDate is the date days from today, as YYYY-MM-DD. */
export function isoDate(days) {
  return new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);
}

/** pdf is a tiny PDF file's bytes, as a proof or a certificate copy. */
export const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/**
 * signIn signs in as a person would in production: through the OpenID
 * Connect issuer the API trusts (the test issuer scripts/e2e.sh starts),
 * never through the development "sign in as" picker. With shots, it saves
 * the app's sign-in screen and the issuer's page as SHOTS.png and
 * SHOTS-issuer.png (make screenshots).
 */
export async function signIn(page, role, subject, shots) {
  const devTokens = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname === '/dev/token') devTokens.push(r.url()); });
  await page.goto(`${origin}/app/#/signin`);
  const button = page.getByRole('button', { name: 'Sign in with your MSSC account' });
  await button.waitFor();
  if (shots) {
    await accessible(page, 'the sign-in screen');
    await screenshot(page, shots);
  }
  await button.click();
  await page.getByRole('heading', { name: 'Test issuer' }).waitFor();
  assert.ok(page.url().startsWith(process.env.TEST_OIDC_ISSUER), `signing in went to ${page.url()}, not to the issuer`);
  await page.getByLabel('User name').fill(subject);
  await page.getByLabel('Role').selectOption(role);
  if (shots) await screenshot(page, `${shots}-issuer`);
  await page.getByRole('button', { name: 'Sign in to the test issuer' }).click();
  await page.getByRole('button', { name: new RegExp(`Sign out ${subject}`) }).waitFor();
  assert.ok(page.url().startsWith(`${origin}/app/`), `signing in ended at ${page.url()}`);
  assert.equal(new URL(page.url()).search, '', 'the code and state stay in the address bar');
  assert.deepEqual(devTokens, [], 'the browser asked for a development token');
}
