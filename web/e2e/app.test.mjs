// The journeys of issue 17 in Debian's Chromium against the real server:
// anonymous search, a pasted list of credentials, a candidate's application,
// staff approving a review seen live by an anonymous page, staff asking a
// candidate for information on an application and the candidate answering
// in the app, the application queue at a phone's width and a page at a
// time, GraphiQL, a page on another origin through CORS, and the app at a
// phone's width, its results before its filters.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { accessible, api, candidateToken, devToken, gql, isoDate, launch, origin, pdf, screenshot, signIn, stacked, staffToken, takePageErrors, upload } from './harness.mjs';

let browser;

before(async () => {
  browser = await launch();
  await gql(staffToken, `mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { userErrors { message } } }`, {
    input: {
      msscCandidateId: 'C-9001', name: 'Casey Candidate', email: 'casey@example.com',
      heldCertifications: [{ program: 'CPT', certifiedOn: isoDate(-5 * 365 + 60), expiresOn: isoDate(60) }],
    },
  });
});

after(async () => {
  await browser?.close();
});

// No journey may leave an uncaught script error in a page: a request the
// app ends from within its own answer, for one, shows as an AbortError.
afterEach(() => {
  assert.deepEqual(takePageErrors(), [], 'uncaught script errors in the pages of this journey');
});

test('an anonymous visitor finds a certification despite a typo, sees the matches highlighted and near neighbours, and narrows by a facet', async () => {
  // A name with characters outside the Basic Multilingual Plane, whose
  // highlights (in code points) land elsewhere if cut in UTF-16 units.
  const astral = 'SRG 🚢 Maritime Rigging Specialist 𝕏';
  await gql(staffToken, `mutation($input: CertificationInput!) { createCertification(input: $input, reason: "e2e") { userErrors { message } } }`, {
    input: { newOrganization: { name: 'Ship Rigging Guild', acronym: 'SRG' }, name: '🚢 Maritime Rigging Specialist 𝕏', recognitionBases: ['NAM_ENDORSED'] },
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  const searches = [];
  page.on('request', (r) => { const m = /"search":"([^"]*)"/.exec(r.postData() ?? ''); if (m) searches.push(m[1]); });
  await page.goto(`${origin}/app/`);
  const box = page.getByLabel('Search certifications');
  await box.pressSequentially('Certfied Weldng Inspector');
  const first = page.getByRole('list', { name: 'Certifications' }).getByRole('listitem').first();
  await assert.doesNotReject(first.getByText('AWS Certified Welding Inspector').waitFor());
  assert.deepEqual(await first.locator('mark').allInnerTexts(), ['Certified', 'Welding', 'Inspector']);
  assert.equal(searches.at(-1), 'Certfied Weldng Inspector');
  console.log(`# typing 25 characters sent ${searches.length} searches: ${JSON.stringify(searches)}`);
  await page.getByRole('heading', { name: 'You might also mean' }).waitFor();
  const near = page.getByRole('list', { name: 'You might also mean' });
  await near.getByRole('link', { name: 'AWS Certified Welding Educator (CWE)' }).waitFor();
  assert.equal(await near.locator('mark').count(), 0);
  await accessible(page, 'the search with highlights');
  await screenshot(page, 'search');

  await box.fill('Maritme Rigging Spec');
  const hit = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: astral }) });
  await hit.waitFor();
  assert.deepEqual(await hit.locator('mark').allInnerTexts(), ['Maritime', 'Rigging', 'Spec']);

  await page.getByLabel('Search certifications').fill('');
  await page.getByText(/^156 certifications|^\d+ certifications/).waitFor();
  // On a wide screen the filters are a column of their own, open, with no button to open them.
  assert.equal(await page.getByRole('button', { name: /^Filters/ }).isVisible(), false);
  await page.getByRole('group', { name: 'Recognition basis' }).getByLabel(/^NCCA/).check();
  await page.getByText('25 certifications', { exact: true }).waitFor();
  await accessible(page, 'the catalog');
  await screenshot(page, 'catalog');
  await first.getByRole('link').click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.match(await page.locator('.facts').innerText(), /Issuer/);
  await accessible(page, 'a certification page');
  await context.close();
});

