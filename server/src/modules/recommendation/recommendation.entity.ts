import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Node } from '../../graphql/node';
import { MasksNipsInText } from '../../graphql/personal-data';
import {
  RECOMMENDATION_KINDS, RECOMMENDATION_STATUSES, SEVERITIES,
  type RecommendationKind, type RecommendationStatus, type Severity,
} from '../../domain/recommendation-rules';
import { Unit } from '../unit/unit.entity';
import { Position } from '../position/position.entity';
import { Training } from '../training/training.entity';
import { Employee } from '../employee/employee.entity';
import { Competency } from '../competency/competency.entity';
import { PolicyVersion } from '../policy/policy-version.entity';

const enumOf = <T extends string>(values: readonly T[]): Record<T, T> => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const RecommendationKindEnum = enumOf(RECOMMENDATION_KINDS);
registerEnumType(RecommendationKindEnum, {
  name: 'RecommendationKind',
  description: 'What a recommendation is about (domain.md §8).',
  valuesConfig: {
    TRAINING_INEFFECTIVE: { description: 'Participants of a training did not improve (competency change and predicate change below the policy thresholds), compared with non-participants.' },
    UNIT_COMPETENCY_GAP: { description: 'The holders in a unit fall short of their standard in one competency; schedule a training that targets it.' },
    DEVELOPMENT_HOURS_SHORTFALL: { description: 'A PNS completed fewer lesson hours (JP) in the year than the policy requires.' },
    MISPLACEMENT: { description: 'A holder is KURANG_OPTIMAL in the current position while a vacancy exists where they are OPTIMAL.' },
    SUCCESSION_RISK: { description: 'A JPT or ADMINISTRATOR position has no eligible talent-pool candidate at OPTIMAL.' },
    STANDARD_REVIEW: { description: 'Stakeholders rate a competency as more important for a position than its standard implies.' },
  },
});

export const SeverityEnum = enumOf(SEVERITIES);
registerEnumType(SeverityEnum, { name: 'Severity', description: 'Size of the effect behind a recommendation: HIGH, MEDIUM or LOW (rules per kind in Recommendation.severity).' });

export const RecommendationStatusEnum = enumOf(RECOMMENDATION_STATUSES);
registerEnumType(RecommendationStatusEnum, {
  name: 'RecommendationStatus',
  description: 'OPEN (new or holding again), ACCEPTED / DISMISSED (a decision, kept on regeneration), RESOLVED (no longer holds at the last generation).',
});

/**
 * One recommendation per stable key `<KIND>:<subject>:<year>`, so a re-run
 * of the rules updates it in place instead of duplicating it. Texts are
 * stored in both languages at generation time (from the same numbers as the
 * evidence), and the evidence query too, so reading a page needs no extra
 * look-ups beyond the subject links.
 */
