import type { HasLoaders, Logger } from '@ioc/kit';

/** No database and no event bus: the products subgraph serves fixed in-memory data. */
export interface ProductsContext extends HasLoaders {
  requestId: string;
  logger: Logger;
}