test('a pasted list of five credentials gets five verdicts', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/app/#/check`);
  await page.getByLabel(/Your credential/).fill([
    'Certfied Welding Inspector (2023)',
    'State-issued forklift operator license',
    'OSHA 30-Hour Construction card',
    'Underwater basket weaving master',
    'Mobile Crane Operator',
  ].join('\n'));
  await page.getByRole('button', { name: 'Check' }).click();
  const answers = page.getByRole('list', { name: 'Answers' }).locator(':scope > li');
  await answers.nth(4).waitFor();
  assert.equal(await answers.count(), 5);
  const verdicts = await answers.locator('.verdict strong').allInnerTexts();
  assert.deepEqual(verdicts, ['Industry certification', 'Continuing education', 'Does not count', 'Not listed', 'Ambiguous']);
  await answers.nth(3).getByRole('link', { name: 'Submit it for review' }).waitFor();
  await accessible(page, 'the credential check');
  await screenshot(page, 'check');
  await context.close();
});

test('a candidate adds an activity from a check answer, uploads a proof and sees the progress bar move', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'CANDIDATE', 'C-9001', 'signin');
  await page.goto(`${origin}/app/#/me`);
  await page.getByRole('button', { name: 'Start my CPT application' }).click();
  const progress = page.locator('progress');
  await progress.waitFor();
  assert.equal(await progress.getAttribute('value'), '0');
  await accessible(page, 'the candidate page');
  await page.goto(`${origin}/app/#/check`);
  await page.getByLabel(/Your credential/).fill('Certified Welding Inspector');
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByText('give the date you earned it above').waitFor();
  await page.getByLabel(/When you earned it/).fill(isoDate(-30));
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByRole('button', { name: 'Add to my application' }).click();
  await page.getByRole('button', { name: 'Added to my application' }).waitFor();
  await page.goto(`${origin}/app/#/me`);
  await page.getByText('10 of 100 points').first().waitFor();
  assert.equal(await page.locator('progress').getAttribute('value'), '10');
  await page.getByLabel('Upload a proof (PDF or image)').setInputFiles({ name: 'cwi-card.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'cwi-card.pdf' }).waitFor();
  await accessible(page, 'the candidate page with an activity');
  await screenshot(page, 'candidate');
  await context.close();
});

test('staff approve a review and an anonymous page shows the new certification without a reload', async () => {
  const name = 'Hydraulic Press Safety Technician';
  const { keyActivities } = await gql('', '{ keyActivities(program: CPT) { id } }');
  const submitted = await upload(candidateToken, `mutation($input: SubmitCertificationForReviewInput!) { submitCertificationForReview(input: $input) { review { id } userErrors { message } } }`,
    { input: { certificationName: name, organization: { name: 'Press Safety Board', url: 'https://press-safety.example.org' }, copy: null, trainingRequirements: '40 hours of classroom training and a written exam', keyActivityIds: [keyActivities[0].id], earningMethods: ['WRITTEN_ASSESSMENT'], recognition: ['NATIONAL'] } },
    'input.copy', 'certificate.pdf', pdf);
  assert.deepEqual(submitted.submitCertificationForReview.userErrors, []);

  const anonymous = await browser.newContext();
  const watcher = await anonymous.newPage();
  await watcher.goto(`${origin}/app/`);
  await watcher.getByLabel('Search certifications').fill(name);
  await watcher.getByText(/^\d+ certifications/).waitFor();
  assert.equal(await watcher.getByRole('link', { name }).count(), 0);

  const staff = await browser.newContext();
  const page = await staff.newPage();
  await signIn(page, 'STAFF', 'staff-dev');
  await page.getByRole('link', { name: 'Review queue' }).click();
  await page.getByRole('link', { name }).click();
  await page.locator('iframe.copy').waitFor();
  assert.equal(await page.getByLabel('Catalog entry name').inputValue(), name);
  assert.equal(await page.getByLabel('Issuing organization').inputValue(), 'Press Safety Board');
  await accessible(page, 'a review');
  await stacked(page, 'a review');
  await screenshot(page, 'review');
  await page.getByRole('button', { name: 'Approve and add to the catalog' }).click();
  await page.getByText(/^Decided: Approved/).waitFor();

  await assert.doesNotReject(watcher.getByRole('link', { name }).waitFor({ timeout: 15_000 }));
  await page.getByRole('link', { name: 'Catalog edits' }).click();
  await page.getByRole('table').waitFor();
  await accessible(page, 'the catalog edits');
  await page.getByRole('link', { name: 'Applications' }).click();
  await page.getByRole('heading', { name: 'Application queue' }).waitFor();
  await accessible(page, 'the application queue');
  await anonymous.close();
  await staff.close();
});

