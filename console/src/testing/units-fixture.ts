import type { UnitType } from '../graphql/generated/graphql';

export interface FixtureUnit {
  id: string;
  code: string;
  name: string;
  type: UnitType;
  parent: string | null;
}

/** A small unit tree, with __typename so graphcache can normalise the answers. */
export function unitTree(): FixtureUnit[] {
  return [
    { id: 'U1', code: 'DINKES', name: 'Dinas Kesehatan', type: 'DINAS', parent: null },
    { id: 'U2', code: 'PKM-DELI', name: 'Puskesmas Medan Deli', type: 'PUSKESMAS', parent: 'U1' },
    { id: 'U3', code: 'DISDIK', name: 'Dinas Pendidikan', type: 'DINAS', parent: null },
  ];
}

export const asNode = (u: FixtureUnit) => ({ __typename: 'Unit' as const, id: u.id, code: u.code, name: u.name, type: u.type });

/** Pages units the way the server does: by code, `first/after` and `last/before` with index cursors. */
export function pageOf<T>(items: T[], v: Record<string, unknown>) {
  const after = typeof v.after === 'string' ? Number(v.after.replace('c', '')) + 1 : 0;
  const before = typeof v.before === 'string' ? Number(v.before.replace('c', '')) : items.length;
  let start = after;
  let end = before;
  if (typeof v.last === 'number') start = Math.max(after, end - v.last);
  else end = Math.min(before, start + (typeof v.first === 'number' ? v.first : 50));
  return {
    __typename: 'UnitConnection' as const,
    totalCount: items.length,
    nodes: items.slice(start, end),
    pageInfo: {
      __typename: 'PageInfo' as const,
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: end > start ? `c${start}` : null,
      endCursor: end > start ? `c${end - 1}` : null,
    },
  };
}
