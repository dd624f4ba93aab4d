import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSubgraphSchemaOf, generatedBanner } from '@ioc/kit';
import { composeSupergraph } from '@ioc/gateway/compose';
import { defaultSubgraphUrl, subgraphs } from './subgraphs';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const supergraphPath = join(repoRoot, 'gateway', 'supergraph.graphql');
export const subgraphSchemaPath = (dir: string) => join(repoRoot, dir, 'schema.graphql');

export interface GeneratedSchemas {
  /** Contents by absolute path. */
  files: Map<string, string>;
}

/** Everything `npm run schemas` writes: each subgraph's SDL and the composed supergraph. */
export async function generateSchemas(): Promise<GeneratedSchemas> {
  const files = new Map<string, string>();
  const composable = [];
  for (const { definition, dir } of subgraphs) {
    const { sdl } = await buildSubgraphSchemaOf(definition);
    files.set(subgraphSchemaPath(dir), generatedBanner + sdl);
    composable.push({ name: definition.name, url: defaultSubgraphUrl(definition), sdl });
  }
  files.set(supergraphPath, generatedBanner + composeSupergraph(composable));
  return { files };
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