/**
 * inReview builds the candidate's application of the program to 100 points
 * (a job through the cycle and a pre-approved certification, each with a
 * proof), submits it and records its fee, and returns its global ID.
 */
async function inReview(token, program) {
  const fields = 'application { id version } userErrors { message }';
  const ok = (payload) => { assert.deepEqual(payload.userErrors, [], JSON.stringify(payload.userErrors)); return payload.application ?? payload.applications[0]; };
  let app = ok((await gql(token, `mutation($p: Program!) { createApplication(program: $p) { ${fields} } }`, { p: program })).createApplication);
  const { certifications } = await gql('', '{ certifications(first: 1, filter: { search: "CWI" }) { nodes { id } } }');
  for (const activity of [
    { category: 'EMPLOYMENT', activityTypeKey: 'e-direct', title: 'Production associate, Acme Plastics', startOn: isoDate(-5 * 365 + 60), weeklyHours: 40, ongoing: true },
    { category: 'INDUSTRY_CERTIFICATION', activityTypeKey: 'ic-certification', title: 'AWS Certified Welding Inspector', certificationId: certifications.nodes[0].id, completedOn: isoDate(-365) },
  ]) {
    app = ok((await gql(token, `mutation($id: ID!, $v: Int!, $a: ActivityInput!) { saveApplicationActivity(applicationId: $id, version: $v, activity: $a) { ${fields} } }`, { id: app.id, v: app.version, a: activity })).saveApplicationActivity);
  }
  for (const activityId of [1, 2]) {
    app = ok((await upload(token, `mutation($id: ID!, $v: Int!, $a: Int!, $f: Upload!) { attachActivityProof(applicationId: $id, version: $v, activityId: $a, file: $f) { ${fields} } }`,
      { id: app.id, v: app.version, a: activityId, f: null }, 'f', 'hr-letter.pdf', pdf)).attachActivityProof);
  }
  const many = 'applications { id version } userErrors { message }';
  app = ok((await gql(token, `mutation($id: ID!, $v: Int!) { submitApplications(applicationIds: [$id], versions: [$v]) { ${many} } }`, { id: app.id, v: app.version })).submitApplications);
  app = ok((await gql(staffToken, `mutation($id: ID!, $v: Int!) { recordPayment(applicationId: $id, version: $v, amountCents: 7500, reference: "e2e") { ${many} } }`, { id: app.id, v: app.version })).recordPayment);
  return app.id;
}

