import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { idConditions, scalarConditions } from '../../graphql/filters';
import { ConnectionArgs, type Connection } from '../../graphql/pagination';
import { listConnection, type ListSpec } from '../../graphql/list';
import { expectGlobalId } from '../../graphql/node';
import { raw, sql } from '../../graphql/sql';
import { MasksNipsInText } from '../../graphql/personal-data';
import type { RecommendationStatus } from '../../domain/recommendation-rules';
import { subtreeIds } from '../unit/unit.sql';
import { Unit } from '../unit/unit.entity';
import { Position } from '../position/position.entity';
import { Training } from '../training/training.entity';
import { Employee } from '../employee/employee.entity';
import { Competency } from '../competency/competency.entity';
import { PolicyVersion } from '../policy/policy-version.entity';
import { Recommendation, RecommendationStatusChange, RecommendationStatusEnum } from './recommendation.entity';
import {
  GenerateRecommendationsPayload, RecommendationConnection, RecommendationOrder, RecommendationPayload, RecommendationWhere,
} from './recommendation.types';
import { generateRecommendations, setRecommendationStatus } from './recommendation.service';
import { registerRecommendationAccessRules } from './recommendation.access';

// The resolvers are only reachable through the schema, which imports this file: the rules exist before any request.
registerRecommendationAccessRules();

const SEVERITY_RANK = raw(`array_position(array['LOW', 'MEDIUM', 'HIGH']::text[], r.severity::text)`);

export const recommendationListSpec: ListSpec<Recommendation> = {
  entity: Recommendation,
  table: 'recommendation',
  alias: 'r',
  where: {
    id: (v, a) => idConditions(raw(`${a}.id`), v, 'Recommendation', 'where.id'),
    kind: (v, a) => scalarConditions(raw(`${a}.kind`), v),
    severity: (v, a) => scalarConditions(raw(`${a}.severity`), v),
    status: (v, a) => scalarConditions(raw(`${a}.status`), v),
    year: (v, a) => scalarConditions(raw(`${a}.year`), v),
    // A hashed subplan (is true), not a semi-join: until the table is analyzed after generateRecommendations filled it,
    // its statistics say it is empty, and the semi-join planned for one row rescanned the subtree per recommendation.
    unit: (v: string, a) => sql`(${raw(a)}.unit_id in ${subtreeIds(expectGlobalId(v, 'Unit', 'where.unit'))}) is true`,
    position: (v, a) => idConditions(raw(`${a}.position_id`), v, 'Position', 'where.position'),
    training: (v, a) => idConditions(raw(`${a}.training_id`), v, 'Training', 'where.training'),
    employee: (v, a) => idConditions(raw(`${a}.employee_id`), v, 'Employee', 'where.employee'),
    competency: (v, a) => idConditions(raw(`${a}.competency_id`), v, 'Competency', 'where.competency'),
  },
  order: {
    severity: SEVERITY_RANK,
    // A row value: the effect size, then its second key, in one direction.
    impact: raw('(r.impact, r.impact_secondary)'),
    kind: raw('r.kind'),
    status: raw('r.status'),
    year: raw('r.year'),
    createdAt: raw('r.created_at'),
    updatedAt: raw('r.updated_at'),
  },
  defaultOrder: raw(`${SEVERITY_RANK.text} desc, r.impact desc, r.impact_secondary desc, r.key asc`),
};

@Resolver(() => Recommendation)
export class RecommendationResolver {
  @Query(() => RecommendationConnection, { description: 'Policy adjustment recommendations, filtered and paged; most severe and largest effect first unless orderBy says otherwise. Run generateRecommendations to refresh them.' })
  async recommendations(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('where', () => RecommendationWhere, { nullable: true, description: 'Filter.' }) where: RecommendationWhere | null,
    @Arg('orderBy', () => [RecommendationOrder], { nullable: true, description: 'Sort keys, applied in order.' }) orderBy: RecommendationOrder[] | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Recommendation>> {
    return listConnection(ctx, recommendationListSpec, { ...page, where, orderBy });
  }

  @FieldResolver(() => String, { description: 'One-line summary in the requested language (Accept-Language: Indonesian by default, English with "en").' })
  title(@Root() rec: Recommendation, @Ctx() ctx: Context): string {
    return rec.texts[ctx.lang].title;
  }

  @FieldResolver(() => String, { description: 'Why, with the numbers of the evidence, in the requested language. NIPs in it are masked for the VIEWER role and API keys without the `pii` scope.' })
  @MasksNipsInText()
  rationale(@Root() rec: Recommendation, @Ctx() ctx: Context): string {
    return rec.texts[ctx.lang].rationale;
  }

  @FieldResolver(() => String, { description: 'What to do (revise or retire a training, schedule a training for a unit, rotate an employee, review a standard, …), in the requested language.' })
  action(@Root() rec: Recommendation, @Ctx() ctx: Context): string {
    return rec.texts[ctx.lang].action;
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'Subject unit (UNIT_COMPETENCY_GAP), or the unit of the subject employee or position; null for TRAINING_INEFFECTIVE.' })
  async unit(@Root() rec: Recommendation, @Ctx() ctx: Context): Promise<Unit | null> {
    return rec.unit ? ctx.loaders.byId(Unit).load(rec.unit.id) : null;
  }

