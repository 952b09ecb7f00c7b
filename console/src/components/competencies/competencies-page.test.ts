import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { createFakeClient, settle, type FakeHandler } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import { pageOf } from '../../testing/units-fixture';
import { competenciesWhere, parseCompetenciesQuery, serializeCompetenciesQuery } from './competencies-route-query';
import CompetenciesPage from './competencies-page.vue';

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

const levels = (code: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ __typename: 'CompetencyLevel', id: `${code}-L${i + 1}`, level: i + 1, description: `${code} perilaku level ${i + 1}` }));
const rows = [
  { __typename: 'Competency', id: 'C1', code: 'KOM', name: 'Komunikasi', type: 'MANAGERIAL', levels: levels('KOM', 5) },
  { __typename: 'Competency', id: 'C2', code: 'ASKEP', name: 'Asuhan Keperawatan', type: 'TECHNICAL', levels: levels('ASKEP', 3) },
];

function backend(overrides: Record<string, FakeHandler> = {}) {
  return createFakeClient({
    CompetenciesList: (v) => ({ data: { competencies: { ...pageOf(rows, v), __typename: 'CompetencyConnection' } } }),
    CompetencyDetail: (v) => ({ data: { competency: rows.find((r) => r.code === v.code) ?? null } }),
    ...overrides,
  });
}

async function mountPage(fake: ReturnType<typeof backend>, route = '/competencies') {
  const app = await mountWithApp(CompetenciesPage, { client: fake.client, route });
  mounted = app.wrapper;
  await settle();
  return app;
}

const text = (selector: string) => document.querySelector(selector)?.textContent ?? '';
const click = (selector: string) => {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  el.click();
};
const typeInto = (selector: string, value: string) => {
  const input = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`${selector} textarea, ${selector} input`);
  if (!input) throw new Error(`no input in ${selector}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('Competencies page', () => {
  it('lists competencies with their type and described levels, filtered from the URL', async () => {
    const fake = backend();
    await mountPage(fake, '/competencies?type=TECHNICAL&q=kep');
    expect(fake.calls('CompetenciesList')[0]?.where).toEqual({ and: [{ or: [{ code: { contains: 'kep' } }, { name: { contains: 'kep' } }] }, { type: { in: ['TECHNICAL'] } }] });
    expect(text('[data-testid="competency-row-ASKEP"]')).toContain('Teknis');
    expect(text('[data-testid="competency-row-ASKEP"]')).toContain('3 level');
  });

  it('opens the level descriptions in a drawer kept in the URL', async () => {
    const fake = backend();
    const { router } = await mountPage(fake);
    click('[data-testid="competency-open-KOM"]');
    await settle();
    expect(router.currentRoute.value.query.open).toBe('KOM');
    expect(text('[data-testid="competency-level-4"]')).toContain('KOM perilaku level 4');
  });

  it('shows a level error next to that level, mapped from the index sent', async () => {
    const fake = backend({
      UpdateCompetency: () => ({
        data: {
          updateCompetency: {
            __typename: 'CompetencyPayload',
            competency: null,
            userErrors: [{ __typename: 'UserError', field: 'input.levels[2].description', code: 'OUT_OF_RANGE', message: 'input.levels[2].description is too long.' }],
          },
        },
      }),
    });
    await mountPage(fake);
    click('[data-testid="competency-edit-ASKEP"]');
    await settle();
    typeInto('[data-testid="competency-form-level-2"]', '');
    typeInto('[data-testid="competency-form-level-5"]', 'Menjadi rujukan asuhan keperawatan.');
    await settle();
    click('[data-testid="competency-form-save"]');
    await settle();
    // Sent: levels 1, 3, 5 (level 2 emptied): index 2 is level 5.
    const input = fake.calls('UpdateCompetency')[0]?.input as { levels: { level: number }[] };
    expect(input.levels.map((l) => l.level)).toEqual([1, 3, 5]);
    expect(text('[data-testid="competency-form-level-5-item"]')).toContain('Nilai di luar batas');
    expect(text('[data-testid="competency-form-level-3-item"]')).not.toContain('Nilai di luar batas');
  });

  it('asks before deleting and shows the server refusal', async () => {
    const fake = backend({
      DeleteCompetency: () => ({
        data: {
          deleteCompetency: {
            __typename: 'DeletePayload',
            deletedId: null,
            userErrors: [{ __typename: 'UserError', field: 'id', code: 'REFERENCED', message: 'Competency KOM is still used by 12 position requirement(s); remove those references first.' }],
          },
        },
      }),
    });
    await mountPage(fake);
    click('[data-testid="competency-delete-KOM"]');
    await settle();
    const dialog = document.querySelector('[data-testid="competency-delete-dialog"]');
    expect(dialog?.textContent).toContain('Hapus kompetensi KOM — Komunikasi');
    expect(fake.calls('DeleteCompetency')).toEqual([]);
    [...(dialog?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Hapus')?.click();
    await settle();
    const refused = text('[data-testid="competency-delete-dialog-refused"]');
    expect(refused).toContain('Kompetensi KOM tidak dapat dihapus.');
    expect(refused).toContain('12 position requirement');
    expect(refused).toContain('masih dipakai standar jabatan');
  });

  it('shows the empty and error states', async () => {
    await mountPage(backend({ CompetenciesList: (v) => ({ data: { competencies: { ...pageOf([], v), __typename: 'CompetencyConnection' } } }) }));
    expect(text('[data-testid="competencies-table"]')).toContain('Belum ada kompetensi.');
    mounted?.unmount();
    document.body.innerHTML = '';
    await mountPage(backend({ CompetenciesList: () => ({ graphQLErrors: [{ message: 'boom' }] }) }));
    expect(text('[data-testid="load-error"]')).toContain('boom');
  });
});

describe('competencies URL', () => {
  it('round-trips', () => {
    const query = { tab: 'sectors', q: 'kom', type: 'MANAGERIAL,TECHNICAL', open: 'KOM', sort: '-name', size: '20' };
    const state = parseCompetenciesQuery(query);
    expect(serializeCompetenciesQuery(state)).toEqual(query);
    expect(competenciesWhere(parseCompetenciesQuery({}))).toBeNull();
  });
});
