export * from './graphql';
export * from './migration';
export * from './record';
