import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SchemaName } from './check';

/**
 * A breaking change a team has agreed to ship, and why (`gateway/schema-acknowledgements.json`,
 * reviewed like code). `path` is the change's coordinate as the check prints it (`Alert.fingerprint`,
 * `Query.alerts.severity`); `change` narrows it to one kind (`FIELD_REMOVED`); `schema` is `api`
 * (default) or a contract's audience.
 */
export interface Acknowledgement {
  path: string;
  change?: string;
  schema?: SchemaName;
  reason: string;
}

const acknowledgementsPath = (root: string) => join(root, 'gateway', 'schema-acknowledgements.json');

export function readAcknowledgements(root: string): Acknowledgement[] {
  const path = acknowledgementsPath(root);
  if (!existsSync(path)) return [];
  const file = JSON.parse(readFileSync(path, 'utf8')) as { acknowledged?: unknown };
  if (!Array.isArray(file.acknowledged)) throw new Error(`${path}: "acknowledged" must be a list of { path, change?, schema?, reason }`);
  return file.acknowledged.map((entry, index) => {
    const { path: coordinate, change, schema, reason } = (entry ?? {}) as Record<string, unknown>;
    if (typeof coordinate !== 'string' || !coordinate) throw new Error(`${path}: acknowledged[${index}].path must name the changed type or field`);
    return { path: coordinate, change: typeof change === 'string' ? change : undefined, schema: typeof schema === 'string' ? (schema as SchemaName) : undefined, reason: typeof reason === 'string' ? reason : '' };
  });
}
