import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { badInput, Roles, type SubgraphContext } from '@ioc/kit';
import { IngestFormatError, type NormalisedAlert } from '../domain/normalised-alert';
import { SeverityFormatError } from '../domain/severity';
import { normaliseSubmitted } from '../domain/submitted-alert';
import { IngestAlertInput } from '../inputs/ingest-alert.input';
import { IngestTally } from '../domain/ingest-tally';
import { ingestBatchSize } from '../routes/ingest.route';
import { commitBatch, loadAssetIndex } from '../stores/alert-ingest.store';
import { IngestResult } from '../types/ingest-result.type';
import { UnknownAsset } from '../types/unknown-asset.type';

@Resolver()
export class AlertIngestResolver {
  @Authorized(...Roles.ingest)
  @Mutation(() => IngestResult, {
    description: `Ingests up to ${ingestBatchSize} events from any tool, with the same rules as POST /ingest/wazuh and /ingest/suricata: idempotent by (source, sourceEventId), folded by fingerprint, muted by suppression rules; a bad item is rejected by its 1-based position and the rest go in.`,
  })
  async ingestAlerts(@Arg('alerts', () => [IngestAlertInput]) alerts: IngestAlertInput[], @Ctx() ctx: SubgraphContext): Promise<IngestResult> {
    if (alerts.length > ingestBatchSize) throw badInput('alerts', `at most ${ingestBatchSize} per call, got ${alerts.length}: split the list or stream NDJSON to /ingest`);
    const tally = new IngestTally();
    const events: NormalisedAlert[] = [];
    const now = new Date();
    alerts.forEach((item, index) => {
      try {
        events.push(normaliseSubmitted(item, now));
      } catch (error) {
        if (!(error instanceof IngestFormatError || error instanceof SeverityFormatError)) throw error;
        tally.reject(index + 1, error.message);
      }
    });
    const assets = await loadAssetIndex(ctx.db);
    tally.add(await commitBatch(ctx.db, ctx.bus, assets, events, { principal: ctx.principal, requestId: ctx.requestId, operation: 'ingestAlerts' }));
    return tally.summary();
  }

  @Authorized(...Roles.socWrite)
  @Query(() => [UnknownAsset], {
    description: 'Hosts the tools report that match no monitored server, most recently seen first: the catalogue team\'s to-do list.',
  })
  async unknownAssets(@Arg('first', () => Int, { defaultValue: 100, description: '1 to 500.' }) first: number, @Ctx() ctx: SubgraphContext): Promise<UnknownAsset[]> {
    if (!Number.isInteger(first) || first < 1 || first > 500) throw badInput('first', `must be 1–500, got ${first}`);
    const rows = await ctx.db.query<Array<{ name: string | null; ip: string | null; alerts: number; occurrences: number; sources: string[]; firstSeen: Date; lastSeen: Date }>>(
      `SELECT asset_name AS name, asset_ip AS ip, count(*)::int AS alerts, sum(occurrences)::int AS occurrences,
              array_agg(DISTINCT source ORDER BY source) AS sources, min(first_seen) AS "firstSeen", max(last_seen) AS "lastSeen"
         FROM alert
        WHERE server_id IS NULL AND system_id IS NULL AND (asset_name IS NOT NULL OR asset_ip IS NOT NULL)
        GROUP BY asset_name, asset_ip
        ORDER BY max(last_seen) DESC, asset_name, asset_ip
        LIMIT $1`,
      [first],
    );
    return rows.map((row) => ({ ...row, sources: row.sources as UnknownAsset['sources'], firstSeen: row.firstSeen.toISOString(), lastSeen: row.lastSeen.toISOString() }));
  }
}
