import DataLoader from 'dataloader';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLError } from 'graphql';
import { JPM_CATEGORIES, type JpmCategory, type Predicate } from '../../domain/enums';
import { isTalentPool, talentBox } from '../../domain/talent';
import type { Context } from '../../graphql/context';
import { JpmCategoryEnum } from '../../graphql/enums';
import { compileWhere } from '../../graphql/filters';
import { execute } from '../../graphql/list';
import { expectGlobalId, toGlobalId } from '../../graphql/node';
import { ConnectionArgs, paginate, type Connection } from '../../graphql/pagination';
import { and, raw, sql, type Sql } from '../../graphql/sql';
import { Competency } from '../competency/competency.entity';
import { Employee } from '../employee/employee.entity';
import { employeeListSpec } from '../employee/employee.resolver';
import { EmployeeWhere } from '../employee/employee.types';
import { latestPredicateLoader } from '../employee/employee.loaders';
import { resolveAsOf } from '../employee/employee.sql';
import { activePolicyParameters } from '../policy/policy.service';
import { Position } from '../position/position.entity';
import { Training } from '../training/training.entity';
import { Unit } from '../unit/unit.entity';
import { subtreeIds } from '../unit/unit.sql';
import { AssignmentPlan } from './assignment-plan.entity';
import { applyPlan, computePlan, savePlan } from './assignment-plan.service';
import {
  bestPositions, countBestPositions, countCandidates, explainMatch, idsSql, matchKey, matchLoader, rankedCandidates,
} from './matching.service';
import { talentMap, talentPoolIds } from './talent.sql';
import {
  AssignmentPlanPayload, AssignmentPlanType, CompetencyGapType, IneligibilityReason, MatchConnection, MatchType, Seat,
  TalentBoxCount, TrainingNeed,
} from './matching.types';

function employeeCondition(ctx: Context, where: EmployeeWhere | null | undefined): Sql {
  return compileWhere(where, employeeListSpec.where, 'e', ctx);
}

