import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { idConditions, scalarConditions } from '../../graphql/filters';
import { ConnectionArgs, type Connection } from '../../graphql/pagination';
import { listConnection, type ListSpec } from '../../graphql/list';
import { DeletePayload } from '../../graphql/mutation';
import { raw } from '../../graphql/sql';
import { Competency, CompetencyLevel } from './competency.entity';
import { CompetencyConnection, CompetencyInput, CompetencyOrder, CompetencyPayload, CompetencyWhere } from './competency.types';
import { createCompetency, deleteCompetency, updateCompetency } from './competency.service';

export const competencyListSpec: ListSpec<Competency> = {
  entity: Competency,
  table: 'competency',
  alias: 'c',
  where: {
    id: (v, a) => idConditions(raw(`${a}.id`), v, 'Competency', 'where.id'),
    code: (v, a) => scalarConditions(raw(`${a}.code`), v),
    name: (v, a) => scalarConditions(raw(`${a}.name`), v),
    type: (v, a) => scalarConditions(raw(`${a}.type`), v),
  },
  order: { code: raw('c.code'), name: raw('c.name'), type: raw('c.type') },
  defaultOrder: raw('c.code asc'),
};

@Resolver(() => Competency)
export class CompetencyResolver {
  @Query(() => Competency, { nullable: true, description: 'A competency by its code; null when there is none.' })
  async competency(@Arg('code', () => String, { description: 'Competency code, e.g. "KOM".' }) code: string, @Ctx() ctx: Context): Promise<Competency | null> {
    return ctx.em.findOne(Competency, { code });
  }

  @Query(() => CompetencyConnection, { description: 'Competencies, filtered, ordered (by code unless orderBy says otherwise) and paged.' })
  async competencies(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('where', () => CompetencyWhere, { nullable: true, description: 'Filter.' }) where: CompetencyWhere | null,
    @Arg('orderBy', () => [CompetencyOrder], { nullable: true, description: 'Sort keys, applied in order.' }) orderBy: CompetencyOrder[] | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Competency>> {
    return listConnection(ctx, competencyListSpec, { ...page, where, orderBy });
  }

  @FieldResolver(() => [CompetencyLevel], { description: 'Behavioural descriptions of the proficiency levels, by level.' })
  async levels(@Root() competency: Competency, @Ctx() ctx: Context): Promise<CompetencyLevel[]> {
    return ctx.loaders.hasMany(CompetencyLevel, 'competency', { level: 'asc' }).load(competency.id);
  }

  @Mutation(() => CompetencyPayload, { description: 'Create a competency, optionally with its level descriptions.' })
  async createCompetency(@Arg('input', () => CompetencyInput) input: CompetencyInput, @Ctx() ctx: Context): Promise<CompetencyPayload> {
    const r = await createCompetency(ctx, input);
    return { competency: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => CompetencyPayload, { description: 'Change a competency; omitted fields stay as they are, given levels replace all level descriptions.' })
  async updateCompetency(
    @Arg('id', () => ID, { description: 'Competency id.' }) id: string,
    @Arg('input', () => CompetencyInput) input: CompetencyInput,
    @Ctx() ctx: Context,
  ): Promise<CompetencyPayload> {
    const r = await updateCompetency(ctx, id, input);
    return { competency: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => DeletePayload, { description: 'Delete a competency with its level descriptions. Refused while position standards, trainings, stakeholder inputs or assessments refer to it.' })
  async deleteCompetency(@Arg('id', () => ID, { description: 'Competency id.' }) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    const r = await deleteCompetency(ctx, id);
    return { deletedId: r.value, userErrors: r.userErrors };
  }
}

@Resolver(() => CompetencyLevel)
export class CompetencyLevelResolver {
  @FieldResolver(() => Competency, { description: 'The competency this level belongs to.' })
  async competency(@Root() level: CompetencyLevel, @Ctx() ctx: Context): Promise<Competency> {
    return (await ctx.loaders.byId(Competency).load(level.competency.id))!;
  }
}
