import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { Context } from '../../graphql/context';
import { ConnectionArgs, type Connection } from '../../graphql/pagination';
import { listConnection, type ListSpec } from '../../graphql/list';
import { expectGlobalId, toGlobalId } from '../../graphql/node';
import { raw, sql } from '../../graphql/sql';
import { Unit } from '../unit/unit.entity';
import { AppUser } from '../access/app-user.entity';
import { PersistedOperation } from '../access/persisted-operation.entity';
import { PersistedOperationInfo, UserInfo } from '../access/access.types';
import { opInfo } from '../access/access.resolver';
import type { Viewer } from '../access/viewer';
import { SavedQuery, SavedQueryVersion } from './saved-query.entity';
import {
  CostEstimate, DeleteSavedQueryPayload, PublishSavedQueryPayload, SavedQueryConnection, SavedQueryOrder, SavedQueryWhere, SaveQueryInput, SaveQueryPayload,
} from './saved-query.types';
import { canEdit, canSee, deleteSavedQuery, estimateCost, publishSavedQuery, saveQuery, visibleCondition } from './saved-query.service';

const likeEscape = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);

const savedQueryListSpec: ListSpec<SavedQuery> = {
  entity: SavedQuery,
  table: 'saved_query',
  alias: 'q',
  where: {
    search: (v: string, a) => {
      const pattern = `%${likeEscape(v)}%`;
      return sql`(${raw(a)}.name ilike ${pattern} or ${raw(a)}.description ilike ${pattern})`;
    },
    template: (v: boolean, a) => (v ? raw(`${a}.template`) : raw(`not ${a}.template`)),
    // `mine` needs the viewer: filled in per request below.
    mine: () => raw('true'),
    sharing: (v: string, a) => sql`${raw(a)}.sharing = ${v}`,
  },
  order: {
    name: raw('q.name'),
    createdAt: raw('q.created_at'),
    updatedAt: raw('q.updated_at'),
  },
  defaultOrder: raw('q.template desc, q.updated_at desc'),
};

function mineCondition(viewer: Viewer, mine: boolean | null | undefined) {
  if (mine === null || mine === undefined) return raw('true');
  return mine ? sql`q.owner_id = ${viewer.id}` : sql`q.owner_id is distinct from ${viewer.id}`;
}

async function ownerInfo(ctx: Context, userId: number | undefined): Promise<UserInfo | null> {
  if (!userId) return null;
  const u = await ctx.loaders.byId(AppUser).load(userId);
  if (!u) return null;
  const self = ctx.viewer.kind === 'user' && ctx.viewer.id === u.id;
  const admin = ctx.viewer.role === 'ADMIN';
  const unit = u.unit ? await ctx.loaders.byId(Unit).load(u.unit.id) : null;
  // Colleagues see who wrote a query, not when they last signed in or whether their account is disabled.
  return Object.assign(new UserInfo(), {
    id: toGlobalId('User', u.id), email: u.email, name: u.name ?? null, role: u.role, unit, createdAt: u.createdAt,
    lastLoginAt: self || admin ? (u.lastLoginAt ?? null) : null, disabledAt: admin ? (u.disabledAt ?? null) : null,
  });
}

