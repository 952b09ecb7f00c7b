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
 * Administration against the real server: create a unit admin and read its one-time password,
 * sign in as that user (no administration, only its unit's employees), then as the admin create
 * an API key, use it from outside the browser, revoke it, and find both in the audit log.
 */
let server: SikapServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const unitAdmin = { email: 'kepala.dinkes@pemko.go.id', password: '' };
let apiKey = '';

const testId = (id: string) => `[data-testid="${id}"]`;
// Each step is a walk through several pages on a real server; a busy 2-core machine needs the room.
const WALK_TIMEOUT = 180_000;

async function shot(name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

async function chooseOption(selectTestId: string, label: string, search?: string): Promise<void> {
  await page.click(testId(selectTestId));
  if (search) await page.keyboard.type(search);
  await page.locator('.n-base-select-option', { hasText: label }).first().click();
}

async function signOut(): Promise<void> {
  await page.click(testId('logout'));
  await page.waitForURL(/\/login/);
  await page.waitForSelector(testId('login-page'));
}

/** The partner's side: a plain HTTP request with the key, no browser involved. */
async function asPartner(key: string): Promise<{ status: number; body: { data?: { employees: { totalCount: number } } | null; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: '{ employees { totalCount } }' }),
  });
  return { status: res.status, body: (await res.json()) as Awaited<ReturnType<typeof asPartner>>['body'] };
}

