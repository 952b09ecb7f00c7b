import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type Browser } from './chromium';
import { screenshotDir } from './paths';
import { startSikapServer, type SikapServer } from './sikap-server';
import { signIn } from './console-session';
import { walkthroughDataset } from './walkthrough-dataset';

/**
 * The console walk-through of issue 8 against the real server: sign in, filter employees and
 * open a profile, edit a position's standard and see a candidate's JPM change, plan and apply a
 * placement, switch language.
 */
let server: SikapServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const year = new Date().getFullYear();

const testId = (id: string) => `[data-testid="${id}"]`;

async function shot(name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

async function chooseOption(selectTestId: string, label: string, search?: string): Promise<void> {
  await page.click(testId(selectTestId));
  if (search) await page.keyboard.type(search);
  await page.locator('.n-base-select-option', { hasText: label }).first().click();
}

beforeAll(async () => {
  await mkdir(screenshotDir, { recursive: true });
  [server, browser] = await Promise.all([startSikapServer(), launchChromium()]);
  const imported = await server.gql<{ importDataset: { ok: boolean; errors: unknown[] } }>(
    `mutation($dataset: JSONObject!) { importDataset(dataset: $dataset) { ok errors { path message } } }`,
    { dataset: walkthroughDataset(year) },
  );
  if (!imported.importDataset.ok) throw new Error(`fixture import failed: ${JSON.stringify(imported.importDataset.errors)}`);
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Console walk-through in chromium against the real server', () => {
  it('sends an anonymous visitor to sign in, and back after signing in', async () => {
    await page.goto(`${server.url}/employees`);
    await page.waitForURL(/\/login\?redirect=/);
    await page.waitForSelector(testId('login-page'));
    await shot('walkthrough-01-login');
    await page.fill(`${testId('login-email')} input`, 'admin@sikap.test');
    await page.fill(`${testId('login-password')} input`, 'wrong password!!');
    await page.click(testId('login-submit'));
    await page.locator(testId('login-password-item')).locator('.n-form-item-feedback--error').waitFor();
    expect(await page.locator(testId('login-password-item')).textContent()).toContain('E-mail atau kata sandi salah.');
    await signIn(page, server.url);
    expect(await page.locator(testId('viewer-label')).textContent()).toContain('admin@sikap.test');
  });

  it('filters employees by unit subtree, competency level and name, then opens a profile', async () => {
    await page.goto(`${server.url}/employees`);
    await page.waitForSelector(testId('employee-row-198801012012011004'));
    expect(await page.locator(testId('pager-range')).textContent()).toContain('1–4 dari 4');

    await chooseOption('employees-unit', 'DINKES — Dinas Kesehatan', 'DINKES');
    await page.waitForURL(/unit=DINKES/);
    await page.waitForSelector(testId('employee-row-198801012012011004'), { state: 'detached' });
    expect(await page.locator(testId('pager-range')).textContent()).toContain('1–3 dari 3');

    await chooseOption('employees-competency', 'KOM — Komunikasi');
    await page.waitForURL(/comp=KOM&below=3/);
    // Siti's latest KOM level is 3, not below 3.
    await page.waitForSelector(testId('employee-row-198503152010012001'), { state: 'detached' });
    expect(await page.locator(testId('pager-range')).textContent()).toContain('1–2 dari 2');

    await page.click(testId('employees-jp'));
    await page.waitForURL(/jp=short/);
    await shot('walkthrough-02-employees-filtered');

    // Clear, then search by name and open the profile.
    await page.click(testId('employees-clear'));
    await page.fill(`${testId('employees-search')} input`, 'Siti');
    await page.waitForURL(/q=Siti/);
    await page.waitForSelector(testId('employee-row-199001012015031002'), { state: 'detached' });
    await page.click(testId('employee-link-198503152010012001'));
    await page.waitForURL(/\/employees\/198503152010012001/);
    await page.waitForSelector(testId('employee-nip'));
    const nip = await page.locator(testId('employee-nip')).textContent();
    expect(nip).toContain('1985-03-15');
    expect(nip).toContain('2010-01');
    expect(nip).toContain('Perempuan');
    // INT 3/3, KOM 3/3, KES 2.5/3 → 8.5/9.
    expect(await page.locator(testId('employee-jpm')).textContent()).toBe('94.4');
    expect(await page.locator(testId('gap-KES')).textContent()).toContain('2.5 dari 3');
    expect(await page.locator(testId('employee-jp')).textContent()).toBe('12');
    expect(await page.locator(testId('employee-training-needs')).textContent()).toContain('PLT-KES-01');
    expect(await page.locator(testId('employee-best-positions')).textContent()).toContain('DINKES-KASI-PROMKES');
    await shot('walkthrough-03-employee-profile');
  });

  it('shows the dashboard with headcount, category shares and the 9-box, and opens a box', async () => {
    await page.goto(`${server.url}/dashboard`);
    await page.waitForFunction(() => document.querySelector('[data-testid="dashboard-headcount"]')?.textContent === '4');
    expect(await page.locator(testId('dashboard-placed')).textContent()).toBe('1');
    // Siti: JPM 94.4 (optimal, high potential) and an excellent predicate: box 9.
    await page.waitForSelector(`${testId('box-9')}:has-text(": 1")`);
    expect(await page.locator(testId('share-OPTIMAL')).textContent()).toContain('100% (1)');
    // ECharts arrives in its own chunk after the figures and draws on canvas.
    await page.waitForSelector(`${testId('chart-nine-box')} canvas`);
    await page.waitForSelector(`${testId('chart-category')} canvas`);
    // The unit × competency shortfall heat map and the predicate trend share the chart chunk.
    await page.waitForSelector(`${testId('chart-gaps')} canvas`);
    await page.waitForSelector(`${testId('chart-trend')} canvas`);
    await shot('walkthrough-04-dashboard');
    await page.click(testId('box-9'));
    await page.waitForURL(/\/employees\?talentBox=9/);
    await page.waitForSelector(testId('employee-row-198503152010012001'));
    expect(await page.locator(testId('pager-range')).textContent()).toContain('1–1 dari 1');
    await shot('walkthrough-05-dashboard-box');
  });

  it('edits a position’s standard and sees a candidate’s JPM change', async () => {
    await page.goto(`${server.url}/positions`);
    await page.waitForSelector(testId('position-row-DINKES-KASI-PROMKES'));
    await page.click(testId('position-link-DINKES-KASI-PROMKES'));
    await page.waitForSelector(testId('standard-editor'));
    await page.click('.n-tabs-tab:has-text("Kandidat")');
    await page.waitForURL(/tab=candidates/);
    // Budi: INT 3/3, KOM 2/3 → 83.3, fairly optimal.
    const budi = page.locator(testId('candidate-jpm-199001012015031002'));
    await budi.waitFor();
    expect(await budi.textContent()).toBe('83.3');
    await shot('walkthrough-06-candidates-before');

    await page.click('.n-tabs-tab:has-text("Standar kompetensi")');
    await page.waitForSelector(testId('standard-row-1'));
    await chooseOption('standard-row-1-level-select', '2');
    await page.click(testId('standard-save'));
    await page.waitForSelector('text=Standar kompetensi DINKES-KASI-PROMKES disimpan.');
    await shot('walkthrough-07-standard-saved');

    await page.click('.n-tabs-tab:has-text("Kandidat")');
    await page.waitForFunction(() => document.querySelector('[data-testid="candidate-jpm-199001012015031002"]')?.textContent === '100.0');
    const row = await page.locator(testId('candidate-row-199001012015031002')).textContent();
    expect(row).toContain('Optimal');
    await shot('walkthrough-08-candidates-after');
  });

  it('shows a level outside 1–5 refused next to its row', async () => {
    await page.goto(`${server.url}/positions/DINKES-KASI-PROMKES`);
    await page.waitForSelector(testId('standard-row-1'));
    await page.click(testId('standard-add'));
    await page.click(testId('standard-save'));
    const item = page.locator(testId('standard-row-2-level'));
    await item.locator('.n-form-item-feedback--error').waitFor();
    expect(await item.textContent()).toContain('Nilai di luar batas yang diizinkan.');
    await shot('walkthrough-09-standard-row-error');
  });

  it('goes from a chosen vacancy to its ranked candidates and compares two side by side', async () => {
    await page.goto(`${server.url}/placement?pos=DINKES-KASI-PROMKES&unit=DINKES`);
    await page.click(testId('placement-candidates-DINKES-KASI-PROMKES'));
    await page.waitForURL(/\/positions\/DINKES-KASI-PROMKES\?tab=candidates/);
    await page.click(testId('candidates-eligible-only'));
    await page.waitForURL(/all=1/);
    const budi = '199001012015031002';
    const dedi = '198801012012011004';
    await page.locator(testId(`candidate-compare-${budi}`)).click();
    await page.waitForSelector(testId('compare-pick-one-more'));
    // Ticking by keyboard, as an admin without a mouse would.
    await page.locator(testId(`candidate-compare-${dedi}`)).focus();
    await page.keyboard.press('Space');
    await page.waitForURL(new RegExp(`cmp=${budi}(%2C|,)${dedi}`));
    await page.waitForSelector(testId('compare-competencies'));
    expect(await page.locator(testId('compare-name-0')).textContent()).toBe('Budi Santoso');
    expect(await page.locator(testId('compare-name-1')).textContent()).toBe('Dedi Siregar');
    // After the standard edit (KOM 2): both reach JPM 100, but Dedi's levels 4/4 exceed it by 60%.
    expect(await page.locator(testId('compare-jpm-0')).textContent()).toBe('100.0');
    expect(await page.locator(testId('compare-rawJpm-1')).textContent()).toContain('160.0');
    expect(await page.locator(testId('compare-better-rawJpm-1')).count()).toBe(1);
    expect(await page.locator(testId('compare-achieved-KOM-1')).textContent()).toContain('4');
    // The console scrolls inside its layout, so a full-page shot holds only what is scrolled into view.
    await page.locator(testId('compare-competencies')).scrollIntoViewIfNeeded();
    await shot('walkthrough-09b-candidates-compare');

    await page.click(testId('compare-clear'));
    await page.waitForSelector(testId('candidate-comparison'), { state: 'detached' });
    expect(page.url()).not.toContain('cmp=');
  });

  it('plans a placement, saves it as a draft and applies it after confirmation', async () => {
    await page.goto(`${server.url}/placement?pos=DINKES-KASI-PROMKES&unit=DINKES`);
    await page.waitForSelector(`${testId('placement-run')}:not([disabled])`);
    await page.click(testId('placement-run'));
    await page.waitForSelector(testId('plan-result'));
    expect(await page.locator(testId('plan-total')).textContent()).toBe('100.0');
    expect(await page.locator(testId('plan-greedy-total')).textContent()).toBe('100.0');
    await shot('walkthrough-10-plan');

    await page.click(testId('placement-save'));
    await page.waitForURL(/plan=/);
    await page.waitForSelector(`${testId('plan-status')}:has-text("Draf")`);
    await page.click(testId('placement-apply'));
    const applied = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('ApplyAssignmentPlan'));
    await page.locator('.n-dialog__action button', { hasText: 'Terapkan rencana' }).click();
    const answer = await (await applied).json() as { data?: { applyAssignmentPlan: { userErrors: unknown[] } }; errors?: unknown[] };
    expect(answer.errors ?? answer.data?.applyAssignmentPlan.userErrors).toEqual([]);
    await page.waitForSelector(`${testId('plan-status')}:has-text("Diterapkan"), ${testId('placement-refused')}, ${testId('placement-failed')}, ${testId('load-error')}`);
    const refused = page.locator(`${testId('placement-refused')}, ${testId('placement-failed')}, ${testId('load-error')}`);
    if ((await refused.count()) > 0) throw new Error(`applying was refused: ${await refused.first().textContent()}`);
    await shot('walkthrough-11-plan-applied');

    const check = await server.gql<{ position: { holderCount: number; vacancies: number } }>(`{ position(code: "DINKES-KASI-PROMKES") { holderCount vacancies } }`);
    expect(check.position).toEqual({ holderCount: 1, vacancies: 0 });
  });

  it('checks a dataset file, lists every error with its path, imports a clean one and exports', async () => {
    await page.goto(`${server.url}/dataset`);
    const input = page.locator(`${testId('dataset-upload')} input[type="file"]`);
    const bad = { units: [{ code: 'BAPPEDA', name: 'Bappeda', type: 'BADAN' }], employees: [{ nip: '123', name: 'X', status: 'PNS', grade: 'III/a', education: 'S1', unit: 'NOWHERE' }] };
    await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await page.waitForSelector(`${testId('dataset-file')}:has-text("bad.json")`);
    await page.click(testId('dataset-dry-run'));
    await page.waitForSelector(testId('dataset-invalid'));
    expect(await page.locator(testId('dataset-errors')).textContent()).toContain('$.employees[0].nip');
    expect(await page.locator(testId('dataset-import')).isDisabled()).toBe(true);
    await shot('walkthrough-12-dataset-errors');

    const good = { units: [{ code: 'BAPPEDA', name: 'Badan Perencanaan Pembangunan Daerah', type: 'BADAN' }] };
    await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
    await page.waitForSelector(`${testId('dataset-file')}:has-text("good.json")`);
    await page.click(testId('dataset-dry-run'));
    await page.waitForSelector(testId('dataset-valid'));
    await page.click(testId('dataset-import'));
    await page.locator('.n-dialog__action button', { hasText: 'Impor sekarang' }).click();
    await page.waitForSelector(testId('dataset-imported'));
    const unit = await server.gql<{ unit: { name: string } | null }>(`{ unit(code: "BAPPEDA") { name } }`);
    expect(unit.unit?.name).toBe('Badan Perencanaan Pembangunan Daerah');

    const download = page.waitForEvent('download');
    await page.click(testId('dataset-export'));
    const file = await (await download).path();
    const { readFile } = await import('node:fs/promises');
    const exported = JSON.parse(await readFile(file, 'utf8')) as { units: { code: string }[] };
    expect(exported.units.map((u) => u.code)).toContain('BAPPEDA');
  });

  it('switches to English', async () => {
    await page.goto(`${server.url}/positions/DINKES-KASI-PROMKES?tab=holders`);
    await page.waitForSelector(testId('holders-table'));
    await page.click(testId('language-en'));
    await page.waitForSelector('.n-tabs-tab:has-text("Competency standard")');
    expect(await page.locator(testId('side-menu')).textContent()).toContain('Employees');
    expect(await page.locator(testId('viewer-label')).textContent()).toContain('Signed in as admin@sikap.test');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot('walkthrough-13-english');
    await page.click(testId('language-id'));
  });

  it('ran without uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