test('staff ask a candidate for information on an application, the candidate answers in the app, and staff see the answer', async () => {
  await gql(staffToken, `mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { userErrors { message } } }`, {
    input: {
      msscCandidateId: 'C-9101', name: 'Avery Asked', email: 'avery@example.com',
      heldCertifications: ['CPT', 'CLT'].map((program) => ({ program, certifiedOn: isoDate(-5 * 365 + 60), expiresOn: isoDate(60) })),
    },
  });
  const token = await devToken('CANDIDATE', 'C-9101');
  await inReview(token, 'CPT');
  await inReview(token, 'CLT');

  // A tall window, so that the screenshot shows the waiting application
  // and the points and question forms on the other.
  const staff = await browser.newContext({ viewport: { width: 1280, height: 1350 } });
  const page = await staff.newPage();
  await signIn(page, 'STAFF', 'staff-dev');
  await page.getByRole('link', { name: 'Applications' }).click();
  const cpt = page.getByRole('region', { name: 'Avery Asked (C-9101): CPT' });
  const clt = page.getByRole('region', { name: 'Avery Asked (C-9101): CLT' });
  const ask = cpt.getByRole('region', { name: 'Ask for information' });
  await ask.waitFor();

  // A question of blanks passes the browser's check; the API refuses it
  // and the form says why.
  await ask.getByLabel('Question for the candidate').fill('   ');
  await ask.getByRole('button', { name: 'Ask the candidate' }).click();
  await ask.getByRole('alert').getByText(/question/).waitFor();

  await ask.getByLabel('Question for the candidate').fill('Send the HR letter for 2023, signed by HR.');
  await ask.getByRole('button', { name: 'Ask the candidate' }).click();
  const waiting = cpt.getByRole('note', { name: 'Waiting for the candidate' });
  await waiting.waitFor();
  assert.match(await waiting.innerText(), new RegExp(`Waiting for the candidate's answer since ${isoDate(0)}, asked to answer by ${isoDate(30)}`));
  assert.match(await waiting.innerText(), /Asked: Send the HR letter for 2023, signed by HR\./);
  assert.equal(await cpt.getByRole('region', { name: 'Ask for information' }).count(), 0);
  assert.equal(await cpt.getByRole('button', { name: 'Set points' }).count(), 0);
  await page.getByText("applications in the queue, 1 of them waiting for the candidate's answer").waitFor();
  await clt.getByRole('region', { name: 'Ask for information' }).waitFor();
  await accessible(page, 'the application queue with an application waiting for its candidate');
  await stacked(page, 'the application queue');
  await screenshot(page, 'application-queue');

  // The candidate finds the question on their page with the day to answer
  // by (decision_days, 30, after the day asked) and answers it there.
  const candidate = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const mine = await candidate.newPage();
  await signIn(mine, 'CANDIDATE', 'C-9101');
  await mine.getByRole('link', { name: 'My recertification' }).click();
  const question = mine.getByRole('region', { name: "MSSC's question on your CPT application" });
  await question.waitFor();
  assert.match(await question.innerText(), /MSSC asks you about your CPT application\s+Send the HR letter for 2023, signed by HR\./);
  assert.match(await question.innerText(), new RegExp(`Please answer by ${isoDate(30)}\\.`));
  await mine.getByRole('region', { name: 'CPT application: Information requested' }).getByText("Waiting for your answer to MSSC's question above").waitFor();
  assert.equal(await mine.getByRole('region', { name: "MSSC's question on your CLT application" }).count(), 0);
  await accessible(mine, "the candidate page with staff's question");
  await screenshot(mine, 'candidate-question');

  // An answer of blanks passes the browser's check; the API refuses it and
  // the form says why, keeping what was typed.
  await question.getByLabel('Your answer').fill('   ');
  await question.getByRole('button', { name: 'Send my answer' }).click();
  await question.getByRole('alert').getByText(/answer/).waitFor();
  await question.getByLabel('Your answer').fill('The HR letter is attached to the job, signed by Dana Lee of HR.');
  await question.getByRole('button', { name: 'Send my answer' }).click();
  const answered = mine.getByRole('region', { name: 'CPT application: In review' });
  await answered.getByRole('note', { name: 'Your answer to MSSC' }).getByText('The HR letter is attached to the job, signed by Dana Lee of HR.').waitFor();
  assert.equal(await mine.getByRole('region', { name: "MSSC's question" }).count(), 0);
  await answered.getByText(/MSSC's decision is due by \d{4}-\d{2}-\d{2}\./).waitFor();
  await accessible(mine, "the candidate page after answering staff's question");
  await candidate.close();

  // Staff see the answer in the queue, the application back in review with
  // its points form and the question form again.
  await page.reload();
  await cpt.getByText('The candidate answered “Send the HR letter for 2023, signed by HR.”: The HR letter is attached to the job, signed by Dana Lee of HR.').waitFor();
  assert.equal(await cpt.getByRole('note', { name: 'Waiting for the candidate' }).count(), 0);
  await cpt.getByRole('region', { name: 'Ask for information' }).waitFor();
  assert.ok(await cpt.getByRole('button', { name: 'Set points' }).count() > 0, 'the application back in review takes points');

  // At a phone's width the queue fits the screen and its forms still stack.
  await page.setViewportSize({ width: 375, height: 812 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'the application queue is wider than 375 px');
  await stacked(page, 'the application queue at 375 px');
  await accessible(page, 'the application queue at 375 px');
  await screenshot(page, 'application-queue-375');
  await page.setViewportSize({ width: 1280, height: 1350 });

  // One application a page (?first=1): "Load more" appends the next page,
  // says how many are shown, and goes once the queue is all shown.
  await page.goto(`${origin}/app/#/staff/applications?first=1`);
  const total = Number((await page.getByText(/^\d+ applications in the queue/).innerText()).split(' ')[0]);
  assert.ok(total >= 2, `the queue has ${total} applications, want two pages at least`);
  const shown = page.getByRole('status').filter({ hasText: /^Showing \d+ of \d+ applications$/ });
  const more = page.getByRole('button', { name: 'Load more applications' });
  const cards = page.getByRole('main').getByRole('heading', { level: 2 });
  await shown.getByText(`Showing 1 of ${total} applications`).waitFor();
  assert.equal(await cards.count(), 1);
  await accessible(page, 'the application queue a page at a time, with "Load more"');
  for (let n = 2; n <= total; n++) {
    await more.click();
    await shown.getByText(`Showing ${n} of ${total} applications`).waitFor();
    assert.equal(await cards.count(), n);
  }
  assert.equal(await more.count(), 0, '"Load more" stays when every application is shown');
  assert.equal(await shown.evaluate((s) => s === document.activeElement), true, 'the focus did not move to the count when "Load more" went');
  await cpt.waitFor();
  await clt.waitFor();
  await accessible(page, 'the application queue with every page loaded');
  await staff.close();
});

test('GraphiQL loads from the binary alone and opens on the README examples', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const foreign = [];
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url()); });
  await page.goto(`${origin}/`);
  await page.locator('.graphiql-container').waitFor();
  await page.getByText('Headers', { exact: true }).first().waitFor();
  const tabs = await page.locator('.graphiql-tab').count();
  assert.ok(tabs >= 8, `GraphiQL opened ${tabs} tabs, want the README's examples`);
  // The editor is a chunk of its own, loaded after the page (gzip-compressed
  // like every asset): the first tab's text shows once it has arrived.
  await page.locator('.graphiql-query-editor').getByText('MSSC Recertification API').first().waitFor();
  assert.deepEqual(foreign, [], 'GraphiQL fetched something from another origin');
  await screenshot(page, 'graphiql');
  await context.close();
});

