import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { openTestOrm } from '../../testing/harness';
import { baseDataset, fixtureNip } from '../../testing/fixtures';
import { importDataset } from '../dataset/dataset-import.service';
import type { Orm } from '../../db/orm';

/**
 * competency_level_vector is kept from competency_level_latest by triggers,
 * and matching reads current levels only from it: after every kind of write
 * each employee's vector must hold exactly the latest level per competency
 * (0 or null elsewhere), with assessed_max not before the newest of them.
 */
let orm: Orm;
let dispose: () => Promise<void>;
const nips = [fixtureNip(), fixtureNip()];

beforeAll(async () => {
  ({ orm, dispose } = await openTestOrm());
  const d = baseDataset();
  d.employees = nips.map((nip, i) => ({
    nip, name: `Pegawai ${i + 1}`, status: 'PNS' as const, grade: 'III/a' as const, education: 'S1' as const, unit: 'DINKES', position: null,
    assessments: [
      { competency: 'KOM', level: 2, assessedAt: '2023-01-10', method: 'SJT' as const },
      { competency: 'KOM', level: 3, assessedAt: '2024-01-10', method: 'SJT' as const },
    ],
  }));
  expect((await importDataset(orm.em as EntityManager, d)).errors).toEqual([]);
});
afterAll(async () => {
  await dispose();
});

const exec = <T>(q: string) => orm.em.fork().getConnection().execute<T[]>(q);

/** Rows where the vector and the latest table disagree (either direction), plus vectors dated before their newest level. */
async function mismatches(): Promise<number> {
  const [row] = await exec<{ n: number }>(`
    with kept as (
      select v.employee_id, g.n as competency_id, v.levels[g.n] as level
      from competency_level_vector v cross join lateral generate_series(1, cardinality(v.levels)) g(n)
      where coalesce(v.levels[g.n], 0) <> 0
    ), truth as (select employee_id, competency_id, level::float8 as level from competency_level_latest)
    select ((select count(*) from ((select * from kept except select * from truth) union all (select * from truth except select * from kept)) d)
      + (select count(*) from competency_level_vector v where v.assessed_max < (select max(l.assessed_at) from competency_level_latest l where l.employee_id = v.employee_id))
      + (select count(distinct l.employee_id) from competency_level_latest l where not exists (select 1 from competency_level_vector v where v.employee_id = l.employee_id))
    )::int as n`);
  return Number(row!.n);
}

describe('competency_level_vector', () => {
  it('follows inserts (older and newer), updates, deletes, new competencies and employee deletion', async () => {
    expect(await mismatches()).toBe(0);
    const [{ level }] = await exec<{ level: number }>(`select v.levels[c.id] as level from competency_level_vector v, competency c, employee e
      where c.code = 'KOM' and e.id = v.employee_id and e.nip = '${nips[0]}'`);
    expect(level).toBe(3);
    await exec(`insert into competency_assessment (employee_id, competency_id, level, assessed_at, method)
      select e.id, c.id, 1.5, '2022-05-01', 'SELF' from employee e, competency c where c.code = 'KOM'`);
    expect(await mismatches()).toBe(0);
    // Several competencies of several employees in one statement, including the highest competency id.
    await exec(`insert into competency_assessment (employee_id, competency_id, level, assessed_at, method)
      select e.id, c.id, v.level, v.d::date, 'SELF' from employee e, competency c, (values (4.5, '2024-06-01'), (2.5, '2024-03-01')) v(level, d)
      where c.code in ('KOM', 'INT') or c.id = (select max(id) from competency)`);
    expect(await mismatches()).toBe(0);
    await exec(`update competency_assessment set assessed_at = '2021-01-01' where assessed_at = '2024-06-01'`);
    expect(await mismatches()).toBe(0);
    await exec(`update competency_assessment set level = 4.25 where assessed_at = '2024-03-01'`);
    expect(await mismatches()).toBe(0);
    await exec(`delete from competency_assessment where assessed_at >= '2024-01-01'`);
    expect(await mismatches()).toBe(0);
    await exec(`delete from employee where nip = '${nips[1]}'`);
    expect(await mismatches()).toBe(0);
    const [{ n: vectors }] = await exec<{ n: number }>(`select count(*)::int as n from competency_level_vector`);
    expect(vectors).toBe(1);
    await exec(`delete from competency_assessment`);
    expect(await mismatches()).toBe(0);
    const [{ n }] = await exec<{ n: number }>(`select count(*)::int as n from competency_level_vector where exists (select 1 from unnest(levels) x where x <> 0)`);
    expect(n).toBe(0);
  });
});
