import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type Browser } from './chromium';
import { screenshotDir } from './paths';
import { startSikapServer, type SikapServer } from './sikap-server';
import { signIn } from './console-session';
import { walkthroughDataset } from './walkthrough-dataset';

/**
 * Issue 8's catalogue pages against the real server: the competency dictionary with its level
 * descriptions and technical competencies per sector, a training's participants, Kirkpatrick
 * evaluations and impact, and stakeholder input for a teacher position with a CSV import.
 */
let server: SikapServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const year = new Date().getFullYear();
const last = year - 1;

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

/** The walk-through data plus level descriptions, a teacher position with stakeholder input and a training with before/after assessments. */
function catalogueDataset() {
  const base = walkthroughDataset(year);
  const levels = ['Menyampaikan informasi dengan jelas.', 'Menyesuaikan cara bicara dengan pendengar.', 'Meyakinkan orang lain.', 'Membangun komunikasi lintas unit.', 'Menjadi rujukan komunikasi instansi.'];
  const withAfter: Record<string, number> = { '199001012015031002': 3, '199205102018032003': 2.5 };
  return {
    ...base,
    competencies: base.competencies.map((c) => (c.code === 'KOM' ? { ...c, levels: levels.map((description, i) => ({ level: i + 1, description })) } : c)),
    positions: [
      ...base.positions,
      { code: 'DISDIK-GURU-SD', name: 'Guru Kelas SD', unit: 'DISDIK', kind: 'FUNGSIONAL_KEAHLIAN', quota: 2, requirements: [{ competency: 'KOM', level: 3 }, { competency: 'INT', level: 2 }] },
    ],
    employees: base.employees.map((e) =>
      // The impact counts a completion only with an annual predicate before and after it too (domain.md §8).
      withAfter[e.nip] === undefined ? e : {
        ...e,
        assessments: [...e.assessments, { competency: 'KOM', level: withAfter[e.nip], assessedAt: `${last}-09-01`, method: 'ASSESSMENT_CENTER' }],
        appraisals: [...e.appraisals, { periodStart: `${year}-01-01`, period: 'ANNUAL', results: 'MEETS', behaviour: 'MEETS' }],
      },
    ),
    trainings: [...base.trainings, { code: 'PLT-KOM-02', title: 'Komunikasi Pelayanan Publik', form: 'KLASIKAL', type: 'WORKSHOP', hours: 16, competencies: ['KOM'] }],
    participations: [
      ...base.participations,
      ...Object.keys(withAfter).map((nip) => ({ nip, training: 'PLT-KOM-02', startedAt: `${last}-04-01`, completedAt: `${last}-04-05`, status: 'COMPLETED' })),
    ],
    stakeholderInputs: [
      { position: 'DISDIK-GURU-SD', competency: 'KOM', group: 'GURU', importance: 3, submittedAt: `${last}-05-10` },
      { position: 'DISDIK-GURU-SD', competency: 'KOM', group: 'ORANG_TUA', importance: 4, submittedAt: `${last}-05-10` },
    ],
  };
}

beforeAll(async () => {
  await mkdir(screenshotDir, { recursive: true });
  [server, browser] = await Promise.all([startSikapServer(), launchChromium()]);
  const imported = await server.gql<{ importDataset: { ok: boolean; errors: unknown[] } }>(
    `mutation($dataset: JSONObject!) { importDataset(dataset: $dataset) { ok errors { path message } } }`,
    { dataset: catalogueDataset() },
  );
  if (!imported.importDataset.ok) throw new Error(`fixture import failed: ${JSON.stringify(imported.importDataset.errors)}`);
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signIn(page, server.url);
});

