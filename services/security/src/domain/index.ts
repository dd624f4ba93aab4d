/** Pure rules of the security domain, shared with the seeds so synthetic data follows the same logic. */
export * from './clock';
export * from './compliance';
export * from './fingerprint';
export * from './grading';
export * from './priority';
export * from './severity';
export * from './sla';
export * from './suppression';
export * from './workflow';
export * from './time-range';
