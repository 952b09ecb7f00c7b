import { describe, expect, it } from 'vitest';
import { impliedLevel, stakeholderSummary } from './stakeholder-summary';

const KOM = { id: 'C-KOM', code: 'KOM', name: 'Komunikasi' };
const PP = { id: 'C-PP', code: 'PP', name: 'Pelayanan Publik' };
const INT = { id: 'C-INT', code: 'INT', name: 'Integritas' };

describe('stakeholder summary', () => {
  it('rounds the mean importance half up as the recommendation engine does', () => {
    expect(impliedLevel(7, 2)).toBe(4); // 3.5 → 4
    expect(impliedLevel(10, 3)).toBe(3); // 3.33 → 3
    expect(impliedLevel(5, 1)).toBe(5);
  });

  it('puts each group beside the standard and flags implied levels above it', () => {
    const rows = stakeholderSummary(
      [{ level: 3, competency: KOM }, { level: 2, competency: PP }],
      [
        { group: 'ORANG_TUA', importance: 5, competency: KOM },
        { group: 'ORANG_TUA', importance: 4, competency: KOM },
        { group: 'SISWA', importance: 3, competency: KOM },
        { group: 'GURU', importance: 2, competency: PP },
        { group: 'SISWA', importance: 4, competency: INT },
      ],
    );
    expect(rows.map((r) => r.competency.code)).toEqual(['KOM', 'PP', 'INT']);
    expect(rows[0]).toMatchObject({
      required: 3,
      impliedLevel: 5,
      aboveStandard: true,
      groups: [
        { group: 'ORANG_TUA', n: 2, meanImportance: 4.5, impliedLevel: 5 },
        { group: 'SISWA', n: 1, meanImportance: 3, impliedLevel: 3 },
      ],
    });
    expect(rows[1]).toMatchObject({ required: 2, impliedLevel: 2, aboveStandard: false });
    // Rated but not in the standard: any input is above a missing requirement.
    expect(rows[2]).toMatchObject({ required: null, impliedLevel: 4, aboveStandard: true });
  });

  it('keeps required competencies without input', () => {
    expect(stakeholderSummary([{ level: 1, competency: KOM }], [])).toEqual([{ competency: KOM, required: 1, groups: [], impliedLevel: null, aboveStandard: false }]);
  });
});
