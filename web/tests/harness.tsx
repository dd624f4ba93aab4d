import { Client, makeResult, type Exchange, type Operation } from '@urql/core';
import { configure, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { filter, fromValue, makeSubject, map, mergeMap, pipe, takeUntil, takeWhile, type Subject } from 'wonka';
import { I18nProvider } from '../src/i18n/i18n';
import { ServicesProvider, type Services } from '../src/live/context';
import { AuthStore, type Role } from '../src/lib/auth';
import type { ConsoleClients } from '../src/lib/client';
import { ConnectionStore } from '../src/lib/connection';
import type { Lang } from '../src/lib/format';

// The default run shares two cores with the e2e suites: give async assertions room.
configure({ asyncUtilTimeout: 5000 });

/** A JWT-shaped token (unsigned: the console only reads claims; the gateway verifies). */
export function tokenFor(role: Role): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
  return `${encode({ alg: 'none' })}.${encode({ role, sub: `dev-${role}`, exp: Math.floor(Date.now() / 1000) + 3600 })}.x`;
}

function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, value),
  };
}

function operationName(operation: Operation): string {
  const definition = operation.query.definitions.find((each) => each.kind === 'OperationDefinition');
  return definition && 'name' in definition && definition.name ? definition.name.value : '';
}

/**
 * The console over an in-memory graph: queries answer from `answers` by operation name (a
 * function gets the variables), subscriptions are subjects the test pushes events into.
 */
export function fakeGraph(answers: Record<string, unknown | ((variables: Record<string, unknown>) => unknown)>) {
  // An event is data, or the end of the stream with the gateway's error (as a SUPERGRAPH_RELOADED ends it).
  type Event = { data: unknown } | { end: { message: string; code: string } };
  const streams = new Map<string, Subject<Event>>();
  const seen: Array<{ name: string; variables: Record<string, unknown> }> = [];
  const stream = (name: string) => {
    let subject = streams.get(name);
    if (!subject) {
      subject = makeSubject<Event>();
      streams.set(name, subject);
    }
    return subject;
  };
  const exchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((operation) => operation.kind !== 'teardown'),
      mergeMap((operation) => {
        const name = operationName(operation);
        const variables = (operation.variables ?? {}) as Record<string, unknown>;
        seen.push({ name, variables });
        const ended = pipe(operations$, filter((each) => each.kind === 'teardown' && each.key === operation.key));
        if (operation.kind === 'subscription') {
          return pipe(
            stream(name).source,
            takeWhile((event) => !('end' in event), true),
            map((event) =>
              'end' in event
                ? makeResult(operation, { data: null, errors: [{ message: event.end.message, extensions: { code: event.end.code } }], hasNext: false })
                : makeResult(operation, { data: event.data as Record<string, unknown>, hasNext: true }),
            ),
            takeUntil(ended),
          );
        }
        const answer = answers[name];
        const data = typeof answer === 'function' ? (answer as (v: Record<string, unknown>) => unknown)(variables) : answer;
        return fromValue(makeResult(operation, { data: (data ?? null) as Record<string, unknown> | null }));
      }),
    );
  const client = new Client({ url: 'http://test/graphql', exchanges: [exchange] });
  return {
    client,
    seen,
    push: (name: string, data: unknown) => stream(name).next({ data }),
    end: (name: string, code: string, message = code) => stream(name).next({ end: { message, code } }),
  };
}

export function renderConsole(ui: ReactNode, options: { role?: Role | null; lang?: Lang; client: Client }) {
  const auth = new AuthStore(memoryStorage());
  if (options.role !== null) {
    const token = tokenFor(options.role ?? 'soc-analyst');
    auth.signIn({ token, role: options.role ?? 'soc-analyst', agencyId: null, expiresAt: null });
  }
  const connection = new ConnectionStore();
  connection.connected();
  const services: Services = { auth, connection, clients: { client: options.client, socket: {} as ConsoleClients['socket'] } };
  const view = render(
    <ServicesProvider services={services}>
      <I18nProvider initial={options.lang ?? 'vi'}>{ui}</I18nProvider>
    </ServicesProvider>,
  );
  return { ...view, auth, connection };
}
