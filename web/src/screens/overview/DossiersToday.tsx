import { useState } from 'react';
import { Tile, latest } from '../../components/Tile';
import { graphql } from '../../graphql/tada';
import { useI18n } from '../../i18n/i18n';
import { useLiveQuery, useLiveSubscription } from '../../live/hooks';
import { formatNumber, provinceToday } from '../../lib/format';

export const DossiersToday_Counts = graphql(`
  query DossiersToday_Counts($today: String!) {
    received: dossiers(receivedFrom: $today, first: 1) { totalCount }
    online: dossiers(receivedFrom: $today, channel: ONLINE, first: 1) { totalCount }
    resolved: dossiers(receivedFrom: $today, status: RESOLVED, first: 1) { totalCount }
  }
`);

export const DossiersToday_Received = graphql(`subscription DossiersToday_Received { dossierReceived { id channel receivedAt } }`);
export const DossiersToday_Resolved = graphql(`subscription DossiersToday_Resolved { dossierResolved { id receivedAt } }`);

interface Delta {
  day: string;
  received: number;
  online: number;
  resolved: number;
}

/** Today's dossiers: the query's counts plus the events since it answered (reset when it answers again). */
export function DossiersToday() {
  const { t, lang } = useI18n();
  const today = provinceToday();
  const query = useLiveQuery(DossiersToday_Counts, { today });
  const [delta, setDelta] = useState<Delta>({ day: today, received: 0, online: 0, resolved: 0 });
  const [answeredAt, setAnsweredAt] = useState(query.receivedAt);
  if (answeredAt !== query.receivedAt) {
    setAnsweredAt(query.receivedAt);
    setDelta({ day: today, received: 0, online: 0, resolved: 0 });
  }
  const isToday = (iso: string) => provinceToday(new Date(iso)) === today;
  const received = useLiveSubscription(DossiersToday_Received, {}, (data) => {
    if (!isToday(data.dossierReceived.receivedAt)) return;
    const online = data.dossierReceived.channel === 'ONLINE' ? 1 : 0;
    setDelta((current) => ({ ...current, received: current.received + 1, online: current.online + online }));
  });
  const resolved = useLiveSubscription(DossiersToday_Resolved, {}, (data) => {
    if (!isToday(data.dossierResolved.receivedAt)) return;
    setDelta((current) => ({ ...current, resolved: current.resolved + 1 }));
  });
  const sameDay = delta.day === today;
  const figure = (base: number | undefined, extra: number) => (base === undefined ? undefined : base + (sameDay ? extra : 0));
  return (
    <Tile
      name="dossiers-today"
      title={t('tile.dossiers-today')}
      updatedAt={latest(query.receivedAt, received.eventAt, resolved.eventAt)}
      failure={query.failure}
      streamFailure={received.failure ?? resolved.failure}
      loading={!query.data}
    >
      <p className="big-figure">
        <span data-testid="dossiers-received">{formatNumber(lang, figure(query.data?.received.totalCount, delta.received))}</span>
        <span className="big-label">{t('dossiers.received')}</span>
      </p>
      <dl className="pairs">
        <dt>{t('dossiers.online')}</dt>
        <dd>{formatNumber(lang, figure(query.data?.online.totalCount, delta.online))}</dd>
        <dt>{t('dossiers.resolved')}</dt>
        <dd>{formatNumber(lang, figure(query.data?.resolved.totalCount, delta.resolved))}</dd>
      </dl>
    </Tile>
  );
}
