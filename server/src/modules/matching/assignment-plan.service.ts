import type { EntityManager } from '@mikro-orm/postgresql';
import type { PolicyParameters } from '../../domain/policy';
import type { Context } from '../../graphql/context';
import { UserErrorCode, UserErrorsException, userError } from '../../graphql/errors';
import { execute } from '../../graphql/list';
import { runMutation, type MutationResult } from '../../graphql/mutation';
import { toGlobalId } from '../../graphql/node';
import { employeeLabel } from '../../graphql/personal-data';
import { join, raw, sql, type Sql } from '../../graphql/sql';
import { Employee } from '../employee/employee.entity';
import { Position } from '../position/position.entity';
import { greedyAssignment, optimalAssignment } from './assignment';
import { AssignmentPlan, AssignmentPlanItem } from './assignment-plan.entity';
import { planPairsSql } from './matching.sql';
import { idsSql, loadStandards, toMatch, type MatchRow } from './matching.service';
import { AssignmentPlanType, MatchType, Seat } from './matching.types';

interface PairRow extends MatchRow {
  /** The candidate's position when the plan is computed (for the stale check). */
  from_position_id: number | null;
}

/**
 * Runs `work` with PostgreSQL's JIT compilation off. The plan's pair
 * statement is estimated expensive enough to be compiled with full
 * optimisation, which on 50 vacancies × 5,000 candidates took longer than
 * executing it (issue 3). SET LOCAL needs a transaction (a savepoint when
 * already in one) and ends with it.
 */
async function withoutJit<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return em.transactional(async (tx) => {
    await execute(tx as EntityManager, raw('set local jit = off'));
    return work(tx as EntityManager);
  });
}

export interface ComputedPlan {
  plan: AssignmentPlanType;
  /** Employee's position when planned, per employee id (for the stale check on apply). */
  fromPosition: Map<number, number | null>;
}

/**
 * Builds the optimal plan for the vacant seats of `positionIds` (in the
 * order given, which is also the greedy order) from the employees matching
 * `candidates`: one SQL statement scores every allowed (candidate, position)
 * pair; the assignment itself runs in memory.
 */
export async function computePlan(em: EntityManager, positionIds: number[], candidates: Sql, asOf: string, policy: PolicyParameters): Promise<ComputedPlan> {
  const posRows = await execute<{ id: number; code: string; quota: number; holders: number }>(em, sql`
    select p.id, p.code, p.quota, (select count(*) from employee e where e.position_id = p.id)::int as holders
    from position p where p.id in (${idsSql(positionIds)})`);
  const byId = new Map(posRows.map((p) => [Number(p.id), p]));
  const missing = positionIds.filter((id) => !byId.has(id));
  if (missing.length) {
    throw new UserErrorsException(missing.map((id) => userError('positions', UserErrorCode.NOT_FOUND, `Position ${toGlobalId('Position', id)} does not exist.`)));
  }

  const seats: { positionId: number; seat: number }[] = [];
  for (const id of positionIds) {
    const p = byId.get(id)!;
    const vacancies = Math.max(0, Number(p.quota) - Number(p.holders));
    for (let s = 1; s <= vacancies; s++) seats.push({ positionId: id, seat: s });
  }
  // Only positions with a vacant seat are scored.
  const standards = await loadStandards(em, [...new Set(seats.map((s) => s.positionId))]);
  const hasStandard = new Set(standards.map((s) => s.positionId));
  // Only a position's best `seats.length` candidates can take part in an
  // optimal (or greedy) assignment: with S seats in all, at most S − 1 of a
  // position's top S are taken elsewhere, so one of them is always free and
  // at least as good as anyone ranked lower.
  const keep = Math.max(1, seats.length);
  const pairs = await withoutJit(em, (tx) => execute<PairRow>(tx, planPairsSql({
    standards, candidates, asOf, policy, minCategory: policy.candidateMinCategory, excludeHolders: true,
  }, keep)));

  const candidateIds = [...new Set(pairs.map((p) => Number(p.employee_id)))];
  const column = new Map(candidateIds.map((id, i) => [id, i]));
  const fromPosition = new Map<number, number | null>();
  const pairByKey = new Map<string, PairRow>();
  const orderByPosition = new Map<number, number[]>();
  for (const p of pairs) {
    const pos = Number(p.position_id);
    const col = column.get(Number(p.employee_id))!;
    pairByKey.set(`${pos}:${col}`, p);
    fromPosition.set(Number(p.employee_id), p.from_position_id === null ? null : Number(p.from_position_id));
    const order = orderByPosition.get(pos) ?? [];
    order.push(col);
    orderByPosition.set(pos, order);
  }

  const score = seats.map((s) => candidateIds.map((_, c) => {
    const pair = pairByKey.get(`${s.positionId}:${c}`);
    return pair ? Number(pair.jpm) : null;
  }));
  const optimal = optimalAssignment(score, candidateIds.length);
  const greedy = greedyAssignment(score, seats.map((s) => orderByPosition.get(s.positionId) ?? []));

  const planSeats: Seat[] = seats.map((s, r) => {
    const c = optimal.seatToCandidate[r]!;
    const seat = Object.assign(new Seat(), { positionId: s.positionId, seat: s.seat, match: null as MatchType | null, reason: null as string | null });
    if (c >= 0) {
      seat.match = toMatch(pairByKey.get(`${s.positionId}:${c}`)!, asOf, null);
    } else if (!hasStandard.has(s.positionId)) {
      seat.reason = 'The position has no competency standard, so no candidate can be matched.';
    } else if ((orderByPosition.get(s.positionId) ?? []).length === 0) {
      seat.reason = `No eligible candidate at ${policy.candidateMinCategory} or better in the candidate pool.`;
    } else {
      seat.reason = 'Every allowed candidate is assigned to another seat where the total JPM is higher.';
    }
    return seat;
  });
  const mean = (total: number, filled: number) => (filled ? total / filled : 0);
  const plan = Object.assign(new AssignmentPlanType(), {
    id: null,
    seats: planSeats,
    totalJpm: optimal.total,
    meanJpm: mean(optimal.total, optimal.filled),
    filled: optimal.filled,
    greedy: { totalJpm: greedy.total, meanJpm: mean(greedy.total, greedy.filled), filled: greedy.filled },
    asOf,
  });
  return { plan, fromPosition };
}

