import { cacheExchange, type Cache, type CacheExchangeOpts } from '@urql/exchange-graphcache';
import type { CreateUnitMutation, DeleteUnitMutation, UpdateUnitMutation, UpdateUnitMutationVariables } from './generated/graphql';

/**
 * Object types that have no `id` and so are stored inside their parent
 * instead of as entities. `cache.test.ts` checks that every type the
 * console's operations select either has an `id` or is listed here, so a new
 * operation cannot silently produce a graphcache "Invalid key" warning.
 */
export const embeddedTypes = [
  'UnitConnection',
  'UnitEdge',
  'PageInfo',
  'UnitPayload',
  'DeletePayload',
  'UserError',
] as const;

const embedded = (): null => null;

/** Drops every cached `Query.<field>(…)` result, whatever its arguments, so active lists refetch. */
export function invalidateQueryField(cache: Cache, fieldName: string): void {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === fieldName) cache.invalidate('Query', field.fieldName, field.arguments ?? undefined);
  }
}

function unitRef(id: string): { __typename: 'Unit'; id: string } {
  return { __typename: 'Unit', id };
}

export const cacheConfig: CacheExchangeOpts = {
  keys: Object.fromEntries(embeddedTypes.map((name) => [name, embedded])),
  updates: {
    Mutation: {
      createUnit(result: CreateUnitMutation, _args, cache) {
        const unit = result.createUnit.unit;
        if (!unit) return;
        // A new unit can land on any page of any filtered list, and under its parent in the tree.
        invalidateQueryField(cache, 'units');
        if (unit.parent) cache.invalidate(unitRef(unit.parent.id), 'children');
      },
      updateUnit(result: UpdateUnitMutation, args: UpdateUnitMutationVariables, cache) {
        const unit = result.updateUnit.unit;
        if (!unit) return;
        // Code, name or type changes move the unit between filtered and sorted pages.
        invalidateQueryField(cache, 'units');
        // `unit(code:)` lookups are keyed by the old code, which may now belong to nobody.
        invalidateQueryField(cache, 'unit');
        if (args.input.parent !== undefined) {
          // UpdateUnit deliberately does not select `parent`, so the cached link here is still the old
          // parent: both the old and the new parent's child lists change.
          const oldParent = cache.resolve(unitRef(unit.id), 'parent');
          if (typeof oldParent === 'string') cache.invalidate(oldParent, 'children');
          if (args.input.parent) cache.invalidate(unitRef(args.input.parent), 'children');
          cache.invalidate(unitRef(unit.id), 'parent');
        }
      },
      deleteUnit(result: DeleteUnitMutation, _args, cache) {
        const id = result.deleteUnit.deletedId;
        if (!id) return;
        // Invalidating the entity refetches every query that showed it: lists, the tree, the drawer.
        cache.invalidate(unitRef(id));
        invalidateQueryField(cache, 'units');
      },
    },
  },
};

export const createCacheExchange = () => cacheExchange(cacheConfig);
