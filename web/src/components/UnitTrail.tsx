import { useI18n } from '../i18n/i18n';
import { Link } from '../lib/router';

interface UnitLink {
  code: string;
  name: string;
  parent?: UnitLink | null;
}

/** Province › district › commune links for drill-down screens; the unit sits in `?unit=`. */
export function UnitTrail({ unit, screen }: { unit: UnitLink; screen: string }) {
  const { t } = useI18n();
  const chain: UnitLink[] = [];
  for (let each: UnitLink | null | undefined = unit; each; each = each.parent) chain.unshift(each);
  return (
    <nav className="trail" aria-label={t('common.unit')}>
      <ol>
        {chain.map((each, index) => (
          <li key={each.code}>
            {index === chain.length - 1 ? (
              <span aria-current="location">{each.code === '84' ? t('common.province') : each.name}</span>
            ) : (
              <Link to={each.code === '84' ? screen : `${screen}?unit=${each.code}`}>{each.code === '84' ? t('common.province') : each.name}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
