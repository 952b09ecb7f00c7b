import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type Browser } from './chromium';
import { screenshotDir } from './paths';
import { startSikapServer, type SikapServer } from './sikap-server';
import { signIn } from './console-session';
import { walkthroughDataset } from './walkthrough-dataset';

/**
 * Issue 7 in chromium against the real server: build "employees in Dinas Kesehatan's subtree whose
 * Komunikasi is below 3 OR whose JP this year is below 20" with the builder, run it, page it,
 * export every page as CSV, save it, reload and reopen it.
 */
let server: SikapServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const year = new Date().getFullYear();
const savedName = `Kesehatan: KOM < 3 atau JP < 20 (${year})`;

const testId = (id: string) => `[data-testid="${id}"]`;

async function shot(name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Opens a Naive UI select and picks the option whose label starts with `label`. */
async function choose(selectTestId: string, label: string): Promise<void> {
  await page.click(testId(selectTestId));
  await page.keyboard.type(label.split(':')[0]!);
  await page.locator('.n-base-select-option', { hasText: label }).first().click();
}

/** The document as the builder's editor holds it. */
const documentText = () => page.locator(`${testId('qb-document')} .cm-content`).innerText();

/** RFC 4180 CSV as papaparse writes it: quoted fields may hold commas, quotes ("") and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

const where = {
  unitSubtreeOfCode: 'DINKES',
  or: [{ competencyLevel: { competency: 'KOM', lt: 3 } }, { developmentHours: { year, lt: 20 } }],
};

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
  // The machine running these is shared and slow at times; waits are for the app, not a performance check.
  page.setDefaultTimeout(60_000);
  await signIn(page, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Query builder in chromium against the real server', () => {
  it('builds the filter with nested and/or groups, runs it and pages through the result', async () => {
    await page.goto(`${server.url}/query-builder`);
    await page.waitForSelector(testId('field-tree'));
    await choose('qb-root', 'employees: EmployeeConnection!');

    // Tick the unit relation (its plain fields come with it); `nodes` is open as it holds ticked fields.
    await page.locator(`${testId('field-employees.nodes.unit')} .n-tree-node-checkbox`).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="qb-document"] .cm-content')?.textContent?.includes('unit {'));

    // where: { unitSubtreeOfCode, or: [{ competencyLevel }, { developmentHours }] }
    await choose('qb-add-arg', 'where: EmployeeWhere');
    await choose('arg-where-add', 'unitSubtreeOfCode: String');
    await page.fill(`${testId('arg-where.unitSubtreeOfCode-input')} input`, 'DINKES');
    await choose('arg-where-add', 'or: [EmployeeWhere!]');
    await page.click(testId('arg-where.or-add-item'));
    await page.click(testId('arg-where.or-add-item'));
    await choose('arg-where.or.0-add', 'competencyLevel: CompetencyLevelCondition');
    await page.fill(`${testId('arg-where.or.0.competencyLevel.competency-input')} input`, 'KOM');
    await choose('arg-where.or.0.competencyLevel-add', 'lt: Float');
    await page.fill(`${testId('arg-where.or.0.competencyLevel.lt-input')} input`, '3');
    await choose('arg-where.or.1-add', 'developmentHours: DevelopmentHoursCondition');
    await page.fill(`${testId('arg-where.or.1.developmentHours.year-input')} input`, String(year));
    await choose('arg-where.or.1.developmentHours-add', 'lt: Float');
    await page.fill(`${testId('arg-where.or.1.developmentHours.lt-input')} input`, '20');
    await page.locator(testId('qb-args')).click({ position: { x: 2, y: 2 } });

    await page.waitForFunction(
      (y) => {
        const text = document.querySelector('[data-testid="qb-document"] .cm-content')?.textContent ?? '';
        return text.includes(`or: [{competencyLevel: {competency: "KOM", lt: 3}}, {developmentHours: {year: ${y}, lt: 20}}]`) && text.includes('unitSubtreeOfCode: "DINKES"');
      },
      year,
    );

    // Two-way: editing the text (page size 50 → 2) updates the builder's page size.
    const before = await documentText();
    await page.click(`${testId('qb-document')} .cm-content`);
    await page.keyboard.press('Control+A');
    expect(before).toMatch(/first: 50\b/);
    await page.keyboard.insertText(before.replace(/first: 50\b/, 'first: 2'));
    await page.waitForFunction(() => document.querySelector('[data-testid="qb-page-size"]')?.textContent?.trim() === '2');

    // The server's cost estimate shows before running.
    await page.waitForSelector(testId('qb-cost'));
    expect(await page.locator(testId('qb-cost')).textContent()).toMatch(/\d+ poin \(maks\. \d+\)/);
    await shot('query-builder-01-built');

    const api = await server.gql<{ employees: { totalCount: number } }>(`query($w: EmployeeWhere) { employees(where: $w) { totalCount } }`, { w: where });
    expect(api.employees.totalCount).toBe(3);

    await page.click(testId('qb-run'));
    await page.waitForSelector(testId('qb-row-count'));
    expect(await page.locator(testId('qb-row-count')).textContent()).toContain(`2 baris dari ${api.employees.totalCount}`);
    await page.click(testId('qb-next'));
    await page.waitForFunction(() => document.querySelector('[data-testid="qb-row-count"]')?.textContent?.includes('1 baris'));
    await shot('query-builder-02-results-page-2');
  }, 240_000);

  it('exports every page as CSV, matching the API', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(testId('qb-export-csv'))]);
    const file = await download.path();
    const rows = parseCsv(await readFile(file, 'utf8'));
    const [header, ...data] = rows;
    const api = await server.gql<{ employees: { nodes: { nip: string; name: string; unit: { code: string } }[] } }>(
      `query($w: EmployeeWhere) { employees(where: $w, first: 500) { nodes { nip name unit { code } } } }`,
      { w: where },
    );
    expect(data).toHaveLength(api.employees.nodes.length);
    const col = (name: string) => header!.indexOf(name);
    expect(col('nip')).toBeGreaterThanOrEqual(0);
    expect(col('unit.code')).toBeGreaterThanOrEqual(0);
    const fromCsv = data.map((r) => `${r[col('nip')]}|${r[col('name')]}|${r[col('unit.code')]}`).sort();
    const fromApi = api.employees.nodes.map((n) => `${n.nip}|${n.name}|${n.unit.code}`).sort();
    expect(fromCsv).toEqual(fromApi);
  }, 120_000);

  it('saves the query, and reopens it after a reload and from the list', async () => {
    await page.click(testId('qb-save-as'));
    await page.fill(`${testId('save-name')} input`, savedName);
    await page.fill(`${testId('save-description')} textarea`, 'Pegawai Dinas Kesehatan yang perlu pengembangan komunikasi atau JP.');
    await page.click(testId('save-submit'));
    await page.waitForSelector(`${testId('qb-current')}:has-text("${savedName}")`);
    await page.waitForURL(/saved=/);
    const saved = new URL(page.url()).searchParams.get('saved');
    expect(saved).toBeTruthy();

    const stored = await server.gql<{ savedQuery: { name: string; document: string; version: number } | null }>(`query($id: ID!) { savedQuery(id: $id) { name document version } }`, { id: saved });
    expect(stored.savedQuery?.name).toBe(savedName);
    expect(stored.savedQuery?.document).toContain('unitSubtreeOfCode: "DINKES"');

    await page.reload();
    await page.waitForSelector(`${testId('qb-current')}:has-text("${savedName}")`);
    expect(await documentText()).toMatch(/first: 2\b/);

    // From a blank builder, the saved list opens it again.
    await page.goto(`${server.url}/query-builder`);
    await page.waitForSelector(testId('field-tree'));
    await page.click(testId(`saved-${savedName}`));
    await page.waitForSelector(`${testId('qb-current')}:has-text("${savedName}")`);
    await page.waitForFunction(() => document.querySelector('[data-testid="qb-document"] .cm-content')?.textContent?.includes('unitSubtreeOfCode: "DINKES"'));
    await page.waitForSelector(testId('qb-cost'));
    await page.click(testId('qb-run'));
    await page.waitForFunction(() => document.querySelector('[data-testid="qb-row-count"]')?.textContent?.includes('2 baris dari 3'));
    await shot('query-builder-03-reopened');
  }, 180_000);

  it('opens a deep link with a document and variables, and charts an aggregate', async () => {
    const aggregate = 'query Heads($w: EmployeeWhere) { employeeAggregate(groupBy: [UNIT], where: $w) { group { key value label } headcount } }';
    await page.goto(`${server.url}/query-builder?document=${encodeURIComponent(aggregate)}&variables=${encodeURIComponent(JSON.stringify({ w: { unitSubtreeOfCode: 'DINKES' } }))}`);
    await page.waitForFunction(() => document.querySelector('[data-testid="qb-document"] .cm-content')?.textContent?.includes('employeeAggregate'));
    await page.waitForSelector(testId('qb-cost'));
    await page.click(testId('qb-run'));
    await page.waitForSelector(testId('qb-row-count'));
    const api = await server.gql<{ employeeAggregate: unknown[] }>(`query($w: EmployeeWhere) { employeeAggregate(groupBy: [UNIT], where: $w) { headcount } }`, { w: { unitSubtreeOfCode: 'DINKES' } });
    expect(await page.locator(testId('qb-row-count')).textContent()).toContain(`${api.employeeAggregate.length} baris`);
    await page.click('.n-tabs-tab:has-text("Grafik")');
    await page.waitForSelector('.n-tabs-tab--active:has-text("Grafik")');
    // ECharts arrives in its own chunk and draws on canvas (below the fold of the page's scroll area).
    await page.waitForFunction(() => document.querySelector('[data-testid="result-chart-bar"] canvas') !== null);
    await shot('query-builder-04-aggregate-chart');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
