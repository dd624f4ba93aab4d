import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSubgraphSchemaOf, generatedBanner } from '@ioc/kit';
import { composeSupergraph, type ComposableSubgraph } from '@ioc/gateway/compose';
import { buildContractSchema, contracts, printContract, type Audience } from '@ioc/gateway/contracts';
import { defaultSubgraphUrl, subgraphs } from './subgraphs';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const supergraphPath = join(repoRoot, 'gateway', 'supergraph.graphql');
export const subgraphSchemaPath = (dir: string) => join(repoRoot, dir, 'schema.graphql');
export const contractPath = (audience: Audience) => join(repoRoot, 'gateway', 'contracts', `${audience}.graphql`);

export interface GeneratedSchemas {
  /** Contents by absolute path. */
  files: Map<string, string>;
}

/** Everything `npm run schemas` writes: each subgraph's SDL, the composed supergraph and each contract. */
export async function generateSchemas(): Promise<GeneratedSchemas> {
  const files = new Map<string, string>();
  const composable = [];
  for (const { definition, dir } of subgraphs) {
    const { sdl } = await buildSubgraphSchemaOf(definition);
    files.set(subgraphSchemaPath(dir), generatedBanner + sdl);
    composable.push({ name: definition.name, url: defaultSubgraphUrl(definition), sdl });
  }
  const supergraphSdl = composeSupergraph(composable);
  files.set(supergraphPath, generatedBanner + supergraphSdl);
  for (const [path, content] of contractFiles(supergraphSdl)) files.set(path, content);
  return { files };
}

/** Each audience's contract as committed in `gateway/contracts/`, cut from a supergraph. */
export function contractFiles(supergraphSdl: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const audience of Object.keys(contracts) as Audience[]) {
    files.set(contractPath(audience), generatedBanner + printContract(buildContractSchema(supergraphSdl, contracts[audience].tag)));
  }
  return files;
}

/** Every subgraph's SDL as committed in its `schema.graphql`, ready to compose. */
export function committedSubgraphs(): ComposableSubgraph[] {
  return subgraphs.map(({ definition, dir }) => {
    const sdl = readOnce(subgraphSchemaPath(dir));
    if (sdl === undefined) throw new Error(`${dir}/schema.graphql is missing: run npm run schemas`);
    return { name: definition.name, url: defaultSubgraphUrl(definition), sdl };
  });
}

export function staleFiles({ files }: GeneratedSchemas): string[] {
  return [...files].filter(([path, content]) => readOnce(path) !== content).map(([path]) => path);
}

function readOnce(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