  @FieldResolver(() => Position, { nullable: true, description: 'Subject position (SUCCESSION_RISK, STANDARD_REVIEW) or the better vacant position (MISPLACEMENT).' })
  async position(@Root() rec: Recommendation, @Ctx() ctx: Context): Promise<Position | null> {
    return rec.position ? ctx.loaders.byId(Position).load(rec.position.id) : null;
  }

  @FieldResolver(() => Training, { nullable: true, description: 'Subject training (TRAINING_INEFFECTIVE) or the suggested training (UNIT_COMPETENCY_GAP).' })
  async training(@Root() rec: Recommendation, @Ctx() ctx: Context): Promise<Training | null> {
    return rec.training ? ctx.loaders.byId(Training).load(rec.training.id) : null;
  }

  @FieldResolver(() => Employee, { nullable: true, description: 'Subject employee (DEVELOPMENT_HOURS_SHORTFALL, MISPLACEMENT).' })
  async employee(@Root() rec: Recommendation, @Ctx() ctx: Context): Promise<Employee | null> {
    return rec.employee ? ctx.loaders.byId(Employee).load(rec.employee.id) : null;
  }

  @FieldResolver(() => Competency, { nullable: true, description: 'Subject competency (UNIT_COMPETENCY_GAP, STANDARD_REVIEW).' })
  async competency(@Root() rec: Recommendation, @Ctx() ctx: Context): Promise<Competency | null> {
    return rec.competency ? ctx.loaders.byId(Competency).load(rec.competency.id) : null;
  }

  @FieldResolver(() => PolicyVersion, { description: 'The policy version whose thresholds produced the current evidence.' })
  async policyVersion(@Root() rec: Recommendation, @Ctx() ctx: Context): Promise<PolicyVersion> {
    return (await ctx.loaders.byId(PolicyVersion).load(rec.policyVersion.id))!;
  }

  @FieldResolver(() => [RecommendationStatusChange], { description: 'Every status change, oldest first: creation, decisions (who, when, note) and regeneration (RESOLVED, reopened).' })
  async statusHistory(@Root() rec: Recommendation, @Ctx() ctx: Context): Promise<RecommendationStatusChange[]> {
    return ctx.loaders.hasMany(RecommendationStatusChange, 'recommendation', { changedAt: 'asc' }).load(rec.id);
  }

  @Mutation(() => GenerateRecommendationsPayload, {
    description: 'Evaluate every rule on the whole dataset with the active policy version and merge the result: idempotent by a stable key per (kind, subject, year); '
      + 'a re-run updates evidence in place, keeps ACCEPTED/DISMISSED decisions, reopens RESOLVED ones that hold again and marks RESOLVED what no longer holds.',
  })
  async generateRecommendations(
    @Arg('asOf', () => String, { nullable: true, description: 'Reference date (YYYY-MM-DD) for current levels, appraisals and vacancies; today by default.' }) asOf: string | null,
    @Arg('year', () => Int, { nullable: true, description: 'Calendar year for lesson hours (JP) and the stable keys; the year of asOf by default.' }) year: number | null,
    @Ctx() ctx: Context,
  ): Promise<GenerateRecommendationsPayload> {
    const r = await generateRecommendations(ctx, asOf, year);
    if (!r.value) return { created: 0, updated: 0, resolved: 0, unchanged: 0, byKind: [], durationMs: 0, userErrors: r.userErrors };
    return { ...r.value, userErrors: [] };
  }

  @Mutation(() => RecommendationPayload, { description: 'Record a decision on a recommendation (ACCEPTED, DISMISSED, back to OPEN, or RESOLVED by hand); the change is kept in statusHistory with the actor.' })
  async setRecommendationStatus(
    @Arg('id', () => ID, { description: 'Recommendation id.' }) id: string,
    @Arg('status', () => RecommendationStatusEnum, { description: 'New status.' }) status: RecommendationStatus,
    @Arg('note', () => String, { nullable: true, description: 'Why (at most 4000 characters).' }) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<RecommendationPayload> {
    const r = await setRecommendationStatus(ctx, id, status, note);
    return { recommendation: r.value, userErrors: r.userErrors };
  }
}