test('a page on an allowed origin calls the API through CORS; another origin cannot', async () => {
  const page = `<!doctype html><html lang="en"><title>Other origin</title><p id="out">waiting</p><script>
    fetch(${JSON.stringify(api)}, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ${staffToken}' },
      body: JSON.stringify({ query: '{ viewer { subject } }' }) })
      .then(async (r) => { document.getElementById('out').textContent = 'subject ' + (await r.json()).data.viewer.subject + ' remaining ' + r.headers.get('X-RateLimit-Remaining'); })
      .catch((e) => { document.getElementById('out').textContent = 'refused ' + e.message; });
  </script></html>`;
  const serve = (port) => new Promise((resolve) => {
    const s = createServer((_, res) => { res.setHeader('Content-Type', 'text/html'); res.end(page); });
    s.listen(port, '127.0.0.1', () => resolve(s));
  });
  const allowed = await serve(Number(process.env.E2E_ALLOWED_PORT));
  const other = await serve(0);
  const context = await browser.newContext();
  try {
    const p = await context.newPage();
    await p.goto(`http://127.0.0.1:${process.env.E2E_ALLOWED_PORT}/`);
    await p.getByText(/^subject ci-staff remaining \d+$/).waitFor();
    await p.goto(`http://127.0.0.1:${other.address().port}/`);
    await p.getByText(/^refused /).waitFor();
  } finally {
    await context.close();
    allowed.close();
    other.close();
  }
});

