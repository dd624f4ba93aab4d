import { renderHook, waitFor } from '@testing-library/react';
import { GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { useRef, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { graphql } from '../src/graphql/tada';
import { ServicesProvider } from '../src/live/context';
import { useLiveSubscription } from '../src/live/hooks';
import { AuthStore } from '../src/lib/auth';
import { createClients } from '../src/lib/client';
import { ConnectionStore } from '../src/lib/connection';
import { maxSequence } from '../src/live/capped';

const Resume_Raised = graphql(`subscription Resume_Raised($after: String) { alertRaised(after: $after) { id sequence } }`);

const Alert = new GraphQLObjectType({
  name: 'Alert',
  fields: { id: { type: new GraphQLNonNull(GraphQLString) }, sequence: { type: new GraphQLNonNull(GraphQLString) } },
});

/**
 * A socket server that, like the gateway, replays alerts after the `after` it is given, then
 * drops the connection after each batch (a network blip) so the client has to come back.
 */
async function blinkingServer() {
  const afters: Array<string | null> = [];
  const alerts = ['1', '2', '3', '4'].map((sequence) => ({ id: `a-${sequence}`, sequence }));
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        alertRaised: {
          type: new GraphQLNonNull(Alert),
          args: { after: { type: GraphQLString } },
          subscribe: async function* (_root, args: { after?: string | null }) {
            afters.push(args.after ?? null);
            const from = Number(args.after ?? 0);
            // Two alerts per connection, then the connection drops.
            for (const alert of alerts.filter((each) => Number(each.sequence) > from).slice(0, 2)) yield { alertRaised: alert };
            if (from < 4) for (const client of server.clients) client.terminate();
            await new Promise(() => undefined);
          },
        },
      },
    }),
  });
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  useServer({ schema }, server);
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as { port: number }).port;
  return { afters, url: `ws://127.0.0.1:${port}/graphql`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('alert streams across reconnects', () => {
  it('resubscribe with after = the last sequence seen, so nothing is missed or repeated', async () => {
    const server = await blinkingServer();
    close = server.close;
    const auth = new AuthStore(undefined);
    const connection = new ConnectionStore();
    const clients = createClients(auth, connection, { url: 'http://127.0.0.1:1/graphql', socketUrl: server.url, webSocketImpl: WebSocket });
    const wrapper = ({ children }: { children: ReactNode }) => <ServicesProvider services={{ auth, connection, clients }}>{children}</ServicesProvider>;
    const received: string[] = [];
    renderHook(
      () => {
        const last = useRef<string>(undefined);
        return useLiveSubscription(
          Resume_Raised,
          {},
          (data) => {
            last.current = maxSequence(last.current, data.alertRaised.sequence);
            received.push(data.alertRaised.sequence);
          },
          { resume: () => last.current },
        );
      },
      { wrapper },
    );
    await waitFor(() => expect(received).toEqual(['1', '2', '3', '4']), { timeout: 15_000 });
    expect(server.afters).toEqual([null, '2']);
    await clients.socket.dispose();
  }, 30_000);
});
