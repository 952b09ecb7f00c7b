import type { EntityManager } from '@mikro-orm/postgresql';
import { Employee } from '../employee/employee.entity';
import { generateDemoDataset } from './demo-generator';
import { importDataset } from './dataset-import.service';

export const DEFAULT_DEMO_EMPLOYEES = 15_000;

/** Seeds the Kota Medan demo dataset into an empty database; a seeded one starts without this cost. */
export async function seedDemoIfEmpty(em: EntityManager, log: (message: string) => void): Promise<void> {
  if ((await em.fork().count(Employee, {})) > 0) return;
  const employees = Number(process.env.SEED_EMPLOYEES ?? DEFAULT_DEMO_EMPLOYEES);
  log(`Empty database: seeding the Kota Medan demo dataset (${employees} employees)…`);
  const t0 = Date.now();
  const dataset = generateDemoDataset({ employees, seed: 1 });
  const t1 = Date.now();
  const report = await importDataset(em, dataset, { actor: 'demo-seed' });
  if (!report.ok) throw new Error(`Demo dataset failed to import: ${report.errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  log(`Seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s (generate ${((t1 - t0) / 1000).toFixed(1)} s, import ${(report.millis / 1000).toFixed(1)} s).`);
}
