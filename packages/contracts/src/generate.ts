// `pnpm --filter @crm/contracts build`: writes dist/schemas/<type>.json for every public event
// type and dist/schemas/index.json listing them by topic.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eventCatalog, eventJsonSchema } from './json-schema.ts';

const out = resolve(process.argv[2] ?? 'dist', 'schemas');
mkdirSync(out, { recursive: true });
for (const { type } of eventCatalog) {
  writeFileSync(join(out, `${type}.json`), `${JSON.stringify(eventJsonSchema(type), null, 2)}\n`);
}
const index = eventCatalog.map(({ topic, type }) => ({ topic, type, schema: `${type}.json` }));
writeFileSync(join(out, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
process.stdout.write(`wrote ${eventCatalog.length} event schemas to ${out}\n`);