@ObjectType('Recommendation', { implements: Node, description: 'A policy adjustment recommendation: a rule that holds on the data, its evidence (reproducible through `evidenceQuery`), a suggested action and a decision status.' })
@Entity({ tableName: 'recommendation' })
@Index({ properties: ['year', 'kind'] })
export class Recommendation extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'Stable key "<KIND>:<subject>:<year>"; a regeneration updates the recommendation with the same key.' })
  @Property({ type: 'string', length: 255, unique: true })
  key!: string;

  @Field(() => RecommendationKindEnum, { description: 'Kind of recommendation.' })
  @Enum({ items: () => [...RECOMMENDATION_KINDS], type: 'string' })
  kind!: RecommendationKind;

  @Field(() => SeverityEnum, { description: 'From the size of the effect. TRAINING_INEFFECTIVE: HIGH when the upper bound of the 95 % interval of the difference-in-differences is below trainingMinDeltaCompetency, MEDIUM when its point estimate is (or there is no comparison group), else LOW. UNIT_COMPETENCY_GAP: HIGH at a mean shortfall ≥ 1 level, MEDIUM ≥ 0.5 or a shortfall rate ≥ 50 %. DEVELOPMENT_HOURS_SHORTFALL: HIGH under 25 % of the required JP, MEDIUM under 75 %. MISPLACEMENT: HIGH at a JPM gain ≥ 30, MEDIUM ≥ 20. SUCCESSION_RISK: HIGH with no talent-pool candidate at all, else MEDIUM. STANDARD_REVIEW: HIGH when the implied level is ≥ 2 above the standard, MEDIUM with ≥ 3 responses, else LOW.' })
  @Enum({ items: () => [...SEVERITIES], type: 'string' })
  severity!: Severity;

  @Field(() => Float, { description: 'Effect size used for ranking within a kind: mean shortfall (UNIT_COMPETENCY_GAP), JP shortfall, 0.5 − ΔC (TRAINING_INEFFECTIVE), JPM gain (MISPLACEMENT), level gap (STANDARD_REVIEW), 100 − best JPM (SUCCESSION_RISK).' })
  @Property({ type: 'double' })
  impact!: number;

  /** Second ranking key (e.g. shortfall rate after mean shortfall). */
  @Property({ type: 'double', default: 0 })
  impactSecondary: Opt<number> = 0;

  @Field(() => RecommendationStatusEnum, { description: 'Decision status; ACCEPTED and DISMISSED survive regeneration, RESOLVED is set by regeneration when the rule no longer holds (and reverts to OPEN if it holds again).' })
  @Enum({ items: () => [...RECOMMENDATION_STATUSES], type: 'string', default: 'OPEN' })
  status: Opt<RecommendationStatus> = 'OPEN';

  @Field(() => Int, { description: 'Calendar year the recommendation was generated for (the JP year; part of the stable key).' })
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => String, { description: 'Reference date (YYYY-MM-DD) of the data the evidence was computed on.' })
  @Property({ type: 'date' })
  asOf!: string;

  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'cascade', index: true })
  unit?: Unit | null;

  @ManyToOne(() => Position, { nullable: true, deleteRule: 'cascade', index: true })
  position?: Position | null;

  @ManyToOne(() => Training, { nullable: true, deleteRule: 'cascade', index: true })
  training?: Training | null;

  @ManyToOne(() => Employee, { nullable: true, deleteRule: 'cascade', index: true })
  employee?: Employee | null;

  @ManyToOne(() => Competency, { nullable: true, deleteRule: 'cascade', index: true })
  competency?: Competency | null;

  @Field(() => GraphQLJSON, { description: 'The figures the recommendation rests on (numbers as JSON numbers). Keys per kind: TRAINING_INEFFECTIVE { n, deltaCompetency, deltaPredicate, comparisonDeltaCompetency, comparisonDeltaPredicate, didCompetency, didPredicate, ci95 }; UNIT_COMPETENCY_GAP { holders, meanShortfall, shortfallRate, required }; DEVELOPMENT_HOURS_SHORTFALL { year, hours, required, shortfall }; MISPLACEMENT { currentJpm, betterPosition, betterJpm }; SUCCESSION_RISK { candidates, bestJpm }; STANDARD_REVIEW { responses, meanImportance, requiredLevel, groups }.' })
  @Property({ type: 'json' })
  evidence!: Record<string, unknown>;

  /** `{ id: { title, rationale, action }, en: { … } }` */
  @Property({ type: 'json' })
  texts!: RecommendationTexts;

  @Field(() => String, { description: 'A GraphQL query (variables inlined) that reproduces the evidence through the public API; paste it into the query builder. NIPs in it are masked for the VIEWER role and API keys without the `pii` scope.' })
  @MasksNipsInText()
  @Property({ type: 'text' })
  evidenceQuery!: string;

  @ManyToOne(() => PolicyVersion, { deleteRule: 'restrict', index: true })
  policyVersion!: PolicyVersion;

  @Field(() => Date, { description: 'When the rule first held.' })
  @Property({ type: 'datetime', defaultRaw: 'current_timestamp' })
  createdAt: Opt<Date> = new Date();

  @Field(() => Date, { description: 'When the evidence or status last changed.' })
  @Property({ type: 'datetime', defaultRaw: 'current_timestamp' })
  updatedAt: Opt<Date> = new Date();
}

export interface RecommendationText { title: string; rationale: string; action: string }
export interface RecommendationTexts { id: RecommendationText; en: RecommendationText }

@ObjectType('RecommendationStatusChange', { implements: Node, description: 'One change of a recommendation\'s status: who, when, from, to and why.' })
@Entity({ tableName: 'recommendation_status_change' })
export class RecommendationStatusChange extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Recommendation, { deleteRule: 'cascade', index: true })
  recommendation!: Recommendation;

  @Field(() => RecommendationStatusEnum, { nullable: true, description: 'Status before; null when the recommendation was created.' })
  @Enum({ items: () => [...RECOMMENDATION_STATUSES], type: 'string', nullable: true })
  fromStatus?: RecommendationStatus | null;

  @Field(() => RecommendationStatusEnum, { description: 'Status after.' })
  @Enum({ items: () => [...RECOMMENDATION_STATUSES], type: 'string' })
  toStatus!: RecommendationStatus;

  @Field(() => String, { description: 'Who made the change (the request\'s actor; "system" for regeneration).' })
  @Property({ type: 'string', length: 255 })
  changedBy!: string;

  @Field(() => Date, { description: 'When.' })
  @Property({ type: 'datetime', defaultRaw: 'current_timestamp' })
  changedAt: Opt<Date> = new Date();

  @Field(() => String, { nullable: true, description: 'Note given with the change.' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
