import type { CombinedError } from '@urql/core';

export type Failure = { kind: 'refused' | 'failed'; message: string; retry: boolean };

const refusedCodes = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'PERSISTED_QUERY_NOT_FOUND']);
/** Codes that end a stream which should simply be opened again. */
const resubscribeCodes = new Set(['SUPERGRAPH_RELOADED', 'SUBGRAPH_UNAVAILABLE', 'SERVICE_UNAVAILABLE', 'RATE_LIMITED']);

/** What a tile says about an error: refusals are shown and not retried; outages are retried. */
export function describeFailure(error: CombinedError): Failure {
  const first = error.graphQLErrors[0];
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : undefined;
  if (code && refusedCodes.has(code)) return { kind: 'refused', message: shorten(first?.message ?? code), retry: false };
  if (error.networkError || (code && resubscribeCodes.has(code))) {
    return { kind: 'failed', message: shorten(error.networkError?.message ?? first?.message ?? code ?? ''), retry: true };
  }
  return { kind: 'failed', message: shorten(first?.message ?? error.message), retry: false };
}

function shorten(message: string): string {
  const plain = message.replace(/^\[(GraphQL|Network)\]\s*/, '');
  return plain.length > 160 ? `${plain.slice(0, 157)}…` : plain;
}
