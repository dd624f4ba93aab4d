export * from './indicator-definition.entity';
export * from './migrations';
export * from './period';
export * from './reported-measurement.entity';
export * from './tables';
export * from './subscription';
