import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { idConditions, scalarConditions } from '../../graphql/filters';
import { ConnectionArgs, type Connection } from '../../graphql/pagination';
import { listConnection, type ListSpec } from '../../graphql/list';
import { DeletePayload } from '../../graphql/mutation';
import { ParticipationStatusEnum } from '../../graphql/enums';
import type { ParticipationStatus } from '../../domain/enums';
import { raw, sql } from '../../graphql/sql';
import { Competency } from '../competency/competency.entity';
import { Employee } from '../employee/employee.entity';
import { Training, TrainingEvaluation, TrainingParticipation } from './training.entity';
import {
  TrainingConnection, TrainingEvaluationInput, TrainingEvaluationPayload, TrainingInput, TrainingOrder, TrainingParticipationInput,
  TrainingImpact, TrainingParticipationPayload, TrainingPayload, TrainingWhere,
} from './training.types';
import {
  createTraining, createTrainingEvaluation, createTrainingParticipation, deleteTraining, deleteTrainingEvaluation,
  deleteTrainingParticipation, updateTraining, updateTrainingEvaluation, updateTrainingParticipation,
} from './training.service';
import { completionsLoader, trainingCompetenciesLoader, trainingImpactLoader } from './training.loaders';
import { resolveAsOf } from '../employee/employee.sql';

export const trainingListSpec: ListSpec<Training> = {
  entity: Training,
  table: 'training',
  alias: 't',
  where: {
    id: (v, a) => idConditions(raw(`${a}.id`), v, 'Training', 'where.id'),
    code: (v, a) => scalarConditions(raw(`${a}.code`), v),
    title: (v, a) => scalarConditions(raw(`${a}.title`), v),
    form: (v, a) => scalarConditions(raw(`${a}.form`), v),
    type: (v, a) => scalarConditions(raw(`${a}.type`), v),
    hours: (v, a) => scalarConditions(raw(`${a}.hours`), v),
    targetsCompetency: (v: string, a) => sql`exists (select 1 from training_competency tt join competency tcc on tcc.id = tt.competency_id
      where tt.training_id = ${raw(a)}.id and tcc.code = ${v})`,
  },
  order: { code: raw('t.code'), title: raw('t.title'), form: raw('t.form'), type: raw('t.type'), hours: raw('t.hours') },
  defaultOrder: raw('t.code asc'),
};

@Resolver(() => Training)
export class TrainingResolver {
  @Query(() => Training, { nullable: true, description: 'A training by its code; null when there is none.' })
  async training(@Arg('code', () => String, { description: 'Training code.' }) code: string, @Ctx() ctx: Context): Promise<Training | null> {
    return ctx.em.findOne(Training, { code });
  }

