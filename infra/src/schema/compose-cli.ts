/**
 * `npm run compose [-- --regenerate <subgraph>]`: composes every subgraph's committed SDL
 * (`services/<name>/schema.graphql`) into `gateway/supergraph.graphql` and the contracts, printing
 * composition errors and hints with their subgraph and type. Exits 1 when the graph does not
 * compose (nothing is written then). `--regenerate` first rewrites that subgraph's SDL from its
 * code (what `npm run dev:subgraph` does on every change); `npm run schemas` regenerates them all.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { buildSubgraphSchemaOf, generatedBanner } from '@ioc/kit';
import { composeReport, formatIssue } from '@ioc/gateway/compose';
import { committedSubgraphs, contractFiles, repoRoot, staleFiles, subgraphSchemaPath, supergraphPath } from '../schemas';
import { subgraphs } from '../subgraphs';
import { adviceFor } from './advice';

const regenerate = process.argv[2] === '--regenerate' ? process.argv[3] : undefined;
if (regenerate !== undefined) {
  const entry = subgraphs.find(({ definition }) => definition.name === regenerate);
  if (!entry) {
    console.error(`compose: unknown subgraph "${regenerate}"; the subgraphs are ${subgraphs.map(({ definition }) => definition.name).join(', ')}`);
    process.exit(2);
  }
  const sdl = { files: new Map([[subgraphSchemaPath(entry.dir), generatedBanner + (await buildSubgraphSchemaOf(entry.definition)).sdl]]) };
  for (const path of staleFiles(sdl)) writeFileSync(path, sdl.files.get(path)!);
}

const report = composeReport(committedSubgraphs());
for (const error of report.errors) console.error(`✗ ${formatIssue(error)}\n    what to do: ${adviceFor(error.code)}`);
for (const hint of report.hints) console.log(`hint ${formatIssue(hint)}`);
if (!report.supergraphSdl) {
  console.error(`\ncomposition failed with ${report.errors.length} error${report.errors.length === 1 ? '' : 's'}; gateway/supergraph.graphql is unchanged`);
  process.exit(1);
}
const files = new Map([[supergraphPath, generatedBanner + report.supergraphSdl], ...contractFiles(report.supergraphSdl)]);
const changed = staleFiles({ files });
for (const path of changed) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, files.get(path)!);
}
console.log(changed.length ? `composed: updated ${changed.map((path) => relative(repoRoot, path)).join(', ')}` : 'composed: supergraph and contracts up to date');
