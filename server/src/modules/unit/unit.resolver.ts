import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { idConditions, scalarConditions } from '../../graphql/filters';
import { ConnectionArgs, type Connection } from '../../graphql/pagination';
import { listConnection, type ListSpec } from '../../graphql/list';
import { DeletePayload } from '../../graphql/mutation';
import { expectGlobalId } from '../../graphql/node';
import { raw, sql } from '../../graphql/sql';
import { Unit } from './unit.entity';
import { UnitConnection, UnitInput, UnitOrder, UnitPayload, UnitWhere } from './unit.types';
import { subtreeIds, subtreeIdsByCode } from './unit.sql';
import { createUnit, deleteUnit, updateUnit } from './unit.service';

export const unitListSpec: ListSpec<Unit> = {
  entity: Unit,
  table: 'unit',
  alias: 'u',
  where: {
    id: (v, a) => idConditions(raw(`${a}.id`), v, 'Unit', 'where.id'),
    code: (v, a) => scalarConditions(raw(`${a}.code`), v),
    name: (v, a) => scalarConditions(raw(`${a}.name`), v),
    type: (v, a) => scalarConditions(raw(`${a}.type`), v),
    parent: (v, a) => idConditions(raw(`${a}.parent_id`), v, 'Unit', 'where.parent'),
    subtreeOf: (v: string, a) => sql`${raw(a)}.id in ${subtreeIds(expectGlobalId(v, 'Unit', 'where.subtreeOf'))}`,
    subtreeOfCode: (v: string, a) => sql`${raw(a)}.id in ${subtreeIdsByCode(v)}`,
  },
  order: { code: raw('u.code'), name: raw('u.name'), type: raw('u.type') },
  defaultOrder: raw('u.code asc'),
};

@Resolver(() => Unit)
export class UnitResolver {
  @Query(() => Unit, { nullable: true, description: 'A unit by its code; null when there is none.' })
  async unit(@Arg('code', () => String, { description: 'Unit code, e.g. "DINKES".' }) code: string, @Ctx() ctx: Context): Promise<Unit | null> {
    return ctx.em.findOne(Unit, { code });
  }

  @Query(() => UnitConnection, { description: 'Units, filtered, ordered (by code unless orderBy says otherwise) and paged.' })
  async units(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('where', () => UnitWhere, { nullable: true, description: 'Filter.' }) where: UnitWhere | null,
    @Arg('orderBy', () => [UnitOrder], { nullable: true, description: 'Sort keys, applied in order.' }) orderBy: UnitOrder[] | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Unit>> {
    return listConnection(ctx, unitListSpec, { ...page, where, orderBy });
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'Parent unit; null for a root.' })
  async parent(@Root() unit: Unit, @Ctx() ctx: Context): Promise<Unit | null> {
    return unit.parent ? ctx.loaders.byId(Unit).load(unit.parent.id) : null;
  }

  @FieldResolver(() => [Unit], { description: 'Direct child units, by code.' })
  async children(@Root() unit: Unit, @Ctx() ctx: Context): Promise<Unit[]> {
    return ctx.loaders.hasMany(Unit, 'parent', { code: 'asc' }).load(unit.id);
  }

  @Mutation(() => UnitPayload, { description: 'Create a unit.' })
  async createUnit(@Arg('input', () => UnitInput) input: UnitInput, @Ctx() ctx: Context): Promise<UnitPayload> {
    const r = await createUnit(ctx, input);
    return { unit: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => UnitPayload, { description: 'Change a unit; omitted fields stay as they are. Moving a unit under its own subtree is refused.' })
  async updateUnit(
    @Arg('id', () => ID, { description: 'Unit id.' }) id: string,
    @Arg('input', () => UnitInput) input: UnitInput,
    @Ctx() ctx: Context,
  ): Promise<UnitPayload> {
    const r = await updateUnit(ctx, id, input);
    return { unit: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => DeletePayload, { description: 'Delete a unit. Refused while child units, positions or employees still refer to it.' })
  async deleteUnit(@Arg('id', () => ID, { description: 'Unit id.' }) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    const r = await deleteUnit(ctx, id);
    return { deletedId: r.value, userErrors: r.userErrors };
  }
}

