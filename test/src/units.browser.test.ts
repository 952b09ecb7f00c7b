import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type Browser } from './chromium';
import { screenshotDir } from './paths';
import { startSikapServer, type SikapServer } from './sikap-server';
import { signIn } from './console-session';

let server: SikapServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const CREATE = `mutation($input: UnitInput!) { createUnit(input: $input) { unit { id code } userErrors { field code message } } }`;

type Created = { createUnit: { unit: { id: string; code: string } | null; userErrors: { message: string }[] } };

async function createUnit(input: Record<string, unknown>): Promise<string> {
  const data = await server.gql<Created>(CREATE, { input });
  if (!data.createUnit.unit) throw new Error(`createUnit refused: ${JSON.stringify(data.createUnit.userErrors)}`);
  return data.createUnit.unit.id;
}

async function shot(name: string): Promise<void> {
  // Naive UI fades feedback and drawers in; a picture mid-transition shows half-drawn text.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

const testId = (id: string) => `[data-testid="${id}"]`;

async function chooseOption(selectTestId: string, label: string): Promise<void> {
  await page.click(testId(selectTestId));
  await page.locator('.n-base-select-option', { hasText: label }).first().click();
}

beforeAll(async () => {
  await mkdir(screenshotDir, { recursive: true });
  [server, browser] = await Promise.all([startSikapServer(), launchChromium()]);
  const dinkes = await createUnit({ code: 'DINKES', name: 'Dinas Kesehatan', type: 'DINAS' });
  await createUnit({ code: 'PKM-DELI', name: 'Puskesmas Medan Deli', type: 'PUSKESMAS', parent: dinkes });
  await createUnit({ code: 'DISDIK', name: 'Dinas Pendidikan dan Kebudayaan', type: 'DINAS' });
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // The API refuses anonymous callers; the console signs in first.
  await signIn(page, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Units page in chromium against the real server', () => {
  it('shows the units from the API in the tree and the table', async () => {
    await page.goto(`${server.url}/units`);
    await page.waitForSelector(testId('unit-row-DINKES'));
    await page.waitForSelector(testId('tree-unit-DINKES'));
    expect(await page.locator(testId('unit-row-PKM-DELI')).textContent()).toContain('DINKES — Dinas Kesehatan');
    expect(await page.locator(testId('pager-range')).textContent()).toContain('1–3 dari 3');
    expect(await page.locator(testId('side-menu')).textContent()).toContain('Unit Organisasi');

    // Children load when a node opens.
    expect(await page.locator(testId('tree-unit-PKM-DELI')).count()).toBe(0);
    await page.locator('.n-tree-node', { has: page.locator(testId('tree-unit-DINKES')) }).locator('.n-tree-node-switcher').click();
    await page.waitForSelector(testId('tree-unit-PKM-DELI'));
    await shot('units-id');
  });

  it('filters by search text and keeps it in the URL', async () => {
    await page.fill(`${testId('units-search')} input`, 'deli');
    await page.waitForURL(/q=deli/);
    await page.waitForFunction(() => !document.querySelector('[data-testid="unit-row-DINKES"]'));
    expect(await page.locator(testId('unit-row-PKM-DELI')).count()).toBe(1);
    await page.fill(`${testId('units-search')} input`, '');
    await page.waitForSelector(testId('unit-row-DINKES'));
  });

  it('creates a unit through the form', async () => {
    await page.click(testId('units-add'));
    await page.fill(`${testId('unit-form-code')} input`, 'BAPPEDA');
    await page.fill(`${testId('unit-form-name')} input`, 'Badan Perencanaan Pembangunan Daerah');
    await chooseOption('unit-form-type', 'Badan');
    await page.click(testId('unit-form-save'));
    await page.waitForSelector(testId('unit-form'), { state: 'detached' });
    // The new unit opens in the drawer, and the cache refreshes the table and the tree.
    await page.waitForSelector(`${testId('unit-drawer-code')}:has-text("BAPPEDA")`);
    await page.waitForSelector(testId('unit-row-BAPPEDA'));
    await page.waitForSelector(testId('tree-unit-BAPPEDA'));
    expect(page.url()).toContain('unit=BAPPEDA');
    const check = await server.gql<{ unit: { name: string; type: string; parent: null } | null }>(`{ unit(code: "BAPPEDA") { name type parent { code } } }`);
    expect(check.unit).toEqual({ name: 'Badan Perencanaan Pembangunan Daerah', type: 'BADAN', parent: null });
    await shot('unit-created');
    await page.keyboard.press('Escape');
  });

  it('shows the server’s error next to the code field for an invalid code', async () => {
    await page.goto(`${server.url}/units`);
    await page.click(testId('units-add'));
    await page.fill(`${testId('unit-form-code')} input`, 'kode salah!');
    await page.fill(`${testId('unit-form-name')} input`, 'Unit Uji');
    await chooseOption('unit-form-type', 'Seksi');
    await page.click(testId('unit-form-save'));
    const codeItem = page.locator(testId('unit-form-code-item'));
    await codeItem.locator('.n-form-item-feedback--error').waitFor();
    expect(await codeItem.textContent()).toContain('Format tidak valid.');
    expect(await page.locator(testId('unit-form-name-item')).locator('.n-form-item-feedback--error').count()).toBe(0);
    await shot('unit-form-invalid-code');
    // Editing the field clears its error.
    await page.fill(`${testId('unit-form-code')} input`, 'KODE-BENAR');
    await codeItem.locator('.n-form-item-feedback--error').waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
  });

  it('explains a refused delete of a unit that still has sub-units', async () => {
    await page.goto(`${server.url}/units?unit=DINKES`);
    await page.click(testId('unit-delete'));
    await page.locator('.n-dialog__action button', { hasText: 'Hapus' }).click();
    const refused = page.locator(testId('unit-delete-refused'));
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Unit DINKES tidak dapat dihapus.');
    expect(await refused.textContent()).toContain('Masih dirujuk oleh data lain.');
    await shot('unit-delete-refused');
    await page.keyboard.press('Escape');
  });

  it('switches to English', async () => {
    await page.goto(`${server.url}/units`);
    await page.waitForSelector(testId('unit-row-DINKES'));
    await page.click(testId('language-en'));
    await page.waitForSelector('text=Organisational Units');
    expect(await page.locator(testId('pager-range')).textContent()).toContain('1–4 of 4');
    expect(await page.locator(testId('unit-row-PKM-DELI')).textContent()).toContain('Community health centre');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot('units-en');
    // The choice survives a reload.
    await page.reload();
    await page.waitForSelector('text=Organisational Units');
  });

  it('ran without uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
