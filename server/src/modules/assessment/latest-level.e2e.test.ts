import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { openTestOrm } from '../../testing/harness';
import { baseDataset, fixtureNip } from '../../testing/fixtures';
import { importDataset } from '../dataset/dataset-import.service';
import type { Orm } from '../../db/orm';

/**
 * competency_level_latest is kept by triggers; matching trusts it. Every
 * kind of write must leave it equal to "latest assessment per pair".
 */
let orm: Orm;
let dispose: () => Promise<void>;
const nip = fixtureNip();

beforeAll(async () => {
  ({ orm, dispose } = await openTestOrm());
  const d = baseDataset();
  d.employees = [{ nip, name: 'Tri', status: 'PNS', grade: 'III/a', education: 'S1', unit: 'DINKES', position: null, assessments: [
    { competency: 'KOM', level: 2, assessedAt: '2023-01-10', method: 'SJT' },
    { competency: 'KOM', level: 3, assessedAt: '2024-01-10', method: 'SJT' },
  ] }];
  expect((await importDataset(orm.em as EntityManager, d)).errors).toEqual([]);
});
afterAll(async () => {
  await dispose();
});

async function mismatches(): Promise<number> {
  const [row] = await orm.em.fork().getConnection().execute<{ n: number }[]>(`
    with truth as (
      select distinct on (employee_id, competency_id) employee_id, competency_id, level, assessed_at
      from competency_assessment order by employee_id, competency_id, assessed_at desc
    ), kept as (select employee_id, competency_id, level, assessed_at from competency_level_latest)
    select count(*)::int as n from ((select * from kept except select * from truth) union all (select * from truth except select * from kept)) diff`);
  return Number(row!.n);
}

const exec = (q: string) => orm.em.fork().getConnection().execute(q);

describe('competency_level_latest', () => {
  it('follows inserts (older and newer), updates, deletes and upserts', async () => {
    expect(await mismatches()).toBe(0);
    const [{ level }] = await exec(`select level::float8 as level from competency_level_latest l join competency c on c.id = l.competency_id where c.code = 'KOM'`) as { level: number }[];
    expect(level).toBe(3);
    await exec(`insert into competency_assessment (employee_id, competency_id, level, assessed_at, method)
      select e.id, c.id, 1.5, '2022-05-01', 'SELF' from employee e, competency c where c.code = 'KOM'`);
    expect(await mismatches()).toBe(0);
    await exec(`insert into competency_assessment (employee_id, competency_id, level, assessed_at, method)
      select e.id, c.id, v.level, v.d::date, 'SELF' from employee e, competency c, (values (4.5, '2024-06-01'), (2.5, '2024-03-01')) v(level, d) where c.code in ('KOM', 'INT')`);
    expect(await mismatches()).toBe(0);
    await exec(`update competency_assessment set assessed_at = '2021-01-01' where assessed_at = '2024-06-01'`);
    expect(await mismatches()).toBe(0);
    await exec(`delete from competency_assessment where assessed_at >= '2024-01-01'`);
    expect(await mismatches()).toBe(0);
    await exec(`delete from competency_assessment`);
    expect(await mismatches()).toBe(0);
    const [{ n }] = await exec(`select count(*)::int as n from competency_level_latest`) as { n: number }[];
    expect(n).toBe(0);
  });
});
