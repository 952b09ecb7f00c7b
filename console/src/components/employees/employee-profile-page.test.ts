import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { createFakeClient, settle } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import { employeeProfile } from '../../testing/people-fixture';
import EmployeeProfilePage from './employee-profile-page.vue';
import { groupAssessments } from './assessment-history';

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

async function mountProfile(employee: object | null, locale: 'id' | 'en' = 'id') {
  const fake = createFakeClient({ EmployeeProfile: () => ({ data: { employee } }) });
  const app = await mountWithApp(EmployeeProfilePage, {
    client: fake.client,
    route: '/employees/198503152010012001',
    props: { nip: '198503152010012001', year: 2026 },
    locale,
  });
  mounted = app.wrapper;
  await settle();
  return fake;
}

const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';

describe('Employee profile', () => {
  it('asks for the employee by NIP and this year', async () => {
    const fake = await mountProfile(employeeProfile());
    expect(fake.calls('EmployeeProfile')).toEqual([{ nip: '198503152010012001', year: 2026 }]);
  });

  it('shows the decoded NIP', async () => {
    await mountProfile(employeeProfile());
    const nip = text('employee-nip');
    expect(nip).toContain('1985-03-15');
    expect(nip).toContain('(19850315)');
    expect(nip).toContain('2010-01');
    expect(nip).toContain('Perempuan');
    expect(nip).toContain('41 tahun');
    expect(nip).toContain('001');
  });

  it('shows the current match with JPM, category, every reason and a bar per competency', async () => {
    await mountProfile(employeeProfile());
    expect(text('employee-jpm')).toBe('83.3');
    const match = text('employee-current-match');
    expect(match).toContain('Cukup optimal');
    expect(match).toContain('Golongan di bawah syarat');
    expect(match).toContain('Grade III/c is below the minimum III/d');
    expect(text('gap-KOM')).toContain('2 dari 3');
    expect(document.querySelectorAll('[data-testid="gap-bars"] .gap-line')).toHaveLength(2);
  });

  it('groups the assessment history per competency with the latest level', async () => {
    await mountProfile(employeeProfile());
    const history = text('employee-assessments');
    expect(history).toContain('KOM');
    expect(history).toContain('terakhir 2');
    expect(history).toContain('terakhir 3');
  });

  it('shows appraisals, JP this year with the shortfall, training needs and best vacancies', async () => {
    await mountProfile(employeeProfile());
    expect(text('employee-appraisals')).toContain('Baik');
    expect(text('employee-jp')).toBe('12');
    expect(text('employee-trainings')).toContain('/ 20');
    expect(text('employee-jp-shortfall')).toContain('8 JP');
    expect(text('employee-training-needs')).toContain('PLT-KOM-01 (12 JP)');
    expect(text('employee-best-positions')).toContain('DINKES-KASI-PROMKES — Kepala Seksi Promosi Kesehatan');
    expect(text('employee-best-positions')).toContain('Optimal');
  });

  it('explains a missing match and empty sections', async () => {
    await mountProfile(employeeProfile({ currentMatch: null, appraisals: [], participations: [], trainingNeeds: [], assessments: [], developmentHoursShortfall: 0, developmentHours: 24 }));
    expect(text('employee-current-match')).toContain('Belum dapat dihitung');
    expect(text('employee-assessments')).toContain('Belum ada penilaian kompetensi.');
    expect(text('employee-appraisals')).toContain('Belum ada penilaian kinerja.');
    expect(text('employee-trainings')).toContain('Kebutuhan JP tahun ini terpenuhi.');
  });

  it('says when no employee has the NIP', async () => {
    await mountProfile(null);
    expect(text('employee-not-found')).toContain('Pegawai dengan NIP 198503152010012001 tidak ditemukan.');
  });

  it('speaks English when asked', async () => {
    await mountProfile(employeeProfile(), 'en');
    expect(text('employee-nip')).toContain('Female');
    expect(text('employee-current-match')).toContain('Grade below the minimum');
  });
});

describe('groupAssessments', () => {
  it('groups by competency code, newest first, with the latest level', () => {
    const c = (code: string) => ({ code, name: code });
    const groups = groupAssessments([
      { assessedAt: '2023-01-01', level: 2, competency: c('KOM') },
      { assessedAt: '2025-01-01', level: 3.5, competency: c('KOM') },
      { assessedAt: '2024-01-01', level: 4, competency: c('INT') },
    ]);
    expect(groups.map((g) => [g.competency.code, g.latest, g.assessments.length])).toEqual([
      ['INT', 4, 1],
      ['KOM', 3.5, 2],
    ]);
  });
});
