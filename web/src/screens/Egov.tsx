import { useI18n } from '../i18n/i18n';
import { useQueryParams } from '../lib/router';
import { DossiersByUnit } from './egov/DossiersByUnit';
import { Feedback } from './egov/Feedback';
import { Plan } from './egov/Plan';

/** Dossier figures default to 2022, the year the plan reports on; the plan itself is 2023's (Plan 37/KH-UBND). */
const defaultYear = 2022;
const planYear = 2023;

export function yearFrom(params: URLSearchParams): number {
  const year = Number(params.get('year'));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : defaultYear;
}

export default function Egov() {
  const { t } = useI18n();
  const [params, setParams] = useQueryParams();
  const year = yearFrom(params);
  return (
    <div className="screen">
      <h1 className="screen-title">{t('nav.egov')}</h1>
      <div className="filters">
        <label>
          {t('egov.year')}
          <select value={year} onChange={(event) => setParams({ year: event.target.value })}>
            {[2021, 2022, 2023, 2024, 2025].map((each) => (
              <option key={each} value={each}>
                {each}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="grid wide-grid">
        <DossiersByUnit code={params.get('unit') ?? '84'} year={year} themeKey={params.has('kiosk') ? 'dark' : 'light'} />
        <Feedback />
        <Plan year={planYear} />
      </div>
    </div>
  );
}