@Resolver(() => SavedQuery)
export class SavedQueryResolver {
  @Query(() => SavedQueryConnection, {
    description: 'Saved queries the caller may see: their own, those shared with their role or with everyone, and the built-in templates (ADMINs see all). '
      + 'Templates first, then the most recently changed, unless orderBy says otherwise. Not available to API keys.',
  })
  async savedQueries(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('where', () => SavedQueryWhere, { nullable: true, description: 'Filter.' }) where: SavedQueryWhere | null,
    @Arg('orderBy', () => [SavedQueryOrder], { nullable: true, description: 'Sort keys, applied in order.' }) orderBy: SavedQueryOrder[] | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<SavedQuery>> {
    return listConnection(ctx, savedQueryListSpec, { ...page, where, orderBy }, [visibleCondition(ctx.viewer, 'q'), mineCondition(ctx.viewer, where?.mine)]);
  }

  @Query(() => SavedQuery, { nullable: true, description: 'A saved query by id; null when it does not exist or the caller may not see it. Not available to API keys.' })
  async savedQuery(@Arg('id', () => ID, { description: 'SavedQuery id.' }) id: string, @Ctx() ctx: Context): Promise<SavedQuery | null> {
    const q = await ctx.em.findOne(SavedQuery, { id: expectGlobalId(id, 'SavedQuery', 'id') });
    return q && canSee(ctx.viewer, q) ? q : null;
  }

  @Query(() => CostEstimate, {
    description: 'The cost a document would be charged (parse, validation and the cost analysis of the request pipeline, without executing it) and the caller\'s current rate budget; estimating takes none of it.',
  })
  async estimateCost(
    @Arg('document', () => String, { description: 'The GraphQL document.' }) document: string,
    @Arg('variables', () => GraphQLJSON, { nullable: true, description: 'Variables (a JSON object); list sizes such as `first` are read from them.' }) variables: unknown,
    @Arg('operationName', () => String, { nullable: true, description: 'Operation to estimate when the document has several.' }) operationName: string | null,
    @Ctx() ctx: Context,
  ): Promise<CostEstimate> {
    return estimateCost(ctx, document, variables, operationName);
  }

  @FieldResolver(() => UserInfo, { nullable: true, description: 'Who saved it; null for built-in templates.' })
  async owner(@Root() q: SavedQuery, @Ctx() ctx: Context): Promise<UserInfo | null> {
    return ownerInfo(ctx, q.owner?.id);
  }

  @FieldResolver(() => [SavedQueryVersion], { description: 'Every version, newest first.' })
  async versions(@Root() q: SavedQuery, @Ctx() ctx: Context): Promise<SavedQueryVersion[]> {
    return ctx.loaders.hasMany(SavedQueryVersion, 'savedQuery', { version: 'desc' }).load(q.id);
  }

  @FieldResolver(() => PersistedOperationInfo, { nullable: true, description: 'The persisted operation it was published as (ADMIN, publishSavedQuery); null when never published.' })
  async published(@Root() q: SavedQuery, @Ctx() ctx: Context): Promise<PersistedOperationInfo | null> {
    if (!q.publishedOperation) return null;
    const op = await ctx.loaders.byId(PersistedOperation).load(q.publishedOperation.id);
    return op ? opInfo(op) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller may update or delete it (its owner or an ADMIN; never for templates).' })
  canEdit(@Root() q: SavedQuery, @Ctx() ctx: Context): boolean {
    return canEdit(ctx.viewer, q);
  }

  @Mutation(() => SaveQueryPayload, {
    description: 'Save a query of the query builder: create one (no id; the caller owns it) or update one (its owner or an ADMIN). The document must parse, validate against the schema and contain only queries; '
      + 'variables must be a JSON object. A change of name, description, document, variables or operation name adds a version. ADMIN, UNIT_ADMIN and ANALYST users.',
  })
  async saveQuery(@Arg('input', () => SaveQueryInput, { description: 'The saved query.' }) input: SaveQueryInput, @Ctx() ctx: Context): Promise<SaveQueryPayload> {
    const r = await saveQuery(ctx, input);
    return { savedQuery: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => DeleteSavedQueryPayload, { description: 'Delete a saved query with its versions (its owner or an ADMIN; never a template). A published operation stays registered for partners.' })
  async deleteSavedQuery(@Arg('id', () => ID, { description: 'SavedQuery id.' }) id: string, @Ctx() ctx: Context): Promise<DeleteSavedQueryPayload> {
    const r = await deleteSavedQuery(ctx, id);
    return { deletedId: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => PublishSavedQueryPayload, {
    description: 'Publish a saved query\'s current document as a persisted operation, so persisted-only partner API keys may call it by its hash (or exact text). ADMIN only.',
  })
  async publishSavedQuery(@Arg('id', () => ID, { description: 'SavedQuery id.' }) id: string, @Ctx() ctx: Context): Promise<PublishSavedQueryPayload> {
    const r = await publishSavedQuery(ctx, id);
    return { savedQuery: r.value?.savedQuery ?? null, operation: r.value ? opInfo(r.value.operation) : null, userErrors: r.userErrors };
  }
}

@Resolver(() => SavedQueryVersion)
export class SavedQueryVersionResolver {
  @FieldResolver(() => UserInfo, { nullable: true, description: 'Who saved this version; null for template versions.' })
  async editedBy(@Root() v: SavedQueryVersion, @Ctx() ctx: Context): Promise<UserInfo | null> {
    return ownerInfo(ctx, v.editedBy?.id);
  }
}
