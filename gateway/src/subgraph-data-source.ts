import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { gatewayTokenHeader, type Principal } from '@ioc/kit';
import type { GatewayTokenSigner } from './auth/gateway-tokens';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';

/**
 * A subgraph that cannot be reached yields an error that names it, with a code clients can
 * act on, instead of a bare "request to http://… failed" from the HTTP client.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource {
  constructor(
    readonly name: string,
    url: string,
    private readonly tokenFor: GatewayTokenSigner,
  ) {
    // Node's fetch (undici) drops idle sockets before the server does, using the server's
    // keep-alive hint; the default client keeps them forever and then hits closed ones.
    super({ url, fetcher: fetch as never });
  }

  /** Every subgraph request carries the verified caller, signed by the gateway. */
  override async willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource['willSendRequest']>>[0]): Promise<void> {
    const principal = (context as { principal?: Principal }).principal;
    if (principal) request.http?.headers.set(gatewayTokenHeader, await this.tokenFor(principal));
  }

  override async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code !== 'INTERNAL_SERVER_ERROR') throw error;
      const reason = (error as Error).message;
      throw new GraphQLError(`subgraph "${this.name}" is unavailable: ${reason}`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.name },
      });
    }
  }
}