test('at 375 px wide the catalog shows its results first, the filters behind a button, and the catalog and the check fit the screen and stay accessible', async () => {
  const height = 812;
  const context = await browser.newContext({ viewport: { width: 375, height }, isMobile: true });
  const page = await context.newPage();
  await page.goto(`${origin}/app/`);
  const counted = page.getByText(/^\d+ certifications/);
  const all = await counted.innerText();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the catalog is ${width} px wide at 375 px`);
  const first = page.getByRole('list', { name: 'Certifications' }).getByRole('listitem').first();
  const firstTop = async () => (await first.boundingBox()).y;
  assert.ok(await firstTop() < height, `the first result starts ${await firstTop()} px down a ${height} px screen`);
  const filters = page.getByRole('button', { name: /^Filters/ });
  const bases = page.getByRole('group', { name: 'Recognition basis' });
  assert.equal(await filters.getAttribute('aria-expanded'), 'false');
  assert.equal(await bases.isVisible(), false, 'the filters show before they are asked for');
  await accessible(page, 'the catalog at 375 px');
  await screenshot(page, 'catalog-375');

  // The button comes right after the search box, and opens from the keyboard.
  await page.getByLabel('Search certifications').focus();
  await page.keyboard.press('Tab');
  assert.equal(await filters.evaluate((b) => b === document.activeElement), true, 'Tab from the search box does not reach the Filters button');
  await page.keyboard.press('Enter');
  assert.equal(await filters.getAttribute('aria-expanded'), 'true');
  await bases.getByLabel(/^NCCA/).check();
  await page.getByRole('button', { name: 'Filters (1 active)' }).waitFor();
  const shown = Number((await counted.filter({ hasNotText: all }).innerText()).split(' ')[0]);
  await page.getByRole('button', { name: `Show ${shown} certifications` }).waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375);
  await accessible(page, 'the catalog at 375 px with its filters open');
  await screenshot(page, 'catalog-375-filters');

  await page.getByRole('button', { name: `Show ${shown} certifications` }).click();
  assert.equal(await filters.getAttribute('aria-expanded'), 'false');
  assert.equal(await filters.evaluate((b) => b === document.activeElement), true, 'closing the filters lost the focus');
  assert.equal(await bases.isVisible(), false);
  assert.match(await first.innerText(), /NCCA/);
  assert.ok(await firstTop() < height, `with a filter the first result starts ${await firstTop()} px down`);

  await page.getByRole('link', { name: 'Does my credential count?' }).click();
  await page.getByLabel(/Your credential/).fill('OSHA 30-Hour General Industry');
  await page.getByRole('button', { name: 'Check' }).click();
  await page.locator('.answer').waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375);
  await accessible(page, 'the check at 375 px');
  await context.close();
});
