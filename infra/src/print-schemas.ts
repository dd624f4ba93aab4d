import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { repoRoot, generateSchemas, staleFiles } from './schemas';

const generated = await generateSchemas();
const changed = staleFiles(generated);
for (const path of changed) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, generated.files.get(path)!);
}
console.log(changed.length ? `updated ${changed.map((p) => relative(repoRoot, p)).join(', ')}` : 'schemas up to date');
