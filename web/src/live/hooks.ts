import { createRequest, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { useEffect, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { onEnd, pipe, subscribe } from 'wonka';
import type { ResumeCursor } from '../lib/client';
import { useConnectionState, useServices } from './context';
import { describeFailure, type Failure } from './errors';

export interface LiveQuery<Data> {
  data: Data | undefined;
  failure: Failure | undefined;
  fetching: boolean;
  /** When the data last came from the graph (ms since epoch). */
  receivedAt: number | undefined;
}

/**
 * A query whose answer a subscription keeps current. It is asked again whenever the socket
 * reconnects, since events missed while it was down are not replayed for counts and summaries.
 */
export function useLiveQuery<Data, Variables extends AnyVariables>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  options: { pause?: boolean } = {},
): LiveQuery<Data> & { refetch: () => void } {
  const [result, reexecute] = useQuery<Data, Variables>({ query, variables, pause: options.pause } as never);
  const connection = useConnectionState();
  const [receivedAt, setReceivedAt] = useState<number>();
  const wasLive = useRef(connection === 'live');

  useEffect(() => {
    if (result.data && !result.stale) setReceivedAt(Date.now());
  }, [result.data, result.stale]);

  useEffect(() => {
    const live = connection === 'live';
    if (live && !wasLive.current && !options.pause) reexecute({ requestPolicy: 'network-only' });
    wasLive.current = live;
  }, [connection, reexecute, options.pause]);

  return {
    data: result.data,
    failure: result.error ? describeFailure(result.error) : undefined,
    fetching: result.fetching,
    receivedAt,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export interface LiveStream {
  /** Set while the stream is refused or down (and being opened again when `retry`). */
  failure: Failure | undefined;
  /** When the last event arrived (ms since epoch). */
  eventAt: number | undefined;
}

/**
 * Opens a subscription and hands each event to `onEvent`. Streams the gateway ends
 * (SUPERGRAPH_RELOADED, a subgraph away, or simply completed) are opened again with backoff;
 * refusals stay closed and are reported. `resume` is read on every (re)send, so resumable
 * streams ask for what came after the last event seen.
 */
export function useLiveSubscription<Data, Variables extends AnyVariables>(
  subscription: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  onEvent: (data: Data) => void,
  options: { pause?: boolean; resume?: ResumeCursor } = {},
): LiveStream {
  const { clients } = useServices();
  const [failure, setFailure] = useState<Failure>();
  const [eventAt, setEventAt] = useState<number>();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const resume = useRef(options.resume);
  resume.current = options.resume;
  const key = JSON.stringify(variables);

  useEffect(() => {
    if (options.pause) return;
    let stopped = false;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let current: { unsubscribe: () => void } | undefined;

    const open = () => {
      const request = createRequest(subscription, JSON.parse(key) as Variables);
      let retry = true;
      current = pipe(
        clients.client.executeSubscription(request, resume.current ? { resume: () => resume.current?.() } : {}),
        onEnd(() => {
          if (stopped || !retry) return;
          const wait = Math.min(1000 * 2 ** attempt, 15_000);
          attempt += 1;
          timer = setTimeout(open, wait);
        }),
        subscribe((result) => {
          // urql closes a completed subscription with a patch that repeats the last event's data.
          if (result.hasNext === false && !result.error) return;
          if (result.error) {
            const described = describeFailure(result.error);
            retry = described.retry || result.error.graphQLErrors.length === 0;
            setFailure(described);
            return;
          }
          if (result.data) {
            attempt = 0;
            setFailure(undefined);
            setEventAt(Date.now());
            handler.current(result.data);
          }
        }),
      );
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      current?.unsubscribe();
    };
  }, [clients, subscription, key, options.pause]);

  return { failure, eventAt };
}
