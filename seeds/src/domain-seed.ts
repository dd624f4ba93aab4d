import type { Logger, SubgraphDefinition } from '@ioc/kit';
import type { EntityManager } from 'typeorm';

export type SeedProfile = 'full' | 'small';

export interface SeedContext {
  profile: SeedProfile;
  logger: Logger;
}

/** One domain's seed: runs in one transaction of that service's data source, idempotently. */
export interface DomainSeed {
  name: string;
  /** Bump when the seed changes; a database seeded with an older version is seeded again. */
  version: number;
  subgraph: SubgraphDefinition;
  run(manager: EntityManager, context: SeedContext): Promise<Record<string, number>>;
}
