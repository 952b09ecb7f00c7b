import {
  getNamedType, isCompositeType, isListType, isNonNullType, type GraphQLField, type GraphQLOutputType, type DocumentNode, type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../../graphql/pagination';

/**
 * Query cost, computed from the document before anything runs (Shopify's
 * model): an object costs 1, a scalar 0 (1 when it takes arguments: it is
 * computed), a mutation 10; a list multiplies its items' cost by its
 * requested size — `first`/`last` when given, the default page size for
 * connections, the number of `ids` for `nodes`, else an assumed
 * ASSUMED_LIST_SIZE. Expensive fields carry their own base cost below or as
 * an `@Extensions({ cost: n })` on the field.
 */
export const ASSUMED_LIST_SIZE = 10;
export const MUTATION_COST = 10;

/** Base costs of fields whose work is far above one row, by "Type.field". */
export const FIELD_COSTS: Record<string, number> = {
  'Query.employeeAggregate': 100,
  'Query.assignmentPlan': 500,
  'Query.savedAssignmentPlan': 20,
  'Query.exportDataset': 5000,
  'Query.auditLog': 5,
  'Mutation.importDataset': 5000,
  'Mutation.saveAssignmentPlan': 500,
  'Mutation.applyAssignmentPlan': 100,
  'Mutation.login': 10,
};

function unwrap(type: GraphQLOutputType): GraphQLOutputType {
  return isNonNullType(type) ? type.ofType : type;
}

function listSize(parentName: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const named = getNamedType(field.type);
  const isList = isListType(unwrap(field.type));
  const isConnection = named.name.endsWith('Connection');
  // edges/nodes of a connection are already counted by the connection field.
  if (parentName.endsWith('Connection')) return 1;
  if (typeof args.first === 'number') return Math.max(0, args.first);
  if (typeof args.last === 'number') return Math.max(0, args.last);
  if (isConnection) return DEFAULT_PAGE_SIZE;
  if (!isList) return 1;
  if (Array.isArray(args.ids)) return args.ids.length;
  return ASSUMED_LIST_SIZE;
}

export function estimateField({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  const key = `${type.name}.${field.name}`;
  const declared = field.extensions?.cost;
  const isMutationRoot = type.name === 'Mutation';
  const composite = isCompositeType(getNamedType(field.type));
  const base = typeof declared === 'number'
    ? declared
    : FIELD_COSTS[key] ?? (isMutationRoot ? MUTATION_COST : composite ? 1 : field.args.length > 0 ? 1 : 0);
  return base + listSize(type.name, field, args) * childComplexity;
}

export function requestedCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [estimateField] });
}

/**
 * What the response actually cost: one point per object returned, plus the
 * mutation cost per mutation field, using the same units as the estimate so
 * the difference can be refunded.
 */
export function actualCost(data: unknown, mutationFields: number): number {
  // Walked without Object.values: it would allocate an array per object of a large answer.
  let objects = 0;
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) walk(value[i]);
    } else if (value !== null && typeof value === 'object') {
      objects++;
      const record = value as Record<string, unknown>;
      for (const key in record) if (Object.hasOwn(record, key)) walk(record[key]);
    }
  };
  if (data && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    for (const key in record) if (Object.hasOwn(record, key)) walk(record[key]);
  }
  return objects + mutationFields * MUTATION_COST;
}
