/**
 * `npm run schema:check [-- <subgraph>…] [--sdl <subgraph>=<file>] [--verbose]`
 *
 * Builds the named subgraphs' SDL from their code (all four when none is named; the others are
 * taken as committed in their schema.graphql), or from a file with --sdl, then runs the schema
 * check against the committed supergraph and `main`'s. Exits 1 when the check fails. Safe changes
 * are counted; --verbose lists them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { buildSubgraphSchemaOf } from '@ioc/kit';
import { committedSubgraphs, repoRoot, supergraphPath } from '../schemas';
import { subgraphs } from '../subgraphs';
import { readAcknowledgements } from './acknowledgements';
import { checkSchemas, formatReport, type Baseline } from './check';
import { knownOperations } from './operations';

const { named, files, verbose } = parseArguments(process.argv.slice(2));
const known = new Set(subgraphs.map(({ definition }) => definition.name));
for (const name of [...named, ...files.keys()]) {
  if (!known.has(name)) {
    console.error(`schema:check: unknown subgraph "${name}"; the subgraphs are ${[...known].join(', ')}`);
    process.exit(2);
  }
}
const fromCode = named.length || files.size ? new Set(named) : known;
const current = await Promise.all(
  committedSubgraphs().map(async (subgraph) => {
    const file = files.get(subgraph.name);
    if (file) return { ...subgraph, sdl: readFileSync(file, 'utf8') };
    if (!fromCode.has(subgraph.name)) return subgraph;
    const { definition } = subgraphs.find((entry) => entry.definition.name === subgraph.name)!;
    return { ...subgraph, sdl: (await buildSubgraphSchemaOf(definition)).sdl };
  }),
);

const baselines: Baseline[] = [{ label: 'the committed supergraph', supergraphSdl: readFileSync(supergraphPath, 'utf8') }];
const onMain = gitShow('main:gateway/supergraph.graphql');
if (onMain === undefined) console.log('Note: no `main` branch here: compared with the committed supergraph only');
else if (onMain !== baselines[0]!.supergraphSdl) baselines.push({ label: 'main', supergraphSdl: onMain });

const report = await checkSchemas({ subgraphs: current, baselines, operations: knownOperations(repoRoot), acknowledgements: readAcknowledgements(repoRoot) });
console.log(`Checked ${[...fromCode, ...files.keys()].join(', ')} against ${baselines.map((baseline) => baseline.label).join(' and ')}.`);
console.log(formatReport(report, { verbose }));
process.exit(report.failures.length ? 1 : 0);

function parseArguments(args: string[]): { named: string[]; files: Map<string, string>; verbose: boolean } {
  const named: string[] = [];
  const files = new Map<string, string>();
  let verbose = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--verbose') verbose = true;
    else if (arg === '--sdl') {
      const [name, file] = (args[++i] ?? '').split('=');
      if (!name || !file) {
        console.error('schema:check: --sdl takes <subgraph>=<file>');
        process.exit(2);
      }
      files.set(name, file);
    } else named.push(arg);
  }
  return { named, files, verbose };
}

function gitShow(object: string): string | undefined {
  try {
    return execFileSync('git', ['show', object], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}
