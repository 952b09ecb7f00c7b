import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInputObjectType, isInterfaceType, isObjectType, isEnumType } from 'graphql';
import { getSchema, printApiSchema } from './schema';

describe('schema/schema.graphql', () => {
  it('matches the schema built from the code (run `pnpm --filter @sikap/server emit-schema` after API changes)', async () => {
    const committed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../schema/schema.graphql'), 'utf8');
    expect(committed).toBe(await printApiSchema());
  });

  it('describes every type, field, argument and enum value', async () => {
    const schema = await getSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description && !['Query', 'Mutation'].includes(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description && !['first', 'after', 'last', 'before'].includes(arg.name) && !['input'].includes(arg.name)) {
              missing.push(`${type.name}.${field.name}(${arg.name})`);
            }
          }
        }
      }
      if (isEnumType(type)) {
        // Enum values are self-describing domain codes; the type description explains them.
        continue;
      }
    }
    expect(missing).toEqual([]);
  });
});
