import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useServices, useSession } from '../live/context';
import { Link, useLocation } from '../lib/router';

export type ScreenName = 'overview' | 'soc' | 'infrastructure' | 'egov' | 'economy';

export const screens: ReadonlyArray<{ name: ScreenName; path: string; label: MessageKey }> = [
  { name: 'overview', path: '/', label: 'nav.overview' },
  { name: 'soc', path: '/soc', label: 'nav.soc' },
  { name: 'infrastructure', path: '/infrastructure', label: 'nav.infrastructure' },
  { name: 'egov', path: '/egov', label: 'nav.egov' },
  { name: 'economy', path: '/economy', label: 'nav.economy' },
];

export function screenOf(path: string): ScreenName | undefined {
  if (path === '/') return 'overview';
  return screens.find((screen) => screen.path !== '/' && (path === screen.path || path.startsWith(`${screen.path}/`)))?.name;
}

export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <button type="button" className="button ghost" data-testid="lang-switch" lang={lang === 'vi' ? 'en' : 'vi'} title={t('lang.switchLabel')} onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
      {t('lang.switch')}
    </button>
  );
}

export function Layout({ kiosk, children }: { kiosk: boolean; children: ReactNode }) {
  const { t } = useI18n();
  const { path, search } = useLocation();
  const { auth } = useServices();
  const session = useSession();
  const current = screenOf(path);
  const kioskParams = new URLSearchParams(search);
  if (kiosk) kioskParams.delete('kiosk');
  else kioskParams.set('kiosk', '1');
  const kioskQuery = kioskParams.toString();
  return (
    <div className={`app ${kiosk ? 'kiosk' : ''}`}>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">IOC</span>
          <span className="brand-name" title={t("app.title")}>{t("app.short")}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul className="nav">
            {screens.map((screen) => (
              <li key={screen.name}>
                <Link to={screen.path} data-nav={screen.name} aria-current={current === screen.name ? 'page' : undefined}>
                  {t(screen.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="toolbar">
          <LangSwitch />
          {!kiosk && session && (
            <span className="role" title={t('auth.role', { role: t(`role.${session.role}`) })}>
              {t(`role.${session.role}`)}
            </span>
          )}
          <Link className="button ghost" to={`${path}${kioskQuery ? `?${kioskQuery.replace(/=(?=&|$)/g, '')}` : ''}`} data-kiosk-toggle="">
            {t(kiosk ? 'kiosk.exit' : 'kiosk.enter')}
          </Link>
          {!kiosk && session && (
            <button type="button" className="button ghost" onClick={() => auth.signOut()}>
              {t('auth.signOut')}
            </button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
