import { Tile, latest } from '../../components/Tile';
import { graphql } from '../../graphql/tada';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useLiveQuery, useLiveSubscription } from '../../live/hooks';
import { useThrottled } from '../../live/throttle';
import { formatNumber, formatPercent } from '../../lib/format';

export const Platforms_Summary = graphql(`
  query Platforms_Summary {
    province(code: "84") {
      code
      digitalEconomy {
        ictEnterprises
        platformEnterprises
        platformProducts
        ocopProducts
        ocopProductsListed
        eInvoiceTaxCodes
        farmHouseholdsOnEcommerce
        farmHouseholdsOnPostmart
        farmHouseholdsOnVoso
      }
      digitalSociety {
        communityTeams
        communityTeamMembers
        unitsWithTeamsShare
        mobileMoneyAccounts
        paymentAccountHolders
        smartphoneShare
        internetUsersShare
        fibreHouseholdsShare
        electricityCashlessShare
      }
    }
  }
`);

export const Platforms_Changed = graphql(`subscription Platforms_Changed { economyIndicatorChanged { code } }`);

type Row = [MessageKey, number | null | undefined, 'count' | 'percent'];

/** The platforms and programmes the plan counts: e-commerce, OCOP, e-invoices, community teams, payments. */
export function Platforms() {
  const { t, lang } = useI18n();
  const query = useLiveQuery(Platforms_Summary, {});
  const refresh = useThrottled(query.refetch, 5000);
  const stream = useLiveSubscription(Platforms_Changed, {}, refresh);
  const economy = query.data?.province?.digitalEconomy;
  const society = query.data?.province?.digitalSociety;
  const groups: Array<[MessageKey, Row[]]> = [
    [
      'domain.digitalEconomy',
      [
        ['economy.ictEnterprises', economy?.ictEnterprises, 'count'],
        ['economy.platformEnterprises', economy?.platformEnterprises, 'count'],
        ['economy.platformProducts', economy?.platformProducts, 'count'],
        ['economy.ocop', economy?.ocopProducts, 'count'],
        ['economy.ocopListed', economy?.ocopProductsListed, 'count'],
        ['economy.einvoice', economy?.eInvoiceTaxCodes, 'count'],
        ['economy.farmEcommerce', economy?.farmHouseholdsOnEcommerce, 'count'],
        ['economy.farmPostmart', economy?.farmHouseholdsOnPostmart, 'count'],
        ['economy.farmVoso', economy?.farmHouseholdsOnVoso, 'count'],
      ],
    ],
    [
      'domain.digitalSociety',
      [
        ['economy.teams', society?.communityTeams, 'count'],
        ['economy.teamMembers', society?.communityTeamMembers, 'count'],
        ['economy.unitsWithTeams', society?.unitsWithTeamsShare, 'percent'],
        ['economy.mobileMoney', society?.mobileMoneyAccounts, 'count'],
        ['economy.paymentAccounts', society?.paymentAccountHolders, 'count'],
        ['economy.smartphones', society?.smartphoneShare, 'percent'],
        ['economy.internetUsers', society?.internetUsersShare, 'percent'],
        ['economy.fibre', society?.fibreHouseholdsShare, 'percent'],
        ['economy.cashlessPower', society?.electricityCashlessShare, 'percent'],
      ],
    ],
  ];
  return (
    <Tile name="platforms" title={t('economy.platforms')} className="span-2" updatedAt={latest(query.receivedAt, stream.eventAt)} failure={query.failure} streamFailure={stream.failure} loading={!query.data}>
      <div className="two-columns">
        {groups.map(([title, rows]) => (
          <div key={title}>
            <h3 className="small">{t(title)}</h3>
            <dl className="pairs">
              {rows.map(([label, value, kind]) => (
                <div key={label} className="pair">
                  <dt>{t(label)}</dt>
                  <dd>{kind === 'percent' ? formatPercent(lang, value) : formatNumber(lang, value)}</dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </div>
    </Tile>
  );
}
