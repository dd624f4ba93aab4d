/** Pure rules of the infrastructure domain, shared with the feed so what it sends is what the subgraph accepts. */
export * from './capacity';
export * from './ingest-server';