export async function savePlan(ctx: Context, positionIds: number[], candidates: Sql, asOf: string, policy: PolicyParameters): Promise<MutationResult<AssignmentPlanType>> {
  return runMutation(ctx, async (em) => {
    const { plan, fromPosition } = await computePlan(em, positionIds, candidates, asOf, policy);
    const saved = em.create(AssignmentPlan, { asOf, totalJpm: plan.totalJpm, greedyTotalJpm: plan.greedy.totalJpm, greedyFilled: plan.greedy.filled, createdBy: ctx.actor });
    for (const seat of plan.seats) {
      const employeeId = seat.match?.employeeId;
      const from = employeeId === undefined ? null : fromPosition.get(employeeId) ?? null;
      em.create(AssignmentPlanItem, {
        plan: saved,
        position: em.getReference(Position, seat.positionId),
        seat: seat.seat,
        employee: employeeId === undefined ? null : em.getReference(Employee, employeeId),
        fromPosition: from === null ? null : em.getReference(Position, from),
        jpm: seat.match?.jpm ?? null,
        reason: seat.reason,
      });
    }
    await em.flush();
    return Object.assign(plan, {
      id: toGlobalId('AssignmentPlan', saved.id), status: saved.status, createdBy: saved.createdBy, createdAt: saved.createdAt, appliedBy: null, appliedAt: null,
    });
  });
}

/**
 * Moves the planned employees in one transaction. Refused as STALE when any
 * planned employee has moved since the plan was saved, or a seat is no longer
 * vacant; refused when the plan was already applied.
 */
export async function applyPlan(ctx: Context, planId: number): Promise<MutationResult<AssignmentPlan>> {
  return runMutation(ctx, async (em) => {
    const plan = await em.findOne(AssignmentPlan, { id: planId }, { populate: ['items'] });
    if (!plan) throw new UserErrorsException([userError('id', UserErrorCode.NOT_FOUND, `Assignment plan ${toGlobalId('AssignmentPlan', planId)} does not exist.`)]);
    if (plan.status !== 'DRAFT') {
      throw new UserErrorsException([userError('id', UserErrorCode.CONFLICT, `The plan was already applied by ${plan.appliedBy} at ${plan.appliedAt?.toISOString()}.`)]);
    }
    const items = plan.items.getItems().filter((i) => i.employee);
    const employeeIds = items.map((i) => i.employee!.id);
    // Lock the rows we are about to move so a concurrent apply waits and then sees the change.
    const current = await execute<{ id: number; nip: string; name: string; position_id: number | null }>(em, sql`
      select id, nip, name, position_id from employee where id in (${idsSql(employeeIds)}) for update`);
    const now = new Map(current.map((r) => [Number(r.id), r]));
    const errors = [];
    for (const item of items) {
      const row = now.get(item.employee!.id);
      const planned = item.fromPosition?.id ?? null;
      const actual = row?.position_id === null || row?.position_id === undefined ? null : Number(row.position_id);
      if (!row || actual !== planned) {
        errors.push(userError('id', UserErrorCode.STALE, `Employee ${row ? employeeLabel(ctx.viewer, { ...row, id: Number(row.id) }) : toGlobalId('Employee', item.employee!.id)} has moved since the plan was made; compute a new plan.`));
      }
    }
    const targets = [...new Set(items.map((i) => i.position.id))];
    const capacity = await execute<{ id: number; code: string; quota: number; holders: number }>(em, sql`
      select p.id, p.code, p.quota, (select count(*) from employee e where e.position_id = p.id and e.id not in (${idsSql(employeeIds)}))::int as holders
      from position p where p.id in (${idsSql(targets)})`);
    for (const p of capacity) {
      const arriving = items.filter((i) => i.position.id === Number(p.id)).length;
      if (Number(p.holders) + arriving > Number(p.quota)) {
        errors.push(userError('id', UserErrorCode.STALE, `Position ${p.code} no longer has ${arriving} vacant seat(s); compute a new plan.`));
      }
    }
    if (errors.length) throw new UserErrorsException(errors);
    if (items.length) {
      const moves = join(items.map((i) => sql`(${i.employee!.id}::int, ${i.position.id}::int)`), ', ');
      // The employee's unit follows the position's unit.
      await execute(em, sql`update employee e set position_id = v.position_id, unit_id = p.unit_id
        from (values ${moves}) as v(employee_id, position_id) join position p on p.id = v.position_id
        where e.id = v.employee_id`);
    }
    plan.status = 'APPLIED';
    plan.appliedBy = ctx.actor;
    plan.appliedAt = new Date();
    await em.flush();
    return plan;
  });
}
