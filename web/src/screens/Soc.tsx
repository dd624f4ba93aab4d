import { Tile } from '../components/Tile';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../live/context';
import { readsAlertDetails } from '../lib/auth';
import { AlertTicker } from './overview/AlertTicker';
import { AlertDetail } from './soc/AlertDetail';
import { AlertQueue } from './soc/AlertQueue';
import { Compliance } from './soc/Compliance';
import { Incidents } from './soc/Incidents';

/** The SOC: the queue and its detail for roles that read alerts; counts and compliance for all. */
export default function Soc({ selectedId }: { selectedId?: string | undefined }) {
  const { t } = useI18n();
  const session = useSession();
  const details = readsAlertDetails(session?.role);
  return (
    <div className="screen">
      <h1 className="screen-title">{t('nav.soc')}</h1>
      <div className="grid soc-grid">
        {details ? (
          <>
            <AlertQueue selectedId={selectedId} />
            {selectedId ? (
              <AlertDetail id={selectedId} />
            ) : (
              <Tile name="alert-detail" title={t('soc.detail')} updatedAt={undefined}>
                <p className="muted">{t('soc.pick')}</p>
              </Tile>
            )}
            <Incidents />
          </>
        ) : (
          <AlertTicker />
        )}
        <Compliance />
      </div>
    </div>
  );
}
