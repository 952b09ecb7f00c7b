import { describe, expect, it } from 'vitest';
import { locateServerError, parseStakeholderCsv, sampleCsv, toDataset } from './stakeholder-csv';

describe('stakeholder CSV', () => {
  it('reads the sample into dataset records', () => {
    const parsed = parseStakeholderCsv(sampleCsv);
    expect(parsed.problems).toEqual([]);
    expect(toDataset(parsed.records)).toEqual({
      stakeholderInputs: [
        { position: 'GURU-SD-001', competency: 'KOM', group: 'ORANG_TUA', importance: 5, submittedAt: '2024-05-10', comment: 'Komunikasi dengan orang tua murid' },
        { position: 'GURU-SD-001', competency: 'PP', group: 'SISWA', importance: 4, submittedAt: '2024-05-10' },
      ],
    });
    expect(parsed.recordRows).toEqual([2, 3]);
  });

  it('names the row and column of each problem and keeps the valid rows', () => {
    const text = [
      'Competency;Group;Importance;SubmittedAt'.replace(/;/g, ','),
      'KOM,guru,5,2024-05-10',
      'KOM,TETANGGA,6,2024-02-30',
      ',SISWA,3,2024-05-10',
    ].join('\n');
    const parsed = parseStakeholderCsv(text, 'GURU-SD-001');
    expect(parsed.records).toEqual([{ position: 'GURU-SD-001', competency: 'KOM', group: 'GURU', importance: 5, submittedAt: '2024-05-10' }]);
    expect(parsed.problems).toEqual([
      { row: 3, column: 'group', kind: 'badGroup', value: 'TETANGGA' },
      { row: 3, column: 'importance', kind: 'badImportance', value: '6' },
      { row: 3, column: 'submittedAt', kind: 'badDate', value: '2024-02-30' },
      { row: 4, column: 'competency', kind: 'required' },
    ]);
  });

  it('reports a missing required column when no position fills it', () => {
    const parsed = parseStakeholderCsv('competency,group,importance,submittedAt\nKOM,GURU,4,2024-01-01');
    expect(parsed.problems).toEqual([{ row: 1, column: 'position', kind: 'missingColumn' }]);
  });

  it('places server errors on file lines through the records sent', () => {
    expect(locateServerError('$.stakeholderInputs[1].competency', [2, 5])).toEqual({ row: 5, column: 'competency' });
    expect(locateServerError('$.stakeholderInputs[0]', [2])).toEqual({ row: 2, column: '' });
    expect(locateServerError('$.units[0].code', [2])).toBeNull();
  });
});
