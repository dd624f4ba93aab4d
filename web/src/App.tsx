import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { Layout, screens, screenOf } from './components/Layout';
import { useI18n } from './i18n/i18n';
import { useNeedsSignIn, useSession } from './live/context';
import { matchPath, navigate, useLocation } from './lib/router';
import { Overview } from './screens/Overview';
import { SignIn } from './screens/SignIn';

const Soc = lazy(() => import('./screens/Soc'));
const Infrastructure = lazy(() => import('./screens/Infrastructure'));
const Egov = lazy(() => import('./screens/Egov'));
const Economy = lazy(() => import('./screens/Economy'));

export function isKiosk(params: URLSearchParams): boolean {
  const value = params.get('kiosk');
  return value !== null && value !== '0' && value !== 'false';
}

export function rotationSeconds(params: URLSearchParams): number {
  const seconds = Number(params.get('rotate') ?? 30);
  return Number.isFinite(seconds) && seconds >= 5 ? seconds : 30;
}

/** In kiosk mode the wall moves to the next screen every `?rotate` seconds (default 30). */
function useRotation(kiosk: boolean, seconds: number, path: string) {
  useEffect(() => {
    if (!kiosk) return;
    const timer = setTimeout(() => {
      const index = screens.findIndex((screen) => screen.name === screenOf(path));
      const next = screens[(index + 1) % screens.length]!;
      navigate(next.path);
    }, seconds * 1000);
    return () => clearTimeout(timer);
  }, [kiosk, seconds, path]);
}

function Screen({ path }: { path: string }): ReactNode {
  const { t } = useI18n();
  const alert = matchPath('/soc/alerts/:id', path);
  if (path === '/') return <Overview />;
  if (alert || matchPath('/soc', path)) return <Soc selectedId={alert?.id} />;
  if (matchPath('/infrastructure', path)) return <Infrastructure />;
  if (matchPath('/egov', path)) return <Egov />;
  if (matchPath('/economy', path)) return <Economy />;
  return <p className="notice">{t('notFound')}</p>;
}

/** The sign-in dialog over the current view: a refused token never loses what was on screen. */
function SignInDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    // Modal where the browser can: the view behind stays on screen but inert until sign-in.
    if (typeof element.showModal === 'function') element.showModal();
    else element.open = true;
  }, []);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="sign-in-title" onCancel={(event) => event.preventDefault()}>
      <SignIn />
    </dialog>
  );
}

export function App() {
  const { path, search } = useLocation();
  const { t, lang } = useI18n();
  const session = useSession();
  const needsSignIn = useNeedsSignIn();
  const params = new URLSearchParams(search);
  const kiosk = isKiosk(params);
  useRotation(kiosk, rotationSeconds(params), path);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.short');
    document.documentElement.dataset.theme = kiosk ? 'dark' : 'light';
  }, [lang, kiosk, t]);

  if (path === '/sign-in') {
    return (
      <Layout kiosk={kiosk}>
        <SignIn onDone={() => navigate('/')} />
      </Layout>
    );
  }
  return (
    <Layout kiosk={kiosk}>
      {session && (
        // A new token opens every query and stream again under the new rights.
        <Suspense key={session.token} fallback={<p className="muted">{t('tile.loading')}</p>}>
          <Screen path={path} />
        </Suspense>
      )}
      {needsSignIn && <SignInDialog />}
    </Layout>
  );
}