afterEach(async (ctx) => {
  // A failed step leaves a picture of what the page showed.
  if (ctx.task.result?.state === 'fail') await page.screenshot({ path: path.join(screenshotDir, 'catalogue-failed.png'), fullPage: true }).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Catalogue pages in chromium against the real server', () => {
  it('filters the competency dictionary and keeps the filter in the URL', async () => {
    await page.goto(`${server.url}/competencies`);
    await page.waitForSelector(testId('competency-row-KOM'));
    expect(await page.locator(testId('side-menu')).textContent()).toContain('Kompetensi');
    await chooseOption('competencies-type', 'Teknis');
    await page.waitForURL(/type=TECHNICAL/);
    await page.waitForFunction(() => !document.querySelector('[data-testid="competency-row-KOM"]'));
    expect(await page.locator(testId('competency-row-KES')).textContent()).toContain('Pelayanan Kesehatan');
    await shot('catalogue-01-competencies-filtered');
  });

  it('opens a competency’s levels and edits a description', async () => {
    await page.goto(`${server.url}/competencies?q=kom`);
    await page.click(testId('competency-open-KOM'));
    await page.waitForURL(/open=KOM/);
    await page.waitForSelector(`${testId('competency-level-3')}:has-text("Meyakinkan orang lain.")`);
    await shot('catalogue-02-competency-levels');
    await page.click(testId('competency-edit'));
    await page.fill(`${testId('competency-form-level-3')} textarea`, 'Meyakinkan orang lain dengan data dan empati.');
    await page.click(testId('competency-form-save'));
    await page.waitForSelector(testId('competency-form'), { state: 'detached' });
    await page.waitForSelector(`${testId('competency-level-3')}:has-text("dengan data dan empati")`);
    const check = await server.gql<{ competency: { levels: { level: number; description: string }[] } }>(`{ competency(code: "KOM") { levels { level description } } }`);
    expect(check.competency.levels.find((l) => l.level === 3)?.description).toBe('Meyakinkan orang lain dengan data dan empati.');
    expect(check.competency.levels).toHaveLength(5);
    await page.keyboard.press('Escape');
  });

  it('groups technical competencies by the agency whose positions require them', async () => {
    await page.goto(`${server.url}/competencies?tab=sectors`);
    await page.waitForSelector(testId('sector-DINKES'));
    expect(await page.locator(testId('sector-DINKES')).textContent()).toContain('Pelayanan Kesehatan');
    await shot('catalogue-03-technical-by-sector');
  });

  it('opens a training and adds a participant found by name', async () => {
    await page.goto(`${server.url}/trainings`);
    await page.waitForSelector(testId('training-row-PLT-KOM-01'));
    await page.click(testId('training-link-PLT-KOM-01'));
    await page.waitForSelector(testId('training-overview'));
    expect(await page.locator(testId('training-targets')).textContent()).toContain('KOM');
    await page.click('.n-tabs-tab:has-text("Peserta")');
    await page.waitForURL(/tab=participants/);
    await page.waitForSelector(testId('participant-row-198503152010012001'));
    await page.click(testId('participant-add'));
    await chooseOption('participant-form-employee', 'Dedi Siregar', 'Dedi');
    await page.click(testId('participant-form-save'));
    await page.waitForSelector(testId('participant-form'), { state: 'detached' });
    await page.waitForSelector(testId('participant-row-198801012012011004'));
    expect(await page.locator(testId('participant-row-198801012012011004')).textContent()).toContain('Terdaftar');
    await shot('catalogue-04-training-participants');
  });

  it('records a Kirkpatrick evaluation', async () => {
    await page.click('.n-tabs-tab:has-text("Evaluasi Kirkpatrick")');
    await page.waitForSelector(testId('training-evaluations'));
    await page.click(testId('evaluation-add'));
    await chooseOption('evaluation-form-employee', 'Siti Aminah', 'Siti');
    await chooseOption('evaluation-form-level', 'L1 Reaksi');
    await chooseOption('evaluation-form-respondent', 'Peserta');
    await page.fill(`${testId('evaluation-form-score')} input`, '4');
    await page.click(testId('evaluation-form-save'));
    await page.waitForSelector(testId('evaluation-form'), { state: 'detached' });
    await page.waitForSelector(`${testId('evaluations-table')} :text("Siti Aminah")`);
    expect(await page.locator(testId('evaluation-level-1')).textContent()).toContain('1 entri');
    await shot('catalogue-05-training-evaluations');
  });

  it('shows the impact of a training with before/after, n and the interval', async () => {
    await page.goto(`${server.url}/trainings/PLT-KOM-02?tab=impact`);
    await page.waitForSelector(testId('impact-table'));
    const row = await page.locator(`${testId('impact-table')} tbody tr`).first().textContent();
    // Budi 2 → 3 and Rina 2 → 2,5: n 2, before 2, after 2,75, Δ +0,75.
    expect(row).toContain('KOM');
    expect(row).toMatch(/2\s*2\s*2,75\s*\+0,75/);
    await page.waitForSelector(`${testId('impact-chart')} canvas`);
    await shot('catalogue-06-training-impact');
  });

  it('records stakeholder input for a position and sees the summary change', async () => {
    await page.goto(`${server.url}/stakeholder?position=DISDIK-GURU-SD`);
    await page.waitForSelector(testId('summary-row-KOM'));
    expect(await page.locator(testId('summary-KOM-ORANG_TUA')).textContent()).toContain('n=1');
    await page.click(testId('response-add'));
    await chooseOption('response-form-group', 'Orang tua');
    await chooseOption('response-form-competency', 'KOM — Komunikasi');
    await page.click(testId('response-form-importance-5'));
    await page.fill(`${testId('response-form-comment')} textarea`, 'Guru perlu lebih sering berkomunikasi dengan orang tua.');
    await page.click(testId('response-form-save'));
    await page.waitForSelector(testId('response-form'), { state: 'detached' });
    // (4 + 5) / 2 = 4,5 rounds to an implied level of 5, above the standard of 3.
    await page.waitForSelector(`${testId('summary-KOM-ORANG_TUA')}:has-text("n=2")`);
    expect(await page.locator(testId('summary-KOM-ORANG_TUA')).textContent()).toMatch(/5\s*·\s*4,5/);
    expect(await page.locator(testId('summary-row-KOM')).textContent()).toContain('Di atas standar');
    await shot('catalogue-07-stakeholder-summary');
  });

  it('imports stakeholder responses from CSV after a dry run, naming the rows in error', async () => {
    await page.click(testId('stakeholder-import-open'));
    const input = page.locator(`${testId('stakeholder-import-upload')} input[type=file]`);
    const bad = ['competency,group,importance,submittedAt', 'KOM,SISWA,7,2024-05-10'].join('\n');
    await input.setInputFiles({ name: 'salah.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.waitForSelector(`${testId('stakeholder-import-errors')}:has-text("Baris 2, kolom importance")`);
    await shot('catalogue-08-import-errors');

    const good = ['competency,group,importance,submittedAt,comment', `KOM,SISWA,5,${last}-06-01,Guru yang sabar menjelaskan`, `INT,SISWA,4,${last}-06-01,`].join('\n');
    await input.setInputFiles({ name: 'siswa.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.waitForSelector(testId('stakeholder-import-preview'));
    expect(await page.locator(testId('stakeholder-import-run')).isDisabled()).toBe(true);
    await page.click(testId('stakeholder-import-dry-run'));
    await page.waitForSelector(`${testId('stakeholder-import-checked')}:has-text("2 baru")`);
    const before = await server.gql<{ stakeholderInputs: { totalCount: number } }>(`{ stakeholderInputs(where: { group: { eq: SISWA } }) { totalCount } }`);
    expect(before.stakeholderInputs.totalCount).toBe(0);
    await page.click(testId('stakeholder-import-run'));
    await page.waitForSelector(testId('stakeholder-import'), { state: 'detached' });
    await page.waitForSelector(testId('summary-KOM-SISWA'));
    expect(await page.locator(testId('summary-INT-SISWA')).textContent()).toContain('n=1');
    const after = await server.gql<{ stakeholderInputs: { totalCount: number } }>(`{ stakeholderInputs(where: { group: { eq: SISWA } }) { totalCount } }`);
    expect(after.stakeholderInputs.totalCount).toBe(2);
    await shot('catalogue-09-stakeholder-imported');
  });

  it('stays readable at tablet width', async () => {
    await page.setViewportSize({ width: 800, height: 1100 });
    await page.goto(`${server.url}/trainings/PLT-KOM-02?tab=impact`);
    await page.waitForSelector(`${testId('impact-chart')} canvas`);
    await shot('catalogue-10-impact-tablet');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
