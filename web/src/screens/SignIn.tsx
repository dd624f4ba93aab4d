import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { useServices, useSession } from '../live/context';
import { sessionFromToken, type Role } from '../lib/auth';

interface DevUser {
  role: Role;
  agencyId: string | null;
  label: string;
}

/** Dev users offered by the gateway outside production; an empty list when it offers none (404). */
async function fetchDevUsers(): Promise<DevUser[]> {
  const response = await fetch('/auth/dev-users');
  if (!response.ok) return [];
  const body = (await response.json()) as { users?: DevUser[] };
  return body.users ?? [];
}

async function fetchDevToken(user: DevUser): Promise<string> {
  const response = await fetch('/auth/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: user.role, agencyId: user.agencyId }),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = (await response.json()) as { token: string };
  return body.token;
}

/** Sign-in: a dev user in the embedded default, or a pasted bearer token. */
export function SignIn({ onDone }: { onDone?: () => void }) {
  const { t } = useI18n();
  const { auth } = useServices();
  const session = useSession();
  const [users, setUsers] = useState<DevUser[] | undefined>();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    fetchDevUsers()
      .catch(() => [])
      .then((found) => {
        if (!cancelled) setUsers(found);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const accept = (raw: string) => {
    const next = sessionFromToken(raw);
    if (!next) {
      setError(t('signIn.invalid'));
      return;
    }
    auth.signIn(next);
    onDone?.();
  };

  const choose = async (user: DevUser) => {
    try {
      accept(await fetchDevToken(user));
    } catch (failure) {
      setError(t('signIn.failed', { reason: (failure as Error).message }));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept(token);
  };

  return (
    <div className="sign-in">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <p>{session ? t('signIn.expired') : t('signIn.intro')}</p>
      <h2>{t('signIn.devUsers')}</h2>
      {users === undefined ? (
        <p className="muted">{t('tile.loading')}</p>
      ) : users.length === 0 ? (
        <p className="muted">{t('signIn.noDevUsers')}</p>
      ) : (
        <ul className="dev-users">
          {users.map((user) => (
            <li key={`${user.role}:${user.agencyId ?? ''}`}>
              <button type="button" className="button" data-dev-user={user.role} onClick={() => void choose(user)}>
                <strong>{t(`role.${user.role}`)}</strong>
                <span className="muted">{user.label}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit}>
        <label htmlFor="token-input">{t('signIn.token')}</label>
        <textarea id="token-input" data-testid="token-input" rows={3} value={token} onChange={(event) => setToken(event.target.value)} spellCheck={false} />
        <button type="submit" className="button primary">
          {t('signIn.submit')}
        </button>
      </form>
      {error && (
        <p className="notice notice-failed" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
