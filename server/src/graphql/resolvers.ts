import type { NonEmptyArray } from 'type-graphql';
import { NodeResolver } from './node.resolver';
import { UnitResolver } from '../modules/unit/unit.resolver';

/** Every resolver class of the API; the schema is built from this list. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  UnitResolver,
];
