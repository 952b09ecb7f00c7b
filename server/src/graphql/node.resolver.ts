import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from './context';
import { fromGlobalId, Node } from './node';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when it does not exist.' })
  async node(@Arg('id', () => ID, { description: 'Global id.' }) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    return loadNode(ctx, id);
  }

  @Query(() => [Node], { nullable: 'items', description: 'Objects by global ids, in the same order; null for ids that do not resolve. Loaded in one batch per type.' })
  async nodes(@Arg('ids', () => [ID], { description: 'Global ids (at most 500).' }) ids: string[], @Ctx() ctx: Context): Promise<(Node | null)[]> {
    return Promise.all(ids.slice(0, 500).map((id) => loadNode(ctx, id)));
  }
}

async function loadNode(ctx: Context, id: string): Promise<Node | null> {
  const decoded = fromGlobalId(id);
  if (!decoded) return null;
  const meta = ctx.em.getMetadata().find(decoded.typeName);
  if (!meta || !(meta.class.prototype instanceof Node)) return null;
  return (await ctx.loaders.byId(meta.class as never).load(decoded.id)) as Node | null;
}
