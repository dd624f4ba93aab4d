import { forbidden, LoaderRegistry, type EventPayload, type SubgraphContext, type Transaction } from '@ioc/kit';
import { DossierChannel } from '../entities/dossier.entity';

/**
 * A subscription's context lives as long as the subscription; its DataLoaders would serve one
 * event's rows (an incident, a profile) to every later event. Each event starts with empty ones.
 */
export function freshLoaders(ctx: SubgraphContext): void {
  ctx.loaders = new LoaderRegistry();
}

/** Yields every element of every batch; `return()` ends the source at once. */
export function expand<T>(source: AsyncIterableIterator<T[]>): AsyncIterableIterator<T> {
  const pending: T[] = [];
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      while (pending.length === 0) {
        const batch = await source.next();
        if (batch.done) return { value: undefined, done: true };
        pending.push(...batch.value);
      }
      return { value: pending.shift()!, done: false };
    },
    async return() {
      pending.length = 0;
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/** `indicator.changed` as the subgraphs publish it: one code or several, tagged with a domain or subgraph. */
export interface IndicatorEvent extends EventPayload {
  subgraph?: string;
  domain?: string;
  code?: string;
  codes?: string[];
}

/** The codes of an event that may be this subgraph's (every subgraph publishes on the same topic). */
export function indicatorCodesOf(event: IndicatorEvent, subgraph: string, domains: readonly string[]): string[] {
  if (event.subgraph !== undefined && event.subgraph !== subgraph) return [];
  if (event.domain !== undefined && !domains.includes(event.domain)) return [];
  if (Array.isArray(event.codes)) return event.codes.filter((code): code is string => typeof code === 'string');
  return typeof event.code === 'string' ? [event.code] : [];
}

/** Announces, in the write's transaction, that `codes` of `domain` may have moved (delivered on commit). */
export async function publishIndicatorChanges(ctx: SubgraphContext, tx: Transaction, domain: string, codes: readonly string[]): Promise<void> {
  if (codes.length) await ctx.bus.publish('indicator.changed', { subgraph: 'egov', domain, codes: [...codes] }, tx);
}

/**
 * The agency a caller's stream is limited to: an agency client sees only its own agency's data
 * (asking for another one is refused); other roles see what they ask for.
 */
export function agencyScope(ctx: SubgraphContext, field: string, requested: string | null | undefined): string | undefined {
  const { principal } = ctx;
  if (principal.role !== 'agency-client') return requested ?? undefined;
  if (!principal.agencyId) throw forbidden(field, 'needs an agency for an agency client');
  if (requested && requested !== principal.agencyId) throw forbidden(field, `is limited to the caller's agency (${principal.agencyId})`);
  return principal.agencyId;
}

/** A new dossier moves the online share; an online one may also add a procedure with online dossiers. */
export function dossierIndicatorCodes(channel: DossierChannel): string[] {
  return channel === DossierChannel.ONLINE ? ['dossiersOnlineShare', 'proceduresWithOnlineDossiersShare'] : ['dossiersOnlineShare'];
}
