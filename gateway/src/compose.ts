import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface ComposableSubgraph {
  name: string;
  url: string;
  sdl: string;
}

export class CompositionError extends Error {
  constructor(readonly messages: string[]) {
    super(`supergraph composition failed:\n${messages.map((m) => `  - ${m}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

/** Composes subgraph SDL into a supergraph with @apollo/composition (no rover binary needed). */
export function composeSupergraph(subgraphs: ComposableSubgraph[]): string {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  return result.supergraphSdl;
}
