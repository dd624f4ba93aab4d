import type { Logger, SubgraphDefinition } from '@ioc/kit';
import type { EntityManager } from 'typeorm';

export type SeedProfile = 'full' | 'small';

export interface SeedContext {
  profile: SeedProfile;
  logger: Logger;
  /**
   * Volume factor (a positive integer, 1 by default): the synthetic generators whose volume grows
   * with the province's activity (dossiers, feedback, alerts) write `scale` times their rows;
   * the fixed catalogue (units, agencies, procedures, stations, systems) does not grow. Benchmarks
   * only: at scale > 1 the plan's 2022 figures are multiplied too (see seedScaleOf).
   */
  scale?: number;
  /** Progress of a long seed (scaled ones), one line each. */
  progress?: (line: string) => void;
}

/** One domain's seed: runs in one transaction of that service's data source, idempotently. */
export interface DomainSeed {
  name: string;
  /** Bump when the seed changes; a database seeded with an older version is seeded again. */
  version: number;
  subgraph: SubgraphDefinition;
  run(manager: EntityManager, context: SeedContext): Promise<Record<string, number>>;
}
