/**
 * `npm run compose`: composes every subgraph's committed SDL (`services/<name>/schema.graphql`)
 * into `gateway/supergraph.graphql` and the contracts, printing composition errors and hints with
 * their subgraph and type. Exits 1 when the graph does not compose (nothing is written then).
 * `npm run schemas` does the same from the code, regenerating the subgraphs' SDL first.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { generatedBanner } from '@ioc/kit';
import { composeReport, formatIssue } from '@ioc/gateway/compose';
import { committedSubgraphs, contractFiles, repoRoot, staleFiles, supergraphPath } from '../schemas';
import { adviceFor } from './advice';

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
