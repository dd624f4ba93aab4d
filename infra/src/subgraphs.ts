import type { SubgraphDefinition } from '@ioc/kit';
import { economySubgraph } from '@ioc/economy';
import { egovSubgraph } from '@ioc/egov';
import { infrastructureSubgraph } from '@ioc/infrastructure';
import { securitySubgraph } from '@ioc/security';

export interface SubgraphEntry {
  definition: SubgraphDefinition;
  /** Folder of the service, relative to the repository root. */
  dir: string;
}

/** Every subgraph of the graph; composition, start-up and tests all read this one list. */
export const subgraphs: SubgraphEntry[] = [
  { definition: egovSubgraph, dir: 'services/egov' },
  { definition: infrastructureSubgraph, dir: 'services/infrastructure' },
  { definition: securitySubgraph, dir: 'services/security' },
  { definition: economySubgraph, dir: 'services/economy' },
];

export const defaultSubgraphUrl = (definition: SubgraphDefinition) => `http://localhost:${definition.defaultPort}/graphql`;
