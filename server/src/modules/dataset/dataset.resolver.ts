import { Arg, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import type { Context } from '../../graphql/context';
import { importDataset, IMPORT_SECTIONS, type ImportReport } from './dataset-import.service';
import { exportDataset } from './dataset-export.service';

@ObjectType('DatasetError', { description: 'One problem found in an imported dataset document.' })
export class DatasetErrorType {
  @Field(() => String, { description: 'JSON path of the offending value, e.g. "$.employees[3].nip".' })
  path!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The offending value as found in the document.' })
  value?: unknown;

  @Field(() => String, { description: 'What is wrong with it.' })
  message!: string;
}

@ObjectType('ImportCount', { description: 'What an import did to one section of the dataset.' })
export class ImportCount {
  @Field(() => String, { description: `Section: ${IMPORT_SECTIONS.join(', ')}.` })
  section!: string;

  @Field(() => Int, { description: 'Records created.' })
  created!: number;

  @Field(() => Int, { description: 'Existing records whose fields changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Records already exactly as in the file.' })
  unchanged!: number;
}

@ObjectType('ImportDatasetPayload', { description: 'Result of importing a dataset: all or nothing.' })
export class ImportDatasetPayload {
  @Field(() => Boolean, { description: 'True when the document is valid (and, unless dryRun, written).' })
  ok!: boolean;

  @Field(() => Boolean, { description: 'True when nothing was written on purpose (validation and counting only).' })
  dryRun!: boolean;

  @Field(() => [DatasetErrorType], { description: 'Every problem found, each with its JSON path. When not empty, nothing was written.' })
  errors!: DatasetErrorType[];

  @Field(() => [ImportCount], { description: 'Per-section counts (what was, or in a dry run would be, written).' })
  counts!: ImportCount[];

  @Field(() => Int, { description: 'Rows removed because the file restates a set (a position\'s standard, a training\'s targets, level descriptions).' })
  removed!: number;

  @Field(() => Int, { description: 'Time taken in milliseconds.' })
  millis!: number;
}

function toPayload(report: ImportReport): ImportDatasetPayload {
  return {
    ok: report.ok,
    dryRun: report.dryRun,
    errors: report.errors,
    counts: IMPORT_SECTIONS.map((section) => ({ section, ...report.counts[section] })),
    removed: report.removed,
    millis: report.millis,
  };
}

@Resolver()
export class DatasetResolver {
  @Mutation(() => ImportDatasetPayload, {
    description: 'Import a dataset document (shared/dataset-format.md) in one transaction: records are matched by natural keys (codes, NIP), '
      + 'so importing the same document twice changes nothing. Any error leaves the database as it was and lists every problem with its JSON path.',
  })
  async importDataset(
    @Arg('dataset', () => GraphQLJSONObject, { description: 'The dataset document.' }) dataset: Record<string, unknown>,
    @Arg('dryRun', () => Boolean, { nullable: true, defaultValue: false, description: 'Validate and count only; write nothing.' }) dryRun: boolean,
    @Ctx() ctx: Context,
  ): Promise<ImportDatasetPayload> {
    return toPayload(await importDataset(ctx.em, dataset, { dryRun, actor: ctx.actor }));
  }

  @Query(() => GraphQLJSONObject, { description: 'The whole database as a dataset document (same format as importDataset), ordered by natural keys.' })
  async exportDataset(@Ctx() ctx: Context): Promise<Record<string, unknown>> {
    return (await exportDataset(ctx.em)) as unknown as Record<string, unknown>;
  }
}
