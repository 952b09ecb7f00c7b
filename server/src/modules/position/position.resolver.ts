import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { idConditions, scalarConditions } from '../../graphql/filters';
import { ConnectionArgs, type Connection } from '../../graphql/pagination';
import { listConnection, type ListSpec } from '../../graphql/list';
import { DeletePayload } from '../../graphql/mutation';
import { expectGlobalId } from '../../graphql/node';
import { raw, sql } from '../../graphql/sql';
import { POSITION_KINDS } from '../../domain/enums';
import { Unit } from '../unit/unit.entity';
import { subtreeIds, subtreeIdsByCode } from '../unit/unit.sql';
import { Competency } from '../competency/competency.entity';
import { Employee } from '../employee/employee.entity';
import { Position, PositionRequirement } from './position.entity';
import { PositionConnection, PositionInput, PositionOrder, PositionPayload, PositionWhere, RequirementInput } from './position.types';
import { createPosition, deletePosition, setPositionRequirements, updatePosition } from './position.service';
import { holderCountLoader, requirementsLoader } from './position.loaders';

// Kinds sort by rank in the civil-service hierarchy (JPT first), not alphabetically; domain constants, safe to inline.
const kindRank = raw(`array_position(array[${POSITION_KINDS.map((k) => `'${k}'`).join(', ')}]::text[], p.kind)`);

const holdersOf = (a: string) => raw(`(select count(*) from employee h where h.position_id = ${a}.id)`);

export const positionListSpec: ListSpec<Position> = {
  entity: Position,
  table: 'position',
  alias: 'p',
  where: {
    id: (v, a) => idConditions(raw(`${a}.id`), v, 'Position', 'where.id'),
    code: (v, a) => scalarConditions(raw(`${a}.code`), v),
    name: (v, a) => scalarConditions(raw(`${a}.name`), v),
    kind: (v, a) => scalarConditions(raw(`${a}.kind`), v),
    quota: (v, a) => scalarConditions(raw(`${a}.quota`), v),
    unit: (v, a) => idConditions(raw(`${a}.unit_id`), v, 'Unit', 'where.unit'),
    unitSubtreeOf: (v: string, a) => sql`${raw(a)}.unit_id in ${subtreeIds(expectGlobalId(v, 'Unit', 'where.unitSubtreeOf'))}`,
    unitSubtreeOfCode: (v: string, a) => sql`${raw(a)}.unit_id in ${subtreeIdsByCode(v)}`,
    requiresCompetency: (v: string, a) => sql`exists (select 1 from position_requirement rq join competency rc on rc.id = rq.competency_id
      where rq.position_id = ${raw(a)}.id and rc.code = ${v})`,
    vacant: (v: boolean, a) => (v ? sql`${holdersOf(a)} < ${raw(a)}.quota` : sql`${holdersOf(a)} >= ${raw(a)}.quota`),
  },
  order: { code: raw('p.code'), name: raw('p.name'), kind: kindRank, quota: raw('p.quota') },
  defaultOrder: raw('p.code asc'),
};

@Resolver(() => Position)
export class PositionResolver {
  @Query(() => Position, { nullable: true, description: 'A position by its code; null when there is none.' })
  async position(@Arg('code', () => String, { description: 'Position code.' }) code: string, @Ctx() ctx: Context): Promise<Position | null> {
    return ctx.em.findOne(Position, { code });
  }

