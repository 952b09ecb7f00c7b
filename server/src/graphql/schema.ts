import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers';

let built: Promise<GraphQLSchema> | undefined;

/** The API schema, built once per process from the resolver classes. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers, validate: false, emitSchemaFile: false });
  return built;
}

/** The committed SDL: sorted so that reordering code does not churn the file. */
export async function printApiSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
