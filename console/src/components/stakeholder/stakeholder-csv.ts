import Papa from 'papaparse';
import type { StakeholderGroup } from '../../graphql/generated/graphql';
import { isStakeholderGroup } from './stakeholder-summary';

/** The columns of the import file, as in the dataset format's `stakeholderInputs`. */
export const csvColumns = ['position', 'competency', 'group', 'importance', 'submittedAt', 'comment'] as const;
export type CsvColumn = (typeof csvColumns)[number];
const requiredColumns: readonly CsvColumn[] = ['position', 'competency', 'group', 'importance', 'submittedAt'];

export interface StakeholderRecord {
  position: string;
  competency: string;
  group: StakeholderGroup;
  importance: number;
  submittedAt: string;
  comment?: string;
}

/** What is wrong and where: `row` is the line number in the file (the header is line 1). */
export type CsvProblem =
  | { row: number; column: CsvColumn; kind: 'required' }
  | { row: number; column: CsvColumn; kind: 'missingColumn' }
  | { row: number; column: 'group'; kind: 'badGroup'; value: string }
  | { row: number; column: 'importance'; kind: 'badImportance'; value: string }
  | { row: number; column: 'submittedAt'; kind: 'badDate'; value: string }
  | { row: number; column: string; kind: 'parse'; message: string };

export interface ParsedCsv {
  /** Every data row with its file line, valid or not, for the preview. */
  rows: { row: number; values: Partial<Record<CsvColumn, string>> }[];
  records: StakeholderRecord[];
  /** File line of each record, for placing the server's errors. */
  recordRows: number[];
  problems: CsvProblem[];
}

function isDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/**
 * Reads a CSV of stakeholder responses. Headers are matched case-insensitively; a missing
 * `position` column is filled with `defaultPosition` (the position the page shows). The console
 * checks the shape of each value; references (codes) are checked by the server's dry run.
 */
export function parseStakeholderCsv(text: string, defaultPosition: string | null = null): ParsedCsv {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => {
      const key = h.trim().toLowerCase();
      return csvColumns.find((c) => c.toLowerCase() === key) ?? h.trim();
    },
  });
  const problems: CsvProblem[] = parsed.errors.map((e) => ({ row: (e.row ?? 0) + 2, column: '', kind: 'parse' as const, message: e.message }));
  const fields = new Set(parsed.meta.fields ?? []);
  const fillPosition = !fields.has('position') && defaultPosition !== null;
  for (const c of requiredColumns) {
    if (!fields.has(c) && !(c === 'position' && fillPosition)) problems.push({ row: 1, column: c, kind: 'missingColumn' });
  }
  const rows: ParsedCsv['rows'] = [];
  const records: StakeholderRecord[] = [];
  const recordRows: number[] = [];
  parsed.data.forEach((raw, i) => {
    const row = i + 2;
    const values: Partial<Record<CsvColumn, string>> = {};
    for (const c of csvColumns) {
      const v = raw[c];
      if (typeof v === 'string' && v.trim() !== '') values[c] = v.trim();
    }
    if (fillPosition && defaultPosition) values.position = defaultPosition;
    rows.push({ row, values });
    const before = problems.length;
    for (const c of requiredColumns) if (fields.has(c) && !values[c]) problems.push({ row, column: c, kind: 'required' });
    if (values.group && !isStakeholderGroup(values.group.toUpperCase())) problems.push({ row, column: 'group', kind: 'badGroup', value: values.group });
    if (values.importance && !/^[1-5]$/.test(values.importance)) problems.push({ row, column: 'importance', kind: 'badImportance', value: values.importance });
    if (values.submittedAt && !isDate(values.submittedAt)) problems.push({ row, column: 'submittedAt', kind: 'badDate', value: values.submittedAt });
    if (problems.length > before || !values.position || !values.competency || !values.group || !values.importance || !values.submittedAt) return;
    recordRows.push(row);
    records.push({
      position: values.position,
      competency: values.competency,
      group: values.group.toUpperCase() as StakeholderGroup,
      importance: Number(values.importance),
      submittedAt: values.submittedAt,
      ...(values.comment ? { comment: values.comment } : {}),
    });
  });
  return { rows, records, recordRows, problems };
}

/** The dataset document importDataset takes, holding only these responses. */
export const toDataset = (records: readonly StakeholderRecord[]) => ({ stakeholderInputs: records });

/**
 * Places a server error (`$.stakeholderInputs[3].competency`) on its file line and column.
 * Records are sent in file order without the invalid rows, so the index maps through `lines`.
 */
export function locateServerError(path: string, lines: readonly number[]): { row: number; column: string } | null {
  const m = /^\$\.stakeholderInputs\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (!m) return null;
  const row = lines[Number(m[1])];
  return row === undefined ? null : { row, column: m[2] ?? '' };
}

export const sampleCsv = [
  'position,competency,group,importance,submittedAt,comment',
  'GURU-SD-001,KOM,ORANG_TUA,5,2024-05-10,Komunikasi dengan orang tua murid',
  'GURU-SD-001,PP,SISWA,4,2024-05-10,',
].join('\n');
