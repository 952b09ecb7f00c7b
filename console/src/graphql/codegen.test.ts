// @vitest-environment node
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import { codegenConfig } from '../../codegen';

const consoleDir = path.resolve(import.meta.dirname, '../..');

describe('generated GraphQL types', () => {
  it('match schema/schema.graphql and the .graphql operations (run `pnpm --filter @sikap/console codegen`)', async () => {
    // Same config as the CLI, generated in memory: nothing is written.
    const cwd = process.cwd();
    process.chdir(consoleDir);
    try {
      const outputs = await generate({ ...codegenConfig, cwd: consoleDir }, false);
      expect(outputs.length).toBeGreaterThan(0);
      for (const output of outputs) {
        const committed = await readFile(path.resolve(consoleDir, output.filename), 'utf8').catch(() => '');
        expect(committed, `${output.filename} is stale: run \`pnpm --filter @sikap/console codegen\``).toBe(output.content);
      }
    } finally {
      process.chdir(cwd);
    }
  }, 60_000);
});
