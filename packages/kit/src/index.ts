import 'reflect-metadata';

export * from './database';
export * from './env';
export * from './event-bus/event-bus';
export { MemoryEventBus } from './event-bus/memory-event-bus';
export { PgEventBus } from './event-bus/pg-event-bus';
export * from './fatal';
export * from './logger';
export * from './references';
export * from './schema';
export * from './server';
export * from './subgraph';
export * from './text';
export * from './errors';
export * from './indicator';
export * from './pagination';
export { eventBusPubSub } from './event-bus/pubsub';
export * from './live';
