import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import { createLogger, LoaderRegistry, startGraphQLServer, type Logger, type RunningServer } from '@ioc/kit';
import type { ProductsContext } from './context';
import { buildProductsSchema } from './subgraph-schema';

export interface ProductsServerOptions {
  port: number;
  host?: string;
  logger?: Logger;
}

export interface RunningProducts extends RunningServer {
  sdl: string;
}

/** The products subgraph on the kit's server: GraphQL at `/graphql`, inline traces (ftv1) on request, as `startSubgraph` does. */
export async function startProductsSubgraph(options: ProductsServerOptions): Promise<RunningProducts> {
  const logger = options.logger ?? createLogger('products');
  const { schema, sdl } = await buildProductsSchema();
  const server = await startGraphQLServer<ProductsContext>({
    name: 'products',
    port: options.port,
    host: options.host,
    logger,
    apollo: { schema, introspection: true, plugins: [ApolloServerPluginInlineTrace()] },
    context: async ({ requestId }) => ({ requestId, logger: logger.child({ requestId }), loaders: new LoaderRegistry() }),
  });
  return { ...server, sdl };
}
