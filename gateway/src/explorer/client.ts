/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The explorer page's script, bundled by ./explorer.ts for the browser: GraphiQL on this gateway,
// with a field for the caller's bearer token. Nothing is fetched from anywhere but this origin.
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import 'graphiql/style.css';
import { buildSchema, getOperationAST, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { createElement as h, StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';

const tokenKey = 'ioc.explorer.token';
const endpoint = new URL('/graphql', location.href);
const socketUrl = `${endpoint.protocol === 'https:' ? 'wss' : 'ws'}://${endpoint.host}${endpoint.pathname}`;
type Fetcher = GraphiQLProps['fetcher'];

/** Queries over HTTP POST, subscriptions over graphql-ws, both with the token. */
function fetcherFor(token: string, socket: Client): Fetcher {
  const authorization: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return (params) => {
    let kind: string | undefined;
    try {
      kind = getOperationAST(parse(params.query), params.operationName ?? undefined)?.operation;
    } catch {
      kind = undefined; // the gateway reports the syntax error
    }
    // graphql-ws yields formatted results (plain errors); GraphiQL reads only their fields.
    if (kind === 'subscription') return socket.iterate({ query: params.query, operationName: params.operationName ?? undefined, variables: params.variables }) as unknown as AsyncIterable<ExecutionResult>;
    return fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...authorization },
      body: JSON.stringify(params),
    }).then((response) => response.json());
  };
}

/**
 * The schema this token may use, from `GET /schema.graphql` (an agency client gets its contract);
 * undefined lets GraphiQL introspect instead where that endpoint is absent.
 */
async function schemaFor(token: string): Promise<GraphQLSchema | undefined> {
  const response = await fetch(new URL('/schema.graphql', location.href), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) return undefined;
  return buildSchema(await response.text());
}

function TokenBar(props: { token: string; onUse: (token: string) => void }) {
  const [draft, setDraft] = useState(props.token);
  return h(
    'form',
    {
      className: 'ioc-token',
      onSubmit: (event: { preventDefault(): void }) => {
        event.preventDefault();
        props.onUse(draft.trim());
      },
    },
    h('label', { htmlFor: 'ioc-token' }, 'Bearer token'),
    h('input', {
      id: 'ioc-token',
      name: 'token',
      type: 'password',
      autoComplete: 'off',
      placeholder: 'paste a token (npm run token -- <role>)',
      value: draft,
      onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    }),
    h('button', { type: 'submit' }, 'Use token'),
    h('span', { className: 'ioc-token-state', 'data-testid': 'token-state' }, props.token ? 'token set' : 'no token: every request will be refused'),
  );
}

function Explorer() {
  const [token, setToken] = useState(() => localStorage.getItem(tokenKey) ?? '');
  const [schema, setSchema] = useState<GraphQLSchema | null | undefined>(null);
  const socket = useMemo(() => createClient({ url: socketUrl, lazy: true, connectionParams: () => (token ? { authorization: `Bearer ${token}` } : {}) }), [token]);
  useEffect(() => () => void socket.dispose(), [socket]);
  useEffect(() => {
    let current = true;
    setSchema(null);
    schemaFor(token).then(
      (built) => current && setSchema(built),
      () => current && setSchema(undefined),
    );
    return () => {
      current = false;
    };
  }, [token]);
  const use = (next: string) => {
    localStorage.setItem(tokenKey, next);
    setToken(next);
  };
  return h(
    'div',
    { className: 'ioc-explorer' },
    h(TokenBar, { token, onUse: use }),
    schema === null
      ? h('p', { className: 'ioc-loading' }, 'loading the schema…')
      : h(GraphiQL, { key: token, fetcher: fetcherFor(token, socket), schema, defaultEditorToolsVisibility: true }),
  );
}

createRoot(document.getElementById('explorer')!).render(h(StrictMode, null, h(Explorer)));
