import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { idConditions, scalarConditions } from '../../graphql/filters';
import { ConnectionArgs, type Connection } from '../../graphql/pagination';
import { listConnection, type ListSpec } from '../../graphql/list';
import { DeletePayload } from '../../graphql/mutation';
import { and, raw, sql } from '../../graphql/sql';
import { Position } from '../position/position.entity';
import { Competency } from '../competency/competency.entity';
import { StakeholderInput } from './stakeholder-input.entity';
import {
  StakeholderInputConnection, StakeholderInputInput, StakeholderInputOrder, StakeholderInputPayload, StakeholderInputWhere,
} from './stakeholder-input.types';
import { createStakeholderInput, deleteStakeholderInput, updateStakeholderInput } from './stakeholder-input.service';
import { dateConditions } from '../employee/employee.sql';

export const stakeholderInputListSpec: ListSpec<StakeholderInput> = {
  entity: StakeholderInput,
  table: 'stakeholder_input',
  alias: 's',
  where: {
    id: (v, a) => idConditions(raw(`${a}.id`), v, 'StakeholderInput', 'where.id'),
    position: (v, a) => idConditions(raw(`${a}.position_id`), v, 'Position', 'where.position'),
    competency: (v, a) => sql`${raw(a)}.competency_id in (select sc.id from competency sc where ${and(scalarConditions(raw('sc.code'), v))})`,
    group: (v, a) => scalarConditions(raw(`${a}.stakeholder_group`), v),
    importance: (v, a) => scalarConditions(raw(`${a}.importance`), v),
    submittedAt: (v, a) => dateConditions(raw(`${a}.submitted_at`), v, 'where.submittedAt'),
  },
  order: { submittedAt: raw('s.submitted_at'), importance: raw('s.importance'), group: raw('s.stakeholder_group') },
  defaultOrder: raw('s.submitted_at desc'),
};

@Resolver(() => StakeholderInput)
export class StakeholderInputResolver {
  @Query(() => StakeholderInputConnection, { description: 'Stakeholder inputs, filtered, ordered (newest first unless orderBy says otherwise) and paged.' })
  async stakeholderInputs(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('where', () => StakeholderInputWhere, { nullable: true, description: 'Filter.' }) where: StakeholderInputWhere | null,
    @Arg('orderBy', () => [StakeholderInputOrder], { nullable: true, description: 'Sort keys, applied in order.' }) orderBy: StakeholderInputOrder[] | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<StakeholderInput>> {
    return listConnection(ctx, stakeholderInputListSpec, { ...page, where, orderBy });
  }

  @FieldResolver(() => Position, { description: 'The position rated.' })
  async position(@Root() row: StakeholderInput, @Ctx() ctx: Context): Promise<Position> {
    return (await ctx.loaders.byId(Position).load(row.position.id))!;
  }

  @FieldResolver(() => Competency, { description: 'The competency rated.' })
  async competency(@Root() row: StakeholderInput, @Ctx() ctx: Context): Promise<Competency> {
    return (await ctx.loaders.byId(Competency).load(row.competency.id))!;
  }

  @Mutation(() => StakeholderInputPayload, { description: 'Record a stakeholder group\'s rating of a competency for a position.' })
  async createStakeholderInput(@Arg('input', () => StakeholderInputInput) input: StakeholderInputInput, @Ctx() ctx: Context): Promise<StakeholderInputPayload> {
    const r = await createStakeholderInput(ctx, input);
    return { stakeholderInput: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => StakeholderInputPayload, { description: 'Change a stakeholder input; omitted fields stay as they are.' })
  async updateStakeholderInput(
    @Arg('id', () => ID, { description: 'Stakeholder input id.' }) id: string,
    @Arg('input', () => StakeholderInputInput) input: StakeholderInputInput,
    @Ctx() ctx: Context,
  ): Promise<StakeholderInputPayload> {
    const r = await updateStakeholderInput(ctx, id, input);
    return { stakeholderInput: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => DeletePayload, { description: 'Delete a stakeholder input.' })
  async deleteStakeholderInput(@Arg('id', () => ID, { description: 'Stakeholder input id.' }) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    const r = await deleteStakeholderInput(ctx, id);
    return { deletedId: r.value, userErrors: r.userErrors };
  }
}

/** Position.stakeholderInputs lives here so the position module does not depend on stakeholder input. */
@Resolver(() => Position)
export class PositionStakeholderInputsResolver {
  @FieldResolver(() => [StakeholderInput], { description: 'Stakeholder ratings of the position\'s competencies, newest first.' })
  async stakeholderInputs(@Root() position: Position, @Ctx() ctx: Context): Promise<StakeholderInput[]> {
    return ctx.loaders.hasMany(StakeholderInput, 'position', { submittedAt: 'desc' }).load(position.id);
  }
}
