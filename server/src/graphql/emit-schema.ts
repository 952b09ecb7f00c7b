import fs from 'node:fs';
import path from 'node:path';
import { printApiSchema } from './schema';

const target = path.resolve(import.meta.dirname, '../../../schema/schema.graphql');
fs.writeFileSync(target, await printApiSchema());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
