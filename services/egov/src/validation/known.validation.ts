import { badInput, type SubgraphContext } from '@ioc/kit';

export type KnownKind = 'unit' | 'district' | 'commune' | 'agency' | 'procedure' | 'service' | 'system';

const lookups: Record<KnownKind, { sql: string; what: string }> = {
  unit: { sql: 'SELECT 1 FROM administrative_unit WHERE code = $1', what: 'administrative unit' },
  district: { sql: `SELECT 1 FROM administrative_unit WHERE code = $1 AND level = 'DISTRICT'`, what: 'district-level unit' },
  commune: { sql: `SELECT 1 FROM administrative_unit WHERE code = $1 AND level = 'COMMUNE'`, what: 'commune-level unit' },
  agency: { sql: 'SELECT 1 FROM agency WHERE id = $1', what: 'agency' },
  procedure: { sql: 'SELECT 1 FROM administrative_procedure WHERE id = $1', what: 'administrative procedure' },
  service: { sql: 'SELECT 1 FROM online_service WHERE id = $1', what: 'online service' },
  system: { sql: 'SELECT 1 FROM information_system WHERE id = $1', what: 'information system' },
};

/**
 * Rejects filter arguments that name nothing. Called only when a list came back empty, so a
 * correct query pays no extra round trip; an empty list then means "none", never "typo".
 */
export async function assertKnown(ctx: SubgraphContext, checks: Array<[argument: string, value: string | null | undefined, kind: KnownKind]>): Promise<void> {
  for (const [argument, value, kind] of checks) {
    if (value === null || value === undefined) continue;
    const rows: unknown[] = await ctx.db.query(lookups[kind].sql, [value]);
    if (rows.length === 0) throw badInput(argument, `no ${lookups[kind].what} with code "${value}"`);
  }
}