  @Query(() => TrainingConnection, { description: 'Trainings in the catalogue, filtered, ordered (by code unless orderBy says otherwise) and paged.' })
  async trainings(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('where', () => TrainingWhere, { nullable: true, description: 'Filter.' }) where: TrainingWhere | null,
    @Arg('orderBy', () => [TrainingOrder], { nullable: true, description: 'Sort keys, applied in order.' }) orderBy: TrainingOrder[] | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Training>> {
    return listConnection(ctx, trainingListSpec, { ...page, where, orderBy });
  }

  @FieldResolver(() => [Competency], { description: 'Competencies the training targets, by code.' })
  async competencies(@Root() training: Training, @Ctx() ctx: Context): Promise<Competency[]> {
    return trainingCompetenciesLoader(ctx).load(training.id);
  }

  @FieldResolver(() => [TrainingParticipation], { description: 'Participations, by start date.' })
  async participations(
    @Root() training: Training,
    @Arg('status', () => ParticipationStatusEnum, { nullable: true, description: 'Only participations with this status.' }) status: ParticipationStatus | null,
    @Ctx() ctx: Context,
  ): Promise<TrainingParticipation[]> {
    // One loader for all statuses keeps it one query per request; the filter is applied in memory.
    const all = await ctx.loaders.hasMany(TrainingParticipation, 'training', { startedAt: 'asc' }).load(training.id);
    return status ? all.filter((p) => p.status === status) : all;
  }

  @FieldResolver(() => [TrainingEvaluation], { description: 'Kirkpatrick evaluations, by date.' })
  async evaluations(@Root() training: Training, @Ctx() ctx: Context): Promise<TrainingEvaluation[]> {
    return ctx.loaders.hasMany(TrainingEvaluation, 'training', { evaluatedAt: 'asc' }).load(training.id);
  }

  @FieldResolver(() => Int, { description: 'Number of COMPLETED participations.' })
  async completions(@Root() training: Training, @Ctx() ctx: Context): Promise<number> {
    return completionsLoader(ctx).load(training.id);
  }

  @FieldResolver(() => TrainingImpact, {
    nullable: true,
    description: 'Before/after of the participants against a comparison group, with the difference-in-differences and its 95 % interval (domain.md §8, see TrainingImpact). '
      + 'Null when no completion by asOf has both a competency and a predicate change.',
  })
  async impact(
    @Root() training: Training,
    @Arg('asOf', () => String, { nullable: true, description: 'Reference date (YYYY-MM-DD): only completions and assessments up to it count; today when omitted.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<TrainingImpact | null> {
    return trainingImpactLoader(ctx, resolveAsOf(asOf, 'asOf')).load(training.id);
  }

  @Mutation(() => TrainingPayload, { description: 'Create a training, optionally with the competencies it targets.' })
  async createTraining(@Arg('input', () => TrainingInput) input: TrainingInput, @Ctx() ctx: Context): Promise<TrainingPayload> {
    const r = await createTraining(ctx, input);
    return { training: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => TrainingPayload, { description: 'Change a training; omitted fields stay as they are, given competencies replace all targets.' })
  async updateTraining(
    @Arg('id', () => ID, { description: 'Training id.' }) id: string,
    @Arg('input', () => TrainingInput) input: TrainingInput,
    @Ctx() ctx: Context,
  ): Promise<TrainingPayload> {
    const r = await updateTraining(ctx, id, input);
    return { training: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => DeletePayload, { description: 'Delete a training with its targets and evaluations. Refused while participations refer to it.' })
  async deleteTraining(@Arg('id', () => ID, { description: 'Training id.' }) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    const r = await deleteTraining(ctx, id);
    return { deletedId: r.value, userErrors: r.userErrors };
  }
}

@Resolver(() => TrainingParticipation)
export class TrainingParticipationResolver {
  @FieldResolver(() => Employee, { description: 'The participant.' })
  async employee(@Root() participation: TrainingParticipation, @Ctx() ctx: Context): Promise<Employee> {
    return (await ctx.loaders.byId(Employee).load(participation.employee.id))!;
  }

  @FieldResolver(() => Training, { description: 'The training.' })
  async training(@Root() participation: TrainingParticipation, @Ctx() ctx: Context): Promise<Training> {
    return (await ctx.loaders.byId(Training).load(participation.training.id))!;
  }

  @Mutation(() => TrainingParticipationPayload, { description: 'Record an employee\'s participation in a training.' })
  async createTrainingParticipation(@Arg('input', () => TrainingParticipationInput) input: TrainingParticipationInput, @Ctx() ctx: Context): Promise<TrainingParticipationPayload> {
    const r = await createTrainingParticipation(ctx, input);
    return { trainingParticipation: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => TrainingParticipationPayload, { description: 'Change a participation; omitted fields stay as they are. The dates and status are checked as they will be after the change.' })
  async updateTrainingParticipation(
    @Arg('id', () => ID, { description: 'Participation id.' }) id: string,
    @Arg('input', () => TrainingParticipationInput) input: TrainingParticipationInput,
    @Ctx() ctx: Context,
  ): Promise<TrainingParticipationPayload> {
    const r = await updateTrainingParticipation(ctx, id, input);
    return { trainingParticipation: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => DeletePayload, { description: 'Delete a participation.' })
  async deleteTrainingParticipation(@Arg('id', () => ID, { description: 'Participation id.' }) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    const r = await deleteTrainingParticipation(ctx, id);
    return { deletedId: r.value, userErrors: r.userErrors };
  }
}

@Resolver(() => TrainingEvaluation)
export class TrainingEvaluationResolver {
  @FieldResolver(() => Training, { description: 'The training evaluated.' })
  async training(@Root() evaluation: TrainingEvaluation, @Ctx() ctx: Context): Promise<Training> {
    return (await ctx.loaders.byId(Training).load(evaluation.training.id))!;
  }

  @FieldResolver(() => Employee, { description: 'The participant the evaluation is by or about.' })
  async employee(@Root() evaluation: TrainingEvaluation, @Ctx() ctx: Context): Promise<Employee> {
    return (await ctx.loaders.byId(Employee).load(evaluation.employee.id))!;
  }

  @Mutation(() => TrainingEvaluationPayload, { description: 'Record a Kirkpatrick evaluation (L1–L4) of a training.' })
  async createTrainingEvaluation(@Arg('input', () => TrainingEvaluationInput) input: TrainingEvaluationInput, @Ctx() ctx: Context): Promise<TrainingEvaluationPayload> {
    const r = await createTrainingEvaluation(ctx, input);
    return { trainingEvaluation: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => TrainingEvaluationPayload, { description: 'Change an evaluation; omitted fields stay as they are.' })
  async updateTrainingEvaluation(
    @Arg('id', () => ID, { description: 'Evaluation id.' }) id: string,
    @Arg('input', () => TrainingEvaluationInput) input: TrainingEvaluationInput,
    @Ctx() ctx: Context,
  ): Promise<TrainingEvaluationPayload> {
    const r = await updateTrainingEvaluation(ctx, id, input);
    return { trainingEvaluation: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => DeletePayload, { description: 'Delete an evaluation.' })
  async deleteTrainingEvaluation(@Arg('id', () => ID, { description: 'Evaluation id.' }) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    const r = await deleteTrainingEvaluation(ctx, id);
    return { deletedId: r.value, userErrors: r.userErrors };
  }
}
