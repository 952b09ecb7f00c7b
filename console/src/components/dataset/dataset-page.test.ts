import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { NUpload } from 'naive-ui';
import { createFakeClient, settle, type FakeHandler } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import { parseDatasetFile } from './dataset-file';
import DatasetPage from './dataset-page.vue';

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

const report = (extra: Record<string, unknown>) => ({
  __typename: 'ImportDatasetPayload',
  ok: true,
  dryRun: true,
  millis: 12,
  removed: 0,
  errors: [],
  counts: [{ __typename: 'ImportCount', section: 'units', created: 2, updated: 0, unchanged: 1 }],
  ...extra,
});

function backend(handler: FakeHandler) {
  return createFakeClient({ ImportDataset: handler, ExportDataset: () => ({ data: { exportDataset: { formatVersion: 1 } } }) });
}

async function mountPage(fake: ReturnType<typeof backend>) {
  const app = await mountWithApp(DatasetPage, { client: fake.client, route: '/dataset' });
  mounted = app.wrapper;
  await settle();
  return app;
}

async function upload(content: string) {
  const upload = mounted!.findComponent(NUpload);
  const file = new File([content], 'dataset.json', { type: 'application/json' });
  upload.vm.$emit('change', { file: { file, name: 'dataset.json', id: '1', status: 'pending' }, fileList: [], event: undefined });
  await settle(10);
}

const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
const click = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.click();

describe('Import/export page', () => {
  it('lists every error with its path after a dry run and keeps import disabled', async () => {
    const fake = backend(() => ({
      data: {
        importDataset: report({
          ok: false,
          counts: [],
          errors: [
            { __typename: 'DatasetError', path: '$.employees[0].grade', message: 'Invalid option', value: 'III_D' },
            { __typename: 'DatasetError', path: '$.employees[3].nip', message: 'NIP must be exactly 18 digits', value: '123' },
          ],
        }),
      },
    }));
    await mountPage(fake);
    await upload('{"employees":[]}');
    expect(text('dataset-file')).toContain('dataset.json');
    click('dataset-dry-run');
    await settle();
    expect(fake.calls('ImportDataset')).toEqual([{ dataset: { employees: [] }, dryRun: true }]);
    expect(text('dataset-invalid')).toContain('2 kesalahan ditemukan');
    expect(text('dataset-errors')).toContain('$.employees[3].nip');
    expect(text('dataset-errors')).toContain('NIP must be exactly 18 digits');
    expect(document.querySelector<HTMLButtonElement>('[data-testid="dataset-import"]')?.disabled).toBe(true);
  });

  it('imports after a clean check and a confirmation', async () => {
    const fake = backend((v) => ({ data: { importDataset: report({ dryRun: v.dryRun }) } }));
    await mountPage(fake);
    await upload('{"units":[]}');
    click('dataset-dry-run');
    await settle();
    expect(text('dataset-valid')).toContain('Dataset valid');
    expect(text('dataset-counts')).toContain('units');
    click('dataset-import');
    await settle();
    expect(fake.calls('ImportDataset')).toHaveLength(1);
    [...document.querySelectorAll<HTMLElement>('.n-dialog__action button')].find((b) => b.textContent?.includes('Impor sekarang'))?.click();
    await settle();
    expect(fake.calls('ImportDataset').at(-1)).toEqual({ dataset: { units: [] }, dryRun: false });
    expect(text('dataset-imported')).toContain('Dataset diimpor dalam 12 ms.');
  });

  it('refuses a file that is not a JSON object before sending anything', async () => {
    const fake = backend(() => ({ data: { importDataset: report({}) } }));
    await mountPage(fake);
    await upload('[1, 2]');
    expect(text('dataset-file-error')).toContain('Dataset harus berupa objek JSON.');
    expect(document.querySelector<HTMLButtonElement>('[data-testid="dataset-dry-run"]')?.disabled).toBe(true);
  });
});

describe('parseDatasetFile', () => {
  it('accepts objects and explains the rest', () => {
    expect(parseDatasetFile('a.json', '{"units":[]}')).toMatchObject({ ok: true, dataset: { units: [] }, sizeKb: '0.0' });
    expect(parseDatasetFile('a.json', '{')).toMatchObject({ ok: false, reason: 'not-json' });
    expect(parseDatasetFile('a.json', 'null')).toMatchObject({ ok: false, reason: 'not-object' });
  });
});
