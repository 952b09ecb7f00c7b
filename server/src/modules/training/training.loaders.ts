import DataLoader from 'dataloader';
import type { Context } from '../../graphql/context';
import { execute } from '../../graphql/list';
import { inList, raw, sql } from '../../graphql/sql';
import { Competency } from '../competency/competency.entity';
import { trainingEffectCtes } from '../recommendation/recommendation.sql';
import type { TrainingImpact } from './training.types';

/**
 * Targeted competencies per training, by code, in one query over the pivot
 * for every training of the request (the ORM collection would load per
 * training).
 */
export function trainingCompetenciesLoader(ctx: Context): DataLoader<number, Competency[]> {
  return ctx.loaders.get('Training.competencies', (em) => new DataLoader<number, Competency[]>(async (ids) => {
    const rows = await execute<Record<string, unknown> & { training_key: number }>(
      em,
      sql`select tc.training_id as training_key, c.* from training_competency tc join competency c on c.id = tc.competency_id
          where ${inList(raw('tc.training_id'), [...ids])} order by tc.training_id, c.code, c.id`,
    );
    const groups = new Map<number, Competency[]>();
    for (const { training_key: key, ...row } of rows) {
      const competency = em.map(Competency, row as never);
      const list = groups.get(Number(key));
      if (list) list.push(competency);
      else groups.set(Number(key), [competency]);
    }
    return ids.map((id) => groups.get(id) ?? []);
  }));
}

/** Completed participations per training, one grouped count for the request. */
export function completionsLoader(ctx: Context): DataLoader<number, number> {
  return ctx.loaders.get('Training.completions', (em) => new DataLoader<number, number>(async (ids) => {
    const rows = await execute<{ training_id: number; n: string | number }>(
      em,
      sql`select training_id, count(*) as n from training_participation
          where status = 'COMPLETED' and ${inList(raw('training_id'), [...ids])} group by training_id`,
    );
    const counts = new Map(rows.map((r) => [Number(r.training_id), Number(r.n)]));
    return ids.map((id) => counts.get(id) ?? 0);
  }));
}

interface ImpactRow {
  training_id: number; n: number; dc: number; dp: number; s: string; e: string; m: number;
  cdc: number | null; cdp: number | null; ci_low: number | null; ci_high: number | null;
  competencies: { competency_id: number; n: number; before: number; after: number }[] | string;
}

/**
 * Training.impact for every training of the request as of one date, in one
 * statement over the CTE chain of the TRAINING_INEFFECTIVE rule (without its
 * thresholds), so the figures are the rule's evidence by construction.
 */
export function trainingImpactLoader(ctx: Context, asOf: string): DataLoader<number, TrainingImpact | null> {
  return ctx.loaders.get(`Training.impact:${asOf}`, (em) => new DataLoader<number, TrainingImpact | null>(async (ids) => {
    const rows = await execute<ImpactRow>(em, sql`with ${trainingEffectCtes({ asOf, trainings: [...ids] })},
      per_competency as (
        select c.training_id, p.competency_id, count(*)::int as n, avg(p.before)::float8 as before, avg(p.after)::float8 as after
        from cpairs p join comp c on c.pid = p.pid group by c.training_id, p.competency_id
      )
      select f.training_id, f.n, f.dc, f.dp, f.s::text as s, f.e::text as e, f.m, f.cdc, f.cdp, f.ci_low, f.ci_high,
        (select coalesce(json_agg(json_build_object('competency_id', pc.competency_id, 'n', pc.n, 'before', pc.before, 'after', pc.after)
          order by k.code collate "C"), '[]') from per_competency pc join competency k on k.id = pc.competency_id
          where pc.training_id = f.training_id) as competencies
      from effect f`);
    const competencyIds = [...new Set(rows.flatMap((r) => parsed(r.competencies).map((c) => Number(c.competency_id))))];
    const competencies = new Map((await ctx.loaders.byId(Competency).loadMany(competencyIds))
      .filter((c): c is Competency => c instanceof Competency).map((c) => [c.id, c]));
    const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
    const byTraining = new Map(rows.map((r) => {
      const cdc = num(r.cdc);
      const cdp = num(r.cdp);
      const impact: TrainingImpact = {
        n: Number(r.n), meanDeltaCompetency: Number(r.dc), meanDeltaPredicate: Number(r.dp), windowStart: r.s, windowEnd: r.e,
        comparisonN: Number(r.m), comparisonDeltaCompetency: cdc, comparisonDeltaPredicate: cdp,
        difference: cdc === null ? null : Number(r.dc) - cdc, differencePredicate: cdp === null ? null : Number(r.dp) - cdp,
        ciLow: num(r.ci_low), ciHigh: num(r.ci_high),
        competencies: parsed(r.competencies).flatMap((c) => {
          const competency = competencies.get(Number(c.competency_id));
          const before = Number(c.before);
          const after = Number(c.after);
          return competency ? [{ competency, n: Number(c.n), meanBefore: before, meanAfter: after, delta: after - before }] : [];
        }),
      };
      return [Number(r.training_id), impact] as const;
    }));
    return ids.map((id) => byTraining.get(id) ?? null);
  }));
}

/** PGlite answers json columns as text, pg as parsed values. */
function parsed(v: ImpactRow['competencies']): { competency_id: number; n: number; before: number; after: number }[] {
  return typeof v === 'string' ? JSON.parse(v) as { competency_id: number; n: number; before: number; after: number }[] : v;
}