  @Query(() => PositionConnection, { description: 'Positions, filtered, ordered (by code unless orderBy says otherwise) and paged.' })
  async positions(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('where', () => PositionWhere, { nullable: true, description: 'Filter.' }) where: PositionWhere | null,
    @Arg('orderBy', () => [PositionOrder], { nullable: true, description: 'Sort keys, applied in order.' }) orderBy: PositionOrder[] | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Position>> {
    return listConnection(ctx, positionListSpec, { ...page, where, orderBy });
  }

  @FieldResolver(() => Unit, { description: 'The unit the position belongs to.' })
  async unit(@Root() position: Position, @Ctx() ctx: Context): Promise<Unit> {
    return (await ctx.loaders.byId(Unit).load(position.unit.id))!;
  }

  @FieldResolver(() => [PositionRequirement], { description: 'The competency standard (Standar Kompetensi Jabatan), by competency code.' })
  async requirements(@Root() position: Position, @Ctx() ctx: Context): Promise<PositionRequirement[]> {
    return requirementsLoader(ctx).load(position.id);
  }

  @FieldResolver(() => [Employee], { description: 'Employees currently holding the position, by name.' })
  async holders(@Root() position: Position, @Ctx() ctx: Context): Promise<Employee[]> {
    return ctx.loaders.hasMany(Employee, 'position', { name: 'asc' }).load(position.id);
  }

  @FieldResolver(() => Int, { description: 'Number of employees currently holding the position.' })
  async holderCount(@Root() position: Position, @Ctx() ctx: Context): Promise<number> {
    return holderCountLoader(ctx).load(position.id);
  }

  @FieldResolver(() => Int, { description: 'Open places: quota minus holders, never below 0.' })
  async vacancies(@Root() position: Position, @Ctx() ctx: Context): Promise<number> {
    return Math.max(0, position.quota - (await holderCountLoader(ctx).load(position.id)));
  }

  @Mutation(() => PositionPayload, { description: 'Create a position, optionally with its competency standard.' })
  async createPosition(@Arg('input', () => PositionInput) input: PositionInput, @Ctx() ctx: Context): Promise<PositionPayload> {
    const r = await createPosition(ctx, input);
    return { position: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => PositionPayload, { description: 'Change a position; omitted fields stay as they are, given requirements replace the whole standard.' })
  async updatePosition(
    @Arg('id', () => ID, { description: 'Position id.' }) id: string,
    @Arg('input', () => PositionInput) input: PositionInput,
    @Ctx() ctx: Context,
  ): Promise<PositionPayload> {
    const r = await updatePosition(ctx, id, input);
    return { position: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => PositionPayload, { description: 'Replace the whole competency standard of a position in one transaction; every bad line is reported with its index.' })
  async setPositionRequirements(
    @Arg('position', () => ID, { description: 'Position id.' }) position: string,
    @Arg('requirements', () => [RequirementInput], { description: 'The new standard: levels 1–5, each competency once. An empty list removes the standard.' }) requirements: RequirementInput[],
    @Ctx() ctx: Context,
  ): Promise<PositionPayload> {
    const r = await setPositionRequirements(ctx, position, requirements);
    return { position: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => DeletePayload, { description: 'Delete a position with its standard and stakeholder inputs. Refused while employees hold it.' })
  async deletePosition(@Arg('id', () => ID, { description: 'Position id.' }) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    const r = await deletePosition(ctx, id);
    return { deletedId: r.value, userErrors: r.userErrors };
  }
}

@Resolver(() => PositionRequirement)
export class PositionRequirementResolver {
  @FieldResolver(() => Competency, { description: 'The required competency.' })
  async competency(@Root() requirement: PositionRequirement, @Ctx() ctx: Context): Promise<Competency> {
    return (await ctx.loaders.byId(Competency).load(requirement.competency.id))!;
  }

  @FieldResolver(() => Position, { description: 'The position whose standard this line belongs to.' })
  async position(@Root() requirement: PositionRequirement, @Ctx() ctx: Context): Promise<Position> {
    return (await ctx.loaders.byId(Position).load(requirement.position.id))!;
  }
}

/** Unit.positions lives here so the unit module does not depend on positions. */
@Resolver(() => Unit)
export class UnitPositionsResolver {
  @FieldResolver(() => [Position], { description: 'Positions directly in this unit, by code.' })
  async positions(@Root() unit: Unit, @Ctx() ctx: Context): Promise<Position[]> {
    return ctx.loaders.hasMany(Position, 'unit', { code: 'asc' }).load(unit.id);
  }
}
