import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { graphql } from '../src/graphql/tada';
import { ServicesProvider } from '../src/live/context';
import { useLiveSubscription } from '../src/live/hooks';
import { AuthStore } from '../src/lib/auth';
import type { ConsoleClients } from '../src/lib/client';
import { ConnectionStore } from '../src/lib/connection';
import { fakeGraph } from './harness';

const Streams_Changed = graphql(`subscription Streams_Changed { serverHealthChanged { id health } }`);

afterEach(cleanup);

function mount(graph: ReturnType<typeof fakeGraph>, onEvent: (data: unknown) => void) {
  const connection = new ConnectionStore();
  connection.connected();
  const services = { auth: new AuthStore(undefined), connection, clients: { client: graph.client, socket: {} as ConsoleClients['socket'] } };
  const wrapper = ({ children }: { children: ReactNode }) => <ServicesProvider services={services}>{children}</ServicesProvider>;
  return renderHook(() => useLiveSubscription(Streams_Changed, {}, onEvent), { wrapper });
}

const opened = (graph: ReturnType<typeof fakeGraph>) => graph.seen.filter((each) => each.name === 'Streams_Changed').length;

describe('live streams', () => {
  it('open again on their own after the gateway ends them with SUPERGRAPH_RELOADED', async () => {
    const graph = fakeGraph({});
    const events: unknown[] = [];
    const { result } = mount(graph, (data) => events.push(data));
    await waitFor(() => expect(opened(graph)).toBe(1));
    act(() => graph.end('Streams_Changed', 'SUPERGRAPH_RELOADED', 'the graph was updated: subscribe again'));
    expect(result.current.failure?.retry).toBe(true);
    await waitFor(() => expect(opened(graph)).toBe(2), { timeout: 5000 });
    act(() => graph.push('Streams_Changed', { serverHealthChanged: { id: 'vm-001', health: 'CRITICAL' } }));
    expect(events).toHaveLength(1);
    expect(result.current.failure).toBeUndefined();
  });

  it('stay closed after a refusal and report it', async () => {
    const graph = fakeGraph({});
    const { result } = mount(graph, () => undefined);
    await waitFor(() => expect(opened(graph)).toBe(1));
    act(() => graph.end('Streams_Changed', 'FORBIDDEN', 'forbidden: Subscription.serverHealthChanged'));
    expect(result.current.failure).toEqual({ kind: 'refused', message: 'forbidden: Subscription.serverHealthChanged', retry: false });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(opened(graph)).toBe(1);
  });
});
