import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readConfig } from '../db/config';
import { migrate, openOrm, type Orm } from '../db/orm';
import { ensurePolicyVersions } from '../db/bootstrap';
import { importDataset, IMPORT_SECTIONS, type ImportReport } from '../modules/dataset/dataset-import.service';
import { exportDataset } from '../modules/dataset/dataset-export.service';
import { generateDemoDataset } from '../modules/dataset/demo-generator';
import { DEFAULT_DEMO_EMPLOYEES } from '../modules/dataset/demo-seed';
import { registerAccessCommands } from '../modules/access/access.cli';

/**
 * Operations CLI. It reads the same environment as the server (DATABASE_URL,
 * DATA_DIR), so it works on the database `pnpm start` serves. Paths are
 * relative to the directory the command was started from.
 */
const cwd = process.env.INIT_CWD ?? process.cwd();

async function withOrm<T>(work: (orm: Orm) => Promise<T>): Promise<T> {
  const config = readConfig();
  const orm = await openOrm(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir });
  try {
    await migrate(orm);
    await ensurePolicyVersions(orm.em.fork() as EntityManager);
    return await work(orm);
  } finally {
    await orm.close();
  }
}

function printReport(report: ImportReport): void {
  if (!report.ok) {
    console.error(`Import refused: ${report.errors.length} error(s); nothing was written.`);
    for (const e of report.errors.slice(0, 200)) console.error(`  ${e.path}: ${e.message} (value: ${JSON.stringify(e.value)})`);
    if (report.errors.length > 200) console.error(`  … and ${report.errors.length - 200} more`);
    process.exitCode = 1;
    return;
  }
  console.log(`${report.dryRun ? 'Dry run (nothing written)' : 'Imported'} in ${(report.millis / 1000).toFixed(1)} s`);
  console.log('section                created  updated  unchanged');
  for (const s of IMPORT_SECTIONS) {
    const c = report.counts[s];
    console.log(`${s.padEnd(22)} ${String(c.created).padStart(7)}  ${String(c.updated).padStart(7)}  ${String(c.unchanged).padStart(9)}`);
  }
  if (report.removed) console.log(`removed (sets restated by the file): ${report.removed}`);
}

const program = new Command('sikap').description('Sikap operations: import, export and demo data.');

program.command('import')
  .argument('<file>', 'dataset JSON file')
  .option('--dry-run', 'validate and count only; write nothing')
  .description('Import a dataset file in one transaction (all or nothing).')
  .action(async (file: string, opts: { dryRun?: boolean }) => {
    const text = fs.readFileSync(path.resolve(cwd, file), 'utf8');
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (error) {
      console.error(`${file} is not valid JSON: ${(error as Error).message}`);
      process.exitCode = 1;
      return;
    }
    await withOrm(async (orm) => printReport(await importDataset(orm.em as EntityManager, doc, { dryRun: opts.dryRun, actor: 'cli' })));
  });

program.command('export')
  .argument('<file>', 'where to write the dataset JSON ("-" for standard output)')
  .description('Export the whole database as a dataset file.')
  .action(async (file: string) => {
    await withOrm(async (orm) => {
      const json = `${JSON.stringify(await exportDataset(orm.em as EntityManager), null, 2)}\n`;
      if (file === '-') process.stdout.write(json);
      else {
        fs.writeFileSync(path.resolve(cwd, file), json);
        console.log(`wrote ${file}`);
      }
    });
  });

program.command('seed')
  .option('--employees <n>', 'number of employees', String(DEFAULT_DEMO_EMPLOYEES))
  .option('--seed <s>', 'random seed (same seed, same data)', '1')
  .option('--out <file>', 'also write the generated dataset to this file')
  .option('--dry-run', 'generate and validate only; write nothing to the database')
  .description('Generate the deterministic Kota Medan demo dataset and import it.')
  .action(async (opts: { employees: string; seed: string; out?: string; dryRun?: boolean }) => {
    const employees = Number(opts.employees);
    const seed = Number(opts.seed);
    if (!Number.isInteger(employees) || employees < 1) throw new Error(`--employees must be a positive whole number, got ${opts.employees}`);
    if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got ${opts.seed}`);
    const t0 = Date.now();
    const dataset = generateDemoDataset({ employees, seed });
    console.log(`generated ${employees} employees in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (opts.out) fs.writeFileSync(path.resolve(cwd, opts.out), `${JSON.stringify(dataset, null, 2)}\n`);
    await withOrm(async (orm) => printReport(await importDataset(orm.em as EntityManager, dataset, { dryRun: opts.dryRun, actor: 'seed' })));
  });

registerAccessCommands(program, withOrm);

await program.parseAsync(process.argv);