beforeAll(async () => {
  await mkdir(screenshotDir, { recursive: true });
  [server, browser] = await Promise.all([startSikapServer(), launchChromium()]);
  const imported = await server.gql<{ importDataset: { ok: boolean; errors: unknown[] } }>(
    `mutation($dataset: JSONObject!) { importDataset(dataset: $dataset) { ok errors { path message } } }`,
    { dataset: walkthroughDataset(new Date().getFullYear()) },
  );
  if (!imported.importDataset.ok) throw new Error(`fixture import failed: ${JSON.stringify(imported.importDataset.errors)}`);
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Administration in chromium against the real server', () => {
  it('creates a unit admin and shows its generated password once', async () => {
    await signIn(page, server.url);
    expect(await page.locator(testId('side-menu')).textContent()).toContain('Administrasi');
    await page.click(`${testId('side-menu')} a:has-text("Administrasi")`);
    await page.waitForURL(/\/admin\/users$/);
    await page.waitForSelector(testId('user-row-admin@sikap.test'));

    await page.click(testId('user-add'));
    await page.fill(`${testId('user-form-email')} input`, unitAdmin.email);
    await page.fill(`${testId('user-form-name')} input`, 'Kepala Subbag Dinkes');
    await chooseOption('user-form-role', 'Admin unit');
    // Without a unit the server refuses and says so under the unit field.
    await page.click(testId('user-form-save'));
    await page.locator(testId('user-form-unit-item')).locator('.n-form-item-feedback--error').waitFor();
    expect(await page.locator(testId('user-form-unit-item')).textContent()).toContain('Wajib diisi.');
    await shot('admin-01-user-form-unit-required');

    await chooseOption('user-form-unit', 'DINKES — Dinas Kesehatan', 'DINKES');
    await page.click(testId('user-form-save'));
    await page.waitForSelector(testId('user-password'));
    unitAdmin.password = await page.locator(`${testId('user-password-value')} input`).inputValue();
    expect(unitAdmin.password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(await page.locator(testId('user-password')).textContent()).toContain('hanya ditampilkan sekali');
    await shot('admin-02-one-time-password');
    await page.click(testId('user-password-done'));
    await page.waitForSelector(testId('user-row-kepala.dinkes@pemko.go.id'));
    expect(await page.locator(testId('user-row-kepala.dinkes@pemko.go.id')).textContent()).toContain('DINKES — Dinas Kesehatan');

    // Filters are in the URL.
    await chooseOption('users-role', 'Admin unit');
    await page.waitForURL(/role=UNIT_ADMIN/);
    await page.keyboard.press('Escape');
    await page.waitForSelector(testId('user-row-admin@sikap.test'), { state: 'detached' });
    expect(await page.locator(testId('pager-range')).textContent()).toContain('1–1 dari 1');
    await shot('admin-03-users-filtered');
  }, WALK_TIMEOUT);

  it('signs in as the unit admin: no administration, only its unit’s employees', async () => {
    await signOut();
    await page.fill(`${testId('login-email')} input`, unitAdmin.email);
    await page.fill(`${testId('login-password')} input`, unitAdmin.password);
    await page.click(testId('login-submit'));
    await page.waitForSelector(testId('viewer-label'));
    expect(await page.locator(testId('viewer-label')).textContent()).toContain(unitAdmin.email);
    expect(await page.locator(testId('side-menu')).textContent()).not.toContain('Administrasi');

    await page.goto(`${server.url}/employees`);
    await page.waitForSelector(testId('employee-row-198503152010012001'));
    // DINKES and the puskesmas below it: three of the four employees; the one in DISDIK is not there.
    expect(await page.locator(testId('pager-range')).textContent()).toContain('1–3 dari 3');
    await shot('admin-04-unit-admin-employees');

    await page.goto(`${server.url}/admin/users`);
    await page.waitForSelector(testId('admin-forbidden'));
    expect(await page.locator(testId('admin-forbidden')).textContent()).toContain('Tidak diizinkan');
    await shot('admin-05-unit-admin-not-allowed');
  }, WALK_TIMEOUT);

  it('creates an API key that works from outside the browser', async () => {
    await signOut();
    await signIn(page, server.url);
    await page.goto(`${server.url}/admin/api-keys`);
    await page.waitForSelector(testId('keys-table'));
    await page.click(testId('key-add'));
    await page.fill(`${testId('key-form-name')} input`, 'Portal Mitra');
    await page.click(testId('key-form-scope-pii'));
    await page.click(testId('key-form-save'));
    await page.waitForSelector(testId('key-secret'));
    apiKey = await page.locator(`${testId('key-secret-value')} input`).inputValue();
    expect(apiKey).toMatch(/^sik_/);
    await shot('admin-06-api-key-once');
    await page.click(testId('key-secret-done'));
    await page.waitForSelector(`${testId('key-status-Portal Mitra')}:has-text("Aktif")`);

    const before = await asPartner(apiKey);
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data?.employees.totalCount).toBe(4);

    // Last use shows once the key has been used.
    await page.reload();
    await page.waitForSelector(testId('key-row-Portal Mitra'));
    expect(await page.locator(testId('key-row-Portal Mitra')).textContent()).not.toContain('Belum pernah');
    await shot('admin-07-api-keys');
  }, WALK_TIMEOUT);

  it('revokes the key after confirmation, and it stops working at once', async () => {
    await page.click(testId('key-revoke-Portal Mitra'));
    await page.waitForSelector(testId('key-revoke-dialog'));
    await shot('admin-08-revoke-confirm');
    await page.locator(`${testId('key-revoke-dialog')} .n-dialog__action button`, { hasText: 'Cabut' }).click();
    await page.waitForSelector(`${testId('key-status-Portal Mitra')}:has-text("Dicabut")`);

    const after = await asPartner(apiKey);
    expect(after.body.data ?? null).toBeNull();
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(after.body.errors?.[0]?.message).toContain('revoked');
  }, WALK_TIMEOUT);

  it('finds the user and key actions in the audit log with filters, with the changed columns', async () => {
    // The revoke dialog may still be fading out: wait until the tab is the one on top, then follow it.
    await page.waitForSelector(testId('key-revoke-dialog'), { state: 'detached' });
    await page.click(testId('admin-tab-admin-audit'));
    await page.waitForSelector(testId('audit-page'));
    expect(new URL(page.url()).pathname).toBe('/admin/audit');
    await page.waitForSelector('[data-testid^="audit-row-"]');

    await chooseOption('audit-action', 'createApiKey', 'createApiKey');
    await page.waitForURL(/action=createApiKey/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="audit-row-"]').length === 1);
    const row = page.locator('[data-testid^="audit-row-"]').first();
    expect(await row.textContent()).toContain('admin@sikap.test');
    // The list counts the changed rows per table; the rows themselves load when the entry opens.
    expect(await row.textContent()).toContain('Kunci API (1)');
    await row.locator('.n-data-table-expand-trigger').click();
    await page.waitForSelector('[data-testid^="audit-changes-"] >> text=1 baris diubah');
    const change = page.locator('[data-testid^="audit-change-api_key-"]');
    await change.waitFor();
    expect(await change.textContent()).toContain('Portal Mitra');
    expect(await change.textContent()).not.toContain('key_hash');
    await shot('admin-09-audit-create-key');

    // The revocation, found by the kind of data it changed; it names only the revoked column.
    await page.click(testId('audit-clear'));
    await page.waitForURL(/\/admin\/audit$/);
    await chooseOption('audit-table', 'Kunci API (api_key)', 'api_key');
    await page.waitForURL(/table=api_key/);
    await chooseOption('audit-action', 'revokeApiKey', 'revokeApiKey');
    await page.waitForURL(/action=revokeApiKey/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="audit-row-"]').length === 1);
    await page.locator('[data-testid^="audit-row-"] .n-data-table-expand-trigger').first().click();
    const revoked = page.locator('[data-testid^="audit-change-api_key-"]');
    await revoked.waitFor();
    expect(await revoked.locator('tbody th').allTextContents()).toEqual(['revoked_at']);

    // The user creation, by actor and action; the generated password is nowhere in it.
    await page.goto(`${server.url}/admin/audit?actor=admin%40sikap.test&action=createUser`);
    await page.waitForSelector('[data-testid^="audit-row-"]');
    const entries = page.locator('[data-testid^="audit-row-"]');
    // The refused attempt (no unit) and the accepted one.
    expect(await entries.count()).toBe(2);
    expect(await entries.allTextContents()).toEqual([expect.stringContaining('Berhasil'), expect.stringContaining('Ditolak/gagal')]);
    await entries.first().locator('.n-data-table-expand-trigger').click();
    const created = page.locator('[data-testid^="audit-change-app_user-"]');
    await created.waitFor();
    expect(await created.textContent()).toContain(unitAdmin.email);
    expect(await page.locator('[data-testid^="audit-detail-"]').first().textContent()).not.toContain(unitAdmin.password);
    await shot('admin-10-audit-create-user');

    // A date range that ends before today finds nothing.
    await page.goto(`${server.url}/admin/audit?action=createUser&from=2020-01-01&to=2020-01-31`);
    await page.waitForSelector(`${testId('audit-table-list')}:has-text("Tidak ada entri yang cocok.")`);
  }, WALK_TIMEOUT);

  it('stays readable at tablet width', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto(`${server.url}/admin/users`);
    await page.waitForSelector(testId('user-row-kepala.dinkes@pemko.go.id'));
    await shot('admin-11-users-tablet');
    await page.setViewportSize({ width: 1280, height: 800 });
  }, WALK_TIMEOUT);

  it('ran without uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
