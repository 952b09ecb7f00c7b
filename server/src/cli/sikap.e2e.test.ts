import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDataset, fixtureNip, nationalAssessments, standard } from '../testing/fixtures';
import { createTestDatabase } from '../testing/harness';

const run = promisify(execFile);
const serverDir = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(serverDir, 'node_modules/.bin/tsx');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sikap-cli-'));
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(work, 'db'), INIT_CWD: work };
let dropDatabase = async () => {};

/** The CLI on a database of its own: a temp PGlite folder, or a throw-away database on DATABASE_URL's server. */
beforeAll(async () => {
  const db = await createTestDatabase('sikap_cli');
  if (db.target.kind === 'postgres') env.DATABASE_URL = db.target.url;
  dropDatabase = db.drop;
});
afterAll(async () => {
  await dropDatabase();
  fs.rmSync(work, { recursive: true, force: true });
});

const sikap = (...args: string[]) => run(tsx, ['src/cli/sikap.ts', ...args], { cwd: serverDir, env, timeout: 120_000 });

describe('pnpm sikap', () => {
  it('validates with --dry-run, imports, re-imports as a no-op, refuses a bad file, and exports', async () => {
    const d = baseDataset();
    d.positions = [{ code: 'KABID', name: 'Kepala Bidang', unit: 'DINKES', kind: 'ADMINISTRATOR', quota: 1, minGrade: null, minEducation: null, maxAge: null, technicalWeight: null, requirements: standard(3) }];
    d.employees = [{ nip: fixtureNip(), name: 'Rina Nasution', status: 'PNS', grade: 'III/c', education: 'S1', unit: 'DINKES', position: 'KABID', assessments: nationalAssessments([3, 3, 3, 3, 3, 3, 3, 3, 3]), appraisals: [] }];
    fs.writeFileSync(path.join(work, 'data.json'), JSON.stringify(d));

    const dry = await sikap('import', 'data.json', '--dry-run');
    expect(dry.stdout).toMatch(/Dry run \(nothing written\)/);
    expect(dry.stdout).toMatch(/employees\s+1\s+0\s+0/);

    const first = await sikap('import', 'data.json');
    expect(first.stdout).toMatch(/employees\s+1\s+0\s+0/);
    const second = await sikap('import', 'data.json');
    expect(second.stdout).toMatch(/employees\s+0\s+0\s+1/);

    fs.writeFileSync(path.join(work, 'bad.json'), JSON.stringify({ ...d, employees: [{ ...d.employees[0], nip: '123' }] }));
    const bad = await sikap('import', 'bad.json').then(() => null, (error: { code: number; stderr: string }) => error);
    expect(bad?.code).toBe(1);
    expect(bad?.stderr).toMatch(/\$\.employees\[0\]\.nip/);

    await sikap('export', 'out.json');
    const exported = JSON.parse(fs.readFileSync(path.join(work, 'out.json'), 'utf8')) as { employees: { name: string }[] };
    expect(exported.employees.map((e) => e.name)).toEqual(['Rina Nasution']);
  });
});
