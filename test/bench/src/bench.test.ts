import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planCell } from './load-plan';
import { DEFAULT_POLICY, candidatesSql } from './matching-sql';
import { OPERATIONS, RECOMMENDATIONS_OP, postgraphileFunctions, rawStatements } from './ops';

describe('benchmark definitions', () => {
  it('every operation has a raw statement and renders Sikap\'s JPM SQL without loose placeholders', () => {
    const raw = rawStatements({ ...DEFAULT_POLICY });
    for (const op of [...OPERATIONS, RECOMMENDATIONS_OP]) expect(raw[op.id], op.id).toBeTypeOf('string');
    const text = candidatesSql({ ...DEFAULT_POLICY }, { positionCode: '$1', asOf: '$2::date', limit: '$3' });
    expect(text).not.toMatch(/\?/);
    expect(postgraphileFunctions({ ...DEFAULT_POLICY }, true).join('\n')).toContain('bench_api.position_candidates');
  });

  it('measures a cell by a window when it fits, else by a fixed count sized to the slow budget', () => {
    const full = { windowSec: 4, slowRepSec: 12 };
    expect(planCell(full, 10, 50)).toEqual({ kind: 'window', seconds: 4, connections: 50 });
    // 50 × 40 ms = 2 s per round: three rounds of 50 fit in 12 s.
    expect(planCell(full, 40, 50)).toEqual({ kind: 'count', requests: 150, connections: 50 });
    // 3 s a request (O4 at 20,000 employees): four requests on four connections, whatever the connection count asked.
    expect(planCell(full, 3000, 10)).toEqual({ kind: 'count', requests: 4, connections: 4 });
    expect(planCell(full, 3000, 50)).toEqual(planCell(full, 3000, 10));
    expect(planCell(full, 60_000, 10)).toEqual({ kind: 'count', requests: 2, connections: 2 });
    expect(planCell({ ...full, amount: 10 }, 3000, 50)).toEqual({ kind: 'count', requests: 10, connections: 10 });
  });
});

/**
 * CI smoke: the whole harness on a tiny dataset against the PostgreSQL in
 * DATABASE_URL — three servers, every operation, answers compared. No timing
 * is asserted. Skipped (the test above still runs) without DATABASE_URL.
 */
describe.skipIf(!process.env.DATABASE_URL)('pnpm bench --smoke', () => {
  it('runs every operation on every system with zero errors and equal answers', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sikap-bench-smoke-'));
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/run.ts', '--smoke', '--out', out], {
        cwd: path.resolve(import.meta.dirname, '..'), env: process.env, encoding: 'utf8', timeout: 170_000,
      });
      expect(r.status, `${r.stderr}\n${r.stdout}`.slice(-4000)).toBe(0);
      const report = JSON.parse(fs.readFileSync(path.join(out, 'latest-smoke.json'), 'utf8'));
      const ops = report.operations.map((o: { id: string }) => o.id);
      expect(ops.length).toBeGreaterThanOrEqual(8);
      expect(report.results).toHaveLength(ops.length * 3 * report.settings.connections.length);
      for (const x of report.results) expect(x.errors, `${x.system} ${x.op}`).toBe(0);
      for (const id of ops) expect(new Set(Object.values(report.answers[id]).map((h) => (h as string[]).join(','))).size, id).toBe(1);
      expect(report.issue3.candidates.samples).toBeGreaterThan(0);
      if (report.issue4) {
        expect(report.issue4.runs[0].created).toBeGreaterThan(0);
        expect(report.issue4.runs[1].created).toBe(0);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
