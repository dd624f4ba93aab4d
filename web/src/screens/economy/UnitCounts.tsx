import { Tile, latest } from '../../components/Tile';
import { UnitTrail } from '../../components/UnitTrail';
import { graphql } from '../../graphql/tada';
import { useI18n } from '../../i18n/i18n';
import { useLiveQuery, useLiveSubscription } from '../../live/hooks';
import { useThrottled } from '../../live/throttle';
import { formatNumber } from '../../lib/format';
import { Link } from '../../lib/router';

export const UnitCounts_Unit = graphql(`
  query UnitCounts_Unit($code: String!) {
    administrativeUnit(code: $code) {
      code
      name
      parent { code name parent { code name } }
      children {
        code
        nameWithType
        level
        digitalEconomyCounts { ictEnterprises platformEnterprises ocopProducts communityTeams communityTeamMembers eInvoiceTaxCodes }
      }
    }
  }
`);

export const UnitCounts_Changed = graphql(`subscription UnitCounts_Changed { economyIndicatorChanged { code } }`);

/** Enterprises, OCOP products and community teams per district, then per commune. */
export function UnitCounts({ code }: { code: string }) {
  const { t, lang } = useI18n();
  const query = useLiveQuery(UnitCounts_Unit, { code });
  const refresh = useThrottled(query.refetch, 5000);
  const stream = useLiveSubscription(UnitCounts_Changed, {}, refresh);
  const unit = query.data?.administrativeUnit;
  return (
    <Tile name="economy-units" title={t('economy.byUnit')} className="span-2" updatedAt={latest(query.receivedAt, stream.eventAt)} failure={query.failure} streamFailure={stream.failure} loading={!query.data}>
      {unit && <UnitTrail unit={unit} screen="/economy" />}
      <div className="scroll" tabIndex={0}>
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">{t('common.unit')}</th>
              <th scope="col">{t('economy.ictEnterprises')}</th>
              <th scope="col">{t('economy.platformEnterprises')}</th>
              <th scope="col">{t('economy.ocop')}</th>
              <th scope="col">{t('economy.teams')}</th>
              <th scope="col">{t('economy.teamMembers')}</th>
            </tr>
          </thead>
          <tbody>
            {unit?.children.map((child) => (
              <tr key={child.code}>
                <td>{child.level === 'DISTRICT' ? <Link to={`/economy?unit=${child.code}`}>{child.nameWithType}</Link> : child.nameWithType}</td>
                <td>{formatNumber(lang, child.digitalEconomyCounts?.ictEnterprises)}</td>
                <td>{formatNumber(lang, child.digitalEconomyCounts?.platformEnterprises)}</td>
                <td>{formatNumber(lang, child.digitalEconomyCounts?.ocopProducts)}</td>
                <td>{formatNumber(lang, child.digitalEconomyCounts?.communityTeams)}</td>
                <td>{formatNumber(lang, child.digitalEconomyCounts?.communityTeamMembers)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Tile>
  );
}
