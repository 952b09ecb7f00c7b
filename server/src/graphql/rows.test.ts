import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReferenceKind, type EntityClass, type EntityMetadata } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { openTestOrm } from '../testing/harness';
import type { Orm } from '../db/orm';
import { generateDemoDataset } from '../modules/dataset/demo-generator';
import { importDataset } from '../modules/dataset/dataset-import.service';
import { createApiKey, createSession, createUser } from '../modules/access/access.service';
import { startAuditEntry } from '../modules/access/audit';
import { ANONYMOUS } from '../modules/access/viewer';
import { AppUser } from '../modules/access/app-user.entity';
import { Employee } from '../modules/employee/employee.entity';
import { Position } from '../modules/position/position.entity';
import { Unit } from '../modules/unit/unit.entity';
import { CompetencyAssessment } from '../modules/assessment/competency-assessment.entity';
import { PerformanceAppraisal } from '../modules/appraisal/performance-appraisal.entity';
import { Training } from '../modules/training/training.entity';
import { execute } from './list';
import { Loaders } from './loaders';
import { readRows, tableInfo } from './rows';
import { raw } from './sql';

/**
 * readRows must give what the ORM's em.map gives, value for value, for every
 * entity it maps itself; and the loaders built on it must return the same
 * rows in the same order as the ORM queries they replaced.
 */

let orm: Orm;
let dispose: () => Promise<void>;

const fork = () => orm.em.fork() as EntityManager;

beforeAll(async () => {
  ({ orm, dispose } = await openTestOrm());
  const report = await importDataset(fork(), generateDemoDataset({ employees: 300, seed: 3 }));
  expect(report.errors).toEqual([]);
  const em = fork();
  const { user } = await createUser(em, { email: 'rows@sikap.local', role: 'UNIT_ADMIN', unitCode: (await em.findOneOrFail(Unit, { parent: null })).code, password: 'rows-test-password' });
  await createSession(em, user);
  await createUser(em, { email: 'admin@sikap.local', role: 'ADMIN', password: 'rows-test-password', budget: 123 });
  await createApiKey(em, { name: 'rows', scopes: ['read', 'pii'], expiresAt: new Date(Date.now() + 86_400_000), createdBy: 'test' });
  const audit = await startAuditEntry(em, { viewer: ANONYMOUS, operationName: 'T', mutations: ['a', 'b'], variables: { x: [1, 'two'], password: 'secret' } });
  await execute(em, raw(`insert into audit_change (entry_id, table_name, row_id, operation, before, after) values (${audit}, 'unit', 1, 'UPDATE', '{"a":1}', null)`));
  await execute(em, raw(`insert into persisted_operation (hash, name, document) values ('${'a'.repeat(64)}', 'Q', '{ me { kind } }')`));
  await execute(em, raw(`insert into recommendation (key, kind, severity, impact, impact_secondary, year, as_of, unit_id, evidence, texts, evidence_query, policy_version_id)
    values ('k1', 'UNIT_COMPETENCY_GAP', 'HIGH', 0.125, 2, 2025, '2025-01-01', (select min(id) from unit), '{"n":[1,2]}', '{"id":{"title":"t"}}', 'select 1', (select min(id) from policy_version))`));
  await execute(em, raw(`insert into recommendation_status_change (recommendation_id, from_status, to_status, changed_by, note) values ((select min(id) from recommendation), null, 'ACCEPTED', 'x', 'n')`));
  await execute(em, raw(`insert into assignment_plan (as_of, total_jpm, greedy_total_jpm, greedy_filled, created_by) values ('2025-01-01', 10.5, 9.25, 3, 'x')`));
  await execute(em, raw(`insert into assignment_plan_item (plan_id, position_id, seat, employee_id, from_position_id, jpm, reason)
    values ((select min(id) from assignment_plan), (select min(id) from position), 1, (select min(id) from employee), null, 71.5, 'r')`));
}, 300_000);

afterAll(async () => {
  await dispose();
});

function persistedProps(meta: EntityMetadata) {
  return meta.props.filter((p) => p.persist !== false && p.fieldNames?.length === 1 && p.kind !== ReferenceKind.ONE_TO_MANY && p.kind !== ReferenceKind.MANY_TO_MANY);
}

