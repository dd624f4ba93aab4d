/**
 * An example agency client, written as another agency's developers would write it against
 * docs/api.md: typed operations (operations.ts, gql.tada on the agency contract), hashes made at
 * build time (persisted.ts), queries sent as `documentId` only, and the alert stream resumed
 * from the last `sequence` after every reconnect. It imports nothing from this repository.
 */
import { print, type DocumentNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { ResultOf, VariablesOf } from './tada';
import { MyAlertsRaised } from './operations';
import { persisted } from './persisted';

type OperationName = keyof typeof persisted;
type Alert = ResultOf<typeof MyAlertsRaised>['alertRaised'];

export interface AgencyClientOptions {
  /** The gateway's GraphQL URL, e.g. https://graph.travinh.gov.vn/graphql. */
  url: string;
  /** Returns the current bearer token (renewed by the agency's identity provider). */
  token: () => Promise<string> | string;
}

export class GraphQLRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: Array<{ message: string; extensions?: { code?: string } }>,
  ) {
    super(errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`).join('; ') || `HTTP ${status}`);
  }
}

const nameOf = (document: DocumentNode): OperationName => {
  const definition = document.definitions[0];
  const name = definition && 'name' in definition ? definition.name?.value : undefined;
  if (!name || !(name in persisted)) throw new Error(`operation ${name ?? '(anonymous)'} has no generated hash: run generate.ts`);
  return name as OperationName;
};

export class AgencyClient {
  constructor(private readonly options: AgencyClientOptions) {}

  /** Runs a persisted query by its hash; throws with every error's code. */
  async query<D extends DocumentNode & { __apiType?: unknown }>(document: D, variables: VariablesOf<D>): Promise<ResultOf<D>> {
    const operationName = nameOf(document);
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.options.token()}` },
      body: JSON.stringify({ documentId: `sha256:${persisted[operationName]}`, operationName, variables }),
    });
    const body = (await response.json()) as { data?: ResultOf<D>; errors?: GraphQLRequestError['errors'] };
    if (!response.ok || body.errors?.length || !body.data) throw new GraphQLRequestError(response.status, body.errors ?? []);
    return body.data;
  }

  /**
   * This agency's alerts as they are raised, from `after` on, surviving reconnects: each new
   * socket subscribes again from the last `sequence` received, so nothing is missed or repeated.
   * Stops when `signal` aborts.
   */
  async *alertsRaised(options: { after?: string; signal: AbortSignal; retryDelayMs?: number }): AsyncGenerator<Alert> {
    let after = options.after;
    while (!options.signal.aborted) {
      const socket = this.socket();
      try {
        const stream = socket.iterate({
          query: print(MyAlertsRaised),
          operationName: 'MyAlertsRaised',
          variables: { after } satisfies VariablesOf<typeof MyAlertsRaised>,
          extensions: { persistedQuery: { version: 1, sha256Hash: persisted.MyAlertsRaised } },
        });
        options.signal.addEventListener('abort', () => void stream.return?.(), { once: true });
        for await (const result of stream) {
          if (result.errors?.length) throw new GraphQLRequestError(200, result.errors as GraphQLRequestError['errors']);
          const alert = (result.data as ResultOf<typeof MyAlertsRaised> | undefined)?.alertRaised;
          if (!alert) continue;
          after = alert.sequence;
          yield alert;
        }
      } catch (error) {
        // Refusals (a bad token, a refused operation) are final; a lost socket is retried.
        if (error instanceof GraphQLRequestError) throw error;
      } finally {
        await socket.dispose();
      }
      if (!options.signal.aborted) await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 1000));
    }
  }

  private socket(): Client {
    return createClient({
      url: this.options.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: async () => ({ authorization: `Bearer ${await this.options.token()}` }),
    });
  }
}
