import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { createFakeClient, settle, type FakeHandler } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import { competencyOptions, employeeRows, employeesPage } from '../../testing/people-fixture';
import { pageOf } from '../../testing/units-fixture';
import EmployeesPage from './employees-page.vue';

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

function backend(overrides: Record<string, FakeHandler> = {}) {
  return createFakeClient({
    EmployeesList: (v) => employeesPage(v),
    CompetencyOptions: competencyOptions,
    UnitOptions: () => ({ data: { units: { __typename: 'UnitConnection', nodes: [] } } }),
    ...overrides,
  });
}

async function mountPage(fake: ReturnType<typeof backend>, route = '/employees') {
  const app = await mountWithApp(EmployeesPage, { client: fake.client, route, props: { year: 2026 } });
  mounted = app.wrapper;
  await settle();
  return app;
}

const text = (selector: string) => document.querySelector(selector)?.textContent ?? '';

describe('Employees page', () => {
  it('lists employees with grade, unit, position and this year’s JP, paged on the server', async () => {
    const fake = backend();
    await mountPage(fake);
    expect(text('[data-testid="employee-row-198503152010012001"]')).toContain('Siti Aminah');
    expect(text('[data-testid="employee-row-198503152010012001"]')).toContain('III/c');
    expect(text('[data-testid="employee-row-198503152010012001"]')).toContain('Kepala Puskesmas');
    expect(text('[data-testid="employee-row-199001012015031002"]')).toContain('Belum menduduki jabatan');
    expect(text('[data-testid="pager-range"]')).toContain('1–2 dari 2');
    expect(fake.calls('EmployeesList')[0]).toMatchObject({ first: 50, where: null, year: 2026, orderBy: [{ field: 'NAME', direction: 'ASC' }, { field: 'NIP', direction: 'ASC' }] });
  });

  it('sends every filter from the URL to the API', async () => {
    const fake = backend();
    await mountPage(fake, '/employees?unit=DINKES&gmin=III_A&gmax=IV_A&comp=KOM&below=3&jp=20');
    expect(fake.calls('EmployeesList')[0]?.where).toEqual({
      unitSubtreeOfCode: 'DINKES',
      grade: { gte: 'III_A', lte: 'IV_A' },
      competencyLevel: { competency: 'KOM', lt: 3 },
      developmentHours: { year: 2026, lt: 20 },
    });
    expect(document.querySelector('[data-testid="employees-clear"]')).not.toBeNull();
  });

  it('honours the talent box and category of a dashboard link, and clears them', async () => {
    const fake = backend();
    const { router } = await mountPage(fake, '/employees?unit=DINKES&talentBox=9&category=OPTIMAL');
    expect(fake.calls('EmployeesList')[0]?.where).toEqual({ unitSubtreeOfCode: 'DINKES', currentCategory: { eq: 'OPTIMAL' }, talentBox: { eq: 9 } });
    expect(text('[data-testid="employees-talent-box"]')).toContain('Kotak 9');
    expect(text('[data-testid="employees-category"]')).toContain('Optimal');
    document.querySelector<HTMLElement>('[data-testid="employees-clear"]')?.click();
    await settle();
    expect(router.currentRoute.value.query).toEqual({});
    expect(fake.calls('EmployeesList').at(-1)?.where).toBeNull();
  });

  it('puts the name search and the JP toggle in the URL, back on the first page', async () => {
    const fake = backend();
    const { router } = await mountPage(fake, '/employees?after=c0&page=2');
    const input = document.querySelector<HTMLInputElement>('[data-testid="employees-search"] input')!;
    input.value = 'siti';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 350));
    await settle();
    expect(router.currentRoute.value.query).toEqual({ q: 'siti' });
    document.querySelector<HTMLElement>('[data-testid="employees-jp"]')?.click();
    await settle();
    expect(router.currentRoute.value.query).toEqual({ q: 'siti', jp: 'short' });
    expect(fake.calls('EmployeesList').at(-1)).toMatchObject({ first: 50, where: { name: { contains: 'siti' }, developmentHours: { year: 2026, belowRequirement: true } } });
  });

  it('links each name to the profile', async () => {
    await mountPage(backend());
    const link = document.querySelector<HTMLAnchorElement>('[data-testid="employee-link-198503152010012001"]');
    expect(link?.getAttribute('href')).toBe('/employees/198503152010012001');
  });

  it('says whether filters hide everybody', async () => {
    await mountPage(backend({ EmployeesList: (v) => employeesPage(v, []) }), '/employees?q=zzz');
    expect(text('[data-testid="employees-table"]')).toContain('Tidak ada pegawai yang cocok.');
  });

  it('shows a load error with a retry', async () => {
    await mountPage(backend({ EmployeesList: () => ({ networkError: new Error('offline') }) }));
    expect(text('[data-testid="load-error"]')).toContain('Server tidak dapat dihubungi.');
  });

  it('pages forward with the cursor in the URL', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...employeeRows[0]!, id: `E${i}`, nip: `1985031520100120${String(i).padStart(2, '0')}` }));
    const fake = backend({ EmployeesList: (v) => ({ data: { employees: { ...pageOf(many, v), __typename: 'EmployeeConnection' } } }) });
    const { router } = await mountPage(fake, '/employees?size=20');
    document.querySelector<HTMLElement>('[data-testid="pager-next"]')?.click();
    await settle();
    expect(router.currentRoute.value.query).toEqual({ size: '20', after: 'c19', page: '2' });
    expect(text('[data-testid="pager-range"]')).toContain('21–30 dari 30');
  });
});