describe('readRows', () => {
  it('maps every entity as em.map does', async () => {
    const metas = Object.values(orm.getMetadata().getAll()).filter((m) => !m.virtual && !m.pivotTable && !m.embeddable && m.class);
    const direct: string[] = [];
    for (const meta of metas) {
      const em = fork();
      const entity = meta.class as EntityClass<object>;
      const rows = await execute(em, raw(`select * from "${meta.tableName}" order by id limit 400`));
      if (tableInfo(em, entity).direct) direct.push(meta.className);
      const fast = readRows(em, entity, rows) as Record<string, unknown>[];
      const viaOrm = rows.map((row) => fork().map(entity, row as never) as Record<string, unknown>);
      expect(fast.length, meta.className).toBe(rows.length);
      for (const [i, a] of fast.entries()) {
        const b = viaOrm[i]!;
        expect(a, meta.className).toBeInstanceOf(entity);
        for (const prop of persistedProps(meta)) {
          const where = `${meta.className}.${prop.name} of row ${String(b.id)}`;
          if (prop.kind === ReferenceKind.SCALAR) {
            expect(a[prop.name], where).toStrictEqual(b[prop.name]);
          } else {
            const [x, y] = [a[prop.name] as { id: number } | null, b[prop.name] as { id: number } | null];
            expect(x?.id ?? null, where).toBe(y?.id ?? null);
            if (x) expect(x, where).toBeInstanceOf(prop.targetMeta!.class);
          }
        }
        if ('nodeId' in b) expect((a as { nodeId: string }).nodeId).toBe((b as { nodeId: string }).nodeId);
      }
    }
    // The entities of the read paths are mapped directly, not through the ORM.
    expect(direct).toEqual(metas.map((m) => m.className));
  });

  it('refuses to read a collection, which it does not load', async () => {
    const [training] = readRows(fork(), Training, await execute(fork(), raw('select * from training order by id limit 1')));
    expect(training).toBeInstanceOf(Training);
    expect(training!.hours).toEqual(expect.any(Number));
    expect(() => training!.competencies.getItems()).toThrow(/Training\.competencies is not loaded/);
  });

  it('covers nulls, dates, decimals, arrays and JSON with data', async () => {
    const [n] = await execute<{ nulls: number }>(fork(), raw(`select count(*)::int as nulls from employee where position_id is null`));
    expect(n!.nulls).toBeGreaterThan(0);
    const [a] = readRows(fork(), CompetencyAssessment, await execute(fork(), raw('select * from competency_assessment order by id limit 1')));
    expect(typeof a!.level).toBe('number');
    expect(a!.assessedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [u] = readRows(fork(), AppUser, await execute(fork(), raw(`select * from app_user where email = 'rows@sikap.local'`)));
    expect(u!.createdAt).toBeInstanceOf(Date);
    expect(u!.unit?.id).toEqual(expect.any(Number));
  });
});

describe('loaders on readRows', () => {
  it('byId returns the rows em.find returns, null for unknown ids', async () => {
    const ids = (await execute<{ id: number }>(fork(), raw('select id from position order by id desc limit 30'))).map((r) => Number(r.id));
    const loaders = new Loaders(fork());
    const got = await loaders.byId(Position).loadMany([...ids, 987_654]);
    const expected = await fork().find(Position, { id: { $in: ids } });
    expect(got.at(-1)).toBeNull();
    expect((got.slice(0, -1) as Position[]).map((p) => [p.id, p.code, p.unit.id, p.technicalWeight ?? null]))
      .toEqual(ids.map((id) => expected.find((p) => p.id === id)!).map((p) => [p.id, p.code, p.unit.id, p.technicalWeight ?? null]));
  });

  it('hasMany returns the same children in the same order as the ORM query it replaced', async () => {
    const em = fork();
    const positions = (await execute<{ id: number }>(em, raw('select id from position order by id'))).map((r) => Number(r.id));
    const employees = (await execute<{ id: number }>(em, raw('select id from employee order by id limit 80'))).map((r) => Number(r.id));
    const cases: { entity: EntityClass<object>; fk: string; order: Record<string, 'asc' | 'desc'>; ids: number[] }[] = [
      { entity: Employee, fk: 'position', order: { name: 'asc' }, ids: positions },
      { entity: PerformanceAppraisal, fk: 'employee', order: { periodStart: 'desc' }, ids: employees },
      { entity: Unit, fk: 'parent', order: { code: 'asc' }, ids: (await execute<{ id: number }>(em, raw('select id from unit'))).map((r) => Number(r.id)) },
    ];
    for (const c of cases) {
      const loaders = new Loaders(fork());
      const got = await loaders.hasMany(c.entity as EntityClass<{ id: number }>, c.fk, c.order).loadMany(c.ids);
      const rows = (await fork().find(c.entity as EntityClass<{ id: number }>, { [c.fk]: { $in: c.ids } } as never, { orderBy: { ...c.order, id: 'asc' } as never })) as { id: number }[];
      const expected = c.ids.map((id) => rows.filter((r) => (r as unknown as Record<string, { id: number }>)[c.fk]!.id === id).map((r) => r.id));
      expect(got.map((list) => (list as { id: number }[]).map((r) => r.id)), c.entity.name).toEqual(expected);
      expect(expected.flat().length, c.entity.name).toBeGreaterThan(0);
    }
  });

  it('serves rows read earlier in the request by id without another statement', async () => {
    const em = fork();
    const loaders = new Loaders(em);
    const listed = readRows(em, Employee, await execute(em, raw('select * from employee order by id limit 5')));
    loaders.remember(Employee, listed);
    const got = await loaders.byId(Employee).loadMany(listed.map((e) => e.id));
    // The same instances: no statement read them again.
    got.forEach((e, i) => expect(e).toBe(listed[i]));
  });
});
