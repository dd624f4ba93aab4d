export { readAcknowledgements, type Acknowledgement } from './acknowledgements';
export { checkSchemas, formatReport, type Baseline, type BrokenOperation, type ReportedChange, type SchemaCheckInput, type SchemaCheckReport, type SchemaName } from './check';
export { knownOperations, persistedOperations, type KnownOperation } from './operations';