@Resolver(() => Position)
export class PositionMatchingResolver {
  @FieldResolver(() => MatchConnection, {
    description: 'Candidates for this position ranked by JPM desc, then latest annual predicate desc, total shortfall asc, largest single shortfall asc, NIP asc '
      + '(domain.md §4), scored set-based in one SQL statement. Current holders are excluded. By default only eligible candidates at the policy\'s '
      + 'candidate category (default CUKUP_OPTIMAL) or better.',
  })
  async candidates(
    @Root() position: Position,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('asOf', () => String, { nullable: true, description: 'Reference date (YYYY-MM-DD); today by default.' }) asOf: string | null,
    @Arg('eligibleOnly', () => Boolean, { nullable: true, defaultValue: true, description: 'Only candidates that pass every eligibility rule.' }) eligibleOnly: boolean,
    @Arg('minCategory', () => JpmCategoryEnum, { nullable: true, description: 'Lowest category listed; the policy\'s candidateMinCategory by default.' }) minCategory: JpmCategory | null,
    @Arg('unit', () => ID, { nullable: true, description: 'Only employees of this unit.' }) unit: string | null,
    @Arg('includeSubunits', () => Boolean, { nullable: true, defaultValue: true, description: 'With unit: include its whole subtree.' }) includeSubunits: boolean,
    @Arg('where', () => EmployeeWhere, { nullable: true, description: 'Further restrict the candidate pool (same filter as `employees`).' }) where: EmployeeWhere | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<MatchType>> {
    const policy = await activePolicyParameters(ctx);
    const date = resolveAsOf(asOf, 'asOf');
    const parts: Sql[] = [employeeCondition(ctx, where), sql`e.position_id is distinct from ${position.id}::int`];
    if (unit) {
      const unitId = expectGlobalId(unit, 'Unit', 'unit');
      parts.push(includeSubunits ? sql`e.unit_id in ${subtreeIds(unitId)}` : sql`e.unit_id = ${unitId}::int`);
    }
    const filter = { eligibleOnly, minCategory: minCategory ?? policy.candidateMinCategory };
    const cond = and(parts);
    return paginate(page,
      (limit, offset) => rankedCandidates(ctx.em, position.id, cond, date, policy, filter, limit, offset),
      () => countCandidates(ctx.em, position.id, cond, date, policy, filter));
  }

  @FieldResolver(() => MatchConnection, {
    description: 'Succession: talent-pool members (9-box boxes of the policy, default 7, 8, 9, in their current positions) ranked for this position by the same order as candidates; eligibility is shown, not filtered.',
  })
  async successors(
    @Root() position: Position,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('asOf', () => String, { nullable: true, description: 'Reference date (YYYY-MM-DD); today by default.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<MatchType>> {
    const policy = await activePolicyParameters(ctx);
    const date = resolveAsOf(asOf, 'asOf');
    const pool = await talentPoolIds(ctx.em, raw('true'), date, policy);
    const cond = sql`e.id in (${idsSql(pool)}) and e.position_id is distinct from ${position.id}::int`;
    const filter = { eligibleOnly: false, minCategory: JPM_CATEGORIES[0] };
    return paginate(page,
      (limit, offset) => rankedCandidates(ctx.em, position.id, cond, date, policy, filter, limit, offset),
      () => countCandidates(ctx.em, position.id, cond, date, policy, filter));
  }
}

@Resolver(() => Employee)
export class EmployeeMatchingResolver {
  @FieldResolver(() => MatchType, { description: 'This employee\'s match against a position (JPM, gaps, eligibility).' })
  async match(
    @Root() employee: Employee,
    @Arg('position', () => ID, { description: 'Position id.' }) position: string,
    @Arg('asOf', () => String, { nullable: true, description: 'Reference date (YYYY-MM-DD); today by default.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<MatchType> {
    const positionId = expectGlobalId(position, 'Position', 'position');
    const match = await matchLoader(ctx, await activePolicyParameters(ctx), resolveAsOf(asOf, 'asOf')).load(matchKey(employee.id, positionId));
    if (!match) throw new GraphQLError(`Position ${position} does not exist or has no competency standard.`, { extensions: { code: 'BAD_USER_INPUT', argumentName: 'position' } });
    return match;
  }

  @FieldResolver(() => MatchType, { nullable: true, description: 'Match against the current position; null when unplaced or the position has no standard.' })
  async currentMatch(
    @Root() employee: Employee,
    @Arg('asOf', () => String, { nullable: true, description: 'Reference date (YYYY-MM-DD); today by default.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<MatchType | null> {
    if (!employee.position) return null;
    return matchLoader(ctx, await activePolicyParameters(ctx), resolveAsOf(asOf, 'asOf')).load(matchKey(employee.id, employee.position.id));
  }

  @FieldResolver(() => MatchConnection, { description: 'Positions where this employee fits best, by JPM (eligible first among equal JPM); vacant positions only by default.' })
  async bestPositions(
    @Root() employee: Employee,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('vacantOnly', () => Boolean, { nullable: true, defaultValue: true, description: 'Only positions with fewer holders than their quota.' }) vacantOnly: boolean,
    @Arg('asOf', () => String, { nullable: true, description: 'Reference date (YYYY-MM-DD); today by default.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<MatchType>> {
    const policy = await activePolicyParameters(ctx);
    const date = resolveAsOf(asOf, 'asOf');
    return paginate(page,
      (limit, offset) => bestPositions(ctx.em, employee.id, date, policy, vacantOnly, limit, offset),
      () => countBestPositions(ctx.em, employee.id, vacantOnly));
  }

  @FieldResolver(() => Int, { nullable: true, description: '9-box (1–9, domain.md §6) from the latest annual predicate and the JPM category in the current position; null when either is unknown.' })
  async talentBox(
    @Root() employee: Employee,
    @Arg('asOf', () => String, { nullable: true, description: 'Reference date (YYYY-MM-DD); today by default.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<number | null> {
    const date = resolveAsOf(asOf, 'asOf');
    const [match, predicate] = await Promise.all([
      employee.position ? matchLoader(ctx, await activePolicyParameters(ctx), date).load(matchKey(employee.id, employee.position.id)) : null,
      latestPredicateLoader(ctx, date).load(employee.id),
    ]);
    return talentBox(predicate as Predicate | null, match?.category ?? null);
  }

  @FieldResolver(() => [TrainingNeed], { description: 'Training-needs analysis (AKPK): competencies of the current position\'s standard with a shortfall, and the trainings that target each.' })
  async trainingNeeds(
    @Root() employee: Employee,
    @Arg('asOf', () => String, { nullable: true, description: 'Reference date (YYYY-MM-DD); today by default.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<TrainingNeed[]> {
    if (!employee.position) return [];
    const policy = await activePolicyParameters(ctx);
    const match = await matchLoader(ctx, policy, resolveAsOf(asOf, 'asOf')).load(matchKey(employee.id, employee.position.id));
    if (!match) return [];
    const { gaps } = await explainMatch(ctx, match, policy);
    const needs = gaps.filter((g) => g.shortfall > 0);
    const targets = await trainingTargetsLoader(ctx).loadMany(needs.map((g) => g.competencyId));
    return needs.map((g, i) => Object.assign(new TrainingNeed(), {
      competencyId: g.competencyId, required: g.required, achieved: g.achieved, shortfall: g.shortfall,
      trainingIds: Array.isArray(targets[i]) ? (targets[i] as number[]) : [],
    }));
  }
}

function trainingTargetsLoader(ctx: Context) {
  return ctx.loaders.get('Competency.trainings', (em) => new DataLoader<number, number[]>(async (ids) => {
    const rows = await execute<{ competency_id: number; training_id: number }>(em, sql`
      select tc.competency_id, tc.training_id from training_competency tc join training t on t.id = tc.training_id
      where tc.competency_id in (${idsSql(ids)}) order by t.code`);
    return ids.map((id) => rows.filter((r) => Number(r.competency_id) === id).map((r) => Number(r.training_id)));
  }));
}

@Resolver(() => Unit)
export class UnitTalentResolver {
  @FieldResolver(() => [TalentBoxCount], { description: '9-box counts (boxes 1–9, zeros included) of the placed employees of this unit, by default with its whole subtree.' })
  async talentMap(
    @Root() unit: Unit,
    @Arg('asOf', () => String, { nullable: true, description: 'Reference date (YYYY-MM-DD); today by default.' }) asOf: string | null,
    @Arg('includeSubunits', () => Boolean, { nullable: true, defaultValue: true, description: 'Count the whole subtree, not only the unit itself.' }) includeSubunits: boolean,
    @Ctx() ctx: Context,
  ): Promise<TalentBoxCount[]> {
    const policy = await activePolicyParameters(ctx);
    const cond = includeSubunits ? sql`e.unit_id in ${subtreeIds(unit.id)}` : sql`e.unit_id = ${unit.id}::int`;
    const counts = await talentMap(ctx.em, cond, resolveAsOf(asOf, 'asOf'), policy);
    return Array.from({ length: 9 }, (_, i) => ({ box: i + 1, count: counts.get(i + 1) ?? 0, talentPool: isTalentPool(i + 1, policy.talentPoolBoxes) }));
  }
}

@Resolver(() => MatchType)
export class MatchResolver {
  @FieldResolver(() => Employee, { description: 'The employee.' })
  async employee(@Root() match: MatchType, @Ctx() ctx: Context): Promise<Employee> {
    return (await ctx.loaders.byId(Employee).load(match.employeeId))!;
  }

  @FieldResolver(() => Position, { description: 'The position.' })
  async position(@Root() match: MatchType, @Ctx() ctx: Context): Promise<Position> {
    return (await ctx.loaders.byId(Position).load(match.positionId))!;
  }

  @FieldResolver(() => [IneligibilityReason], { description: 'Every failed eligibility rule (empty when eligible).' })
  async ineligibility(@Root() match: MatchType, @Ctx() ctx: Context): Promise<IneligibilityReason[]> {
    return (await explainMatch(ctx, match, await activePolicyParameters(ctx))).reasons;
  }

  @FieldResolver(() => [CompetencyGapType], { description: 'The standard line by line, in competency-code order: required, achieved, gap, shortfall.' })
  async gaps(@Root() match: MatchType, @Ctx() ctx: Context): Promise<CompetencyGapType[]> {
    const { gaps } = await explainMatch(ctx, match, await activePolicyParameters(ctx));
    const competencies = await ctx.loaders.byId(Competency).loadMany(gaps.map((g) => g.competencyId));
    return gaps.map((g, i) => Object.assign(new CompetencyGapType(), { ...g, competency: competencies[i] as Competency }));
  }

  @FieldResolver(() => [Competency], { description: 'Required competencies the employee was never assessed in (counted as level 0).' })
  async missingCompetencies(@Root() match: MatchType, @Ctx() ctx: Context): Promise<Competency[]> {
    const { missing } = await explainMatch(ctx, match, await activePolicyParameters(ctx));
    return (await ctx.loaders.byId(Competency).loadMany(missing)) as Competency[];
  }
}

@Resolver(() => TrainingNeed)
export class TrainingNeedResolver {
  @FieldResolver(() => Competency, { description: 'The competency with a shortfall.' })
  async competency(@Root() need: TrainingNeed, @Ctx() ctx: Context): Promise<Competency> {
    return (await ctx.loaders.byId(Competency).load(need.competencyId))!;
  }

  @FieldResolver(() => [Training], { description: 'Trainings in the catalogue that target this competency, by code.' })
  async trainings(@Root() need: TrainingNeed, @Ctx() ctx: Context): Promise<Training[]> {
    return (await ctx.loaders.byId(Training).loadMany(need.trainingIds)) as Training[];
  }
}

@Resolver(() => Seat)
export class SeatResolver {
  @FieldResolver(() => Position, { description: 'The position this seat belongs to.' })
  async position(@Root() seat: Seat, @Ctx() ctx: Context): Promise<Position> {
    return (await ctx.loaders.byId(Position).load(seat.positionId))!;
  }
}

function decodePositions(ids: string[]): number[] {
  if (ids.length === 0 || ids.length > 200) {
    throw new GraphQLError(`Argument "positions" must list 1 to 200 positions, got ${ids.length}.`, { extensions: { code: 'BAD_USER_INPUT', argumentName: 'positions' } });
  }
  return [...new Set(ids.map((id) => expectGlobalId(id, 'Position', 'positions')))];
}

async function storedPlan(ctx: Context, plan: AssignmentPlan): Promise<AssignmentPlanType> {
  const policy = await activePolicyParameters(ctx);
  await ctx.em.populate(plan, ['items']);
  const loader = matchLoader(ctx, policy, plan.asOf);
  const items = plan.items.getItems().sort((a, b) => a.id - b.id);
  const seats = await Promise.all(items.map(async (item) => Object.assign(new Seat(), {
    positionId: item.position.id,
    seat: item.seat,
    match: item.employee ? await loader.load(matchKey(item.employee.id, item.position.id)) : null,
    reason: item.reason ?? null,
  })));
  const filled = items.filter((i) => i.employee).length;
  return Object.assign(new AssignmentPlanType(), {
    id: toGlobalId('AssignmentPlan', plan.id),
    seats,
    totalJpm: plan.totalJpm,
    meanJpm: filled ? plan.totalJpm / filled : 0,
    filled,
    greedy: { totalJpm: plan.greedyTotalJpm, meanJpm: plan.greedyFilled ? plan.greedyTotalJpm / plan.greedyFilled : 0, filled: plan.greedyFilled },
    asOf: plan.asOf,
    status: plan.status,
    createdBy: plan.createdBy,
    createdAt: plan.createdAt,
    appliedBy: plan.appliedBy ?? null,
    appliedAt: plan.appliedAt ?? null,
  });
}

@Resolver()
export class AssignmentPlanResolver {
  @Query(() => AssignmentPlanType, {
    description: 'Optimal assignment of candidates to the vacant seats of several positions at once (see AssignmentPlan), computed without writing anything.',
  })
  async assignmentPlan(
    @Arg('positions', () => [ID], { description: 'Positions to fill (1–200); their vacant seats are quota − current holders. The order is the greedy fill order.' }) positions: string[],
    @Arg('candidates', () => EmployeeWhere, { nullable: true, description: 'Candidate pool (same filter as `employees`); everyone by default.' }) candidates: EmployeeWhere | null,
    @Arg('asOf', () => String, { nullable: true, description: 'Reference date (YYYY-MM-DD); today by default.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<AssignmentPlanType> {
    const policy = await activePolicyParameters(ctx);
    return (await computePlan(ctx.em, decodePositions(positions), employeeCondition(ctx, candidates), resolveAsOf(asOf, 'asOf'), policy)).plan;
  }

  @Query(() => AssignmentPlanType, { nullable: true, description: 'A saved assignment plan by id.' })
  async savedAssignmentPlan(@Arg('id', () => ID, { description: 'Plan id.' }) id: string, @Ctx() ctx: Context): Promise<AssignmentPlanType | null> {
    const plan = await ctx.em.findOne(AssignmentPlan, { id: expectGlobalId(id, 'AssignmentPlan', 'id') });
    return plan ? storedPlan(ctx, plan) : null;
  }

  @Mutation(() => AssignmentPlanPayload, { description: 'Compute an assignment plan and save it as a draft, recording each planned employee\'s current position for the stale check on apply.' })
  async saveAssignmentPlan(
    @Arg('positions', () => [ID], { description: 'Positions to fill, as in assignmentPlan.' }) positions: string[],
    @Arg('candidates', () => EmployeeWhere, { nullable: true, description: 'Candidate pool.' }) candidates: EmployeeWhere | null,
    @Arg('asOf', () => String, { nullable: true, description: 'Reference date (YYYY-MM-DD); today by default.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<AssignmentPlanPayload> {
    const policy = await activePolicyParameters(ctx);
    const result = await savePlan(ctx, decodePositions(positions), employeeCondition(ctx, candidates), resolveAsOf(asOf, 'asOf'), policy);
    return { plan: result.value, userErrors: result.userErrors };
  }

  @Mutation(() => AssignmentPlanPayload, {
    description: 'Apply a saved draft: move every planned employee into their seat (and the position\'s unit) in one transaction, recording who applied it. '
      + 'Refused with STALE when a planned employee moved or a seat filled since the plan was saved.',
  })
  async applyAssignmentPlan(@Arg('id', () => ID, { description: 'Plan id.' }) id: string, @Ctx() ctx: Context): Promise<AssignmentPlanPayload> {
    const result = await applyPlan(ctx, expectGlobalId(id, 'AssignmentPlan', 'id'));
    ctx.em.clear();
    return { plan: result.value ? await storedPlan(ctx, await ctx.em.findOneOrFail(AssignmentPlan, { id: result.value.id })) : null, userErrors: result.userErrors };
  }
}
