import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { gatewayTokenHeader, scopeOf, type Principal } from '@ioc/kit';
import type { GatewayTokenSigner } from './auth/gateway-tokens';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { shareScopeHeader, type InflightSharing } from './inflight-sharing';

type ProcessOptions = GraphQLDataSourceProcessOptions;

/** The kind of client operation a subgraph request serves; undefined for the gateway's own requests. */
const incomingKind = (options: ProcessOptions) => ('incomingRequestContext' in options ? options.incomingRequestContext.operation?.operation : undefined);

/**
 * A subgraph that cannot be reached yields an error that names it, with a code clients can
 * act on, instead of a bare "request to http://… failed" from the HTTP client.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource {
  constructor(
    readonly name: string,
    url: string,
    private readonly tokenFor: GatewayTokenSigner,
    private readonly sharing?: InflightSharing,
  ) {
    // Node's fetch (undici) drops idle sockets before the server does, using the server's
    // keep-alive hint; the default client keeps them forever and then hits closed ones.
    super({ url, fetcher: (sharing?.fetch ?? fetch) as never });
  }

  /**
   * Every subgraph request carries the verified caller, signed by the gateway. A query's fetches
   * may be shared with identical ones of the same scope (equal rights, so equal answers).
   */
  override async willSendRequest(options: ProcessOptions): Promise<void> {
    const principal = (options.context as { principal?: Principal }).principal;
    if (!principal) return;
    options.request.http?.headers.set(gatewayTokenHeader, await this.tokenFor(principal));
    if (this.sharing && incomingKind(options) === 'query') options.request.http?.headers.set(shareScopeHeader, scopeOf(principal));
  }

  override async process(options: ProcessOptions): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code !== 'INTERNAL_SERVER_ERROR') throw error;
      const reason = (error as Error).message;
      throw new GraphQLError(`subgraph "${this.name}" is unavailable: ${reason}`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.name },
      });
    } finally {
      if (incomingKind(options) === 'mutation') this.sharing?.wrote();
    }
  }
}
