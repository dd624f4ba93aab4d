/**
 * The signed-in caller: a bearer token kept in localStorage `ioc.token`, and what the console reads
 * from its claims (role, agency, expiry) to decide which controls to show. The gateway verifies the
 * token; the claims here only shape the screens.
 */
export type Role = 'ioc-viewer' | 'soc-analyst' | 'agency-client' | 'ingest' | 'admin';

export interface Session {
  token: string;
  role: Role;
  agencyId: string | null;
  expiresAt: Date | null;
}

const storageKey = 'ioc.token';
const roles: readonly Role[] = ['ioc-viewer', 'soc-analyst', 'agency-client', 'ingest', 'admin'];

function decodeClaims(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const claims: unknown = JSON.parse(atob(base64));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A session from a token, or null when it is not a JWT with a known role. */
export function sessionFromToken(raw: string): Session | null {
  const token = raw.trim().replace(/^Bearer\s+/i, '');
  const claims = decodeClaims(token);
  if (!claims || !roles.includes(claims.role as Role)) return null;
  return {
    token,
    role: claims.role as Role,
    agencyId: typeof claims.agency === 'string' ? claims.agency : null,
    expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null,
  };
}

type Listener = () => void;

/** Token store with a "sign in again" flag the gateway's refusals raise (401, close 4401). */
export class AuthStore {
  private session: Session | null;
  private expired = false;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly storage: Storage | undefined = globalThis.localStorage) {
    const saved = this.storage?.getItem(storageKey);
    this.session = saved ? sessionFromToken(saved) : null;
  }

  get current(): Session | null {
    return this.session;
  }

  /** True when the gateway refused the token: the sign-in dialog opens over the current view. */
  get needsSignIn(): boolean {
    return this.session === null || this.expired;
  }

  signIn(session: Session): void {
    this.session = session;
    this.expired = false;
    this.storage?.setItem(storageKey, session.token);
    this.emit();
  }

  signOut(): void {
    this.session = null;
    this.expired = false;
    this.storage?.removeItem(storageKey);
    this.emit();
  }

  markExpired(): void {
    if (this.expired) return;
    this.expired = true;
    this.emit();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Roles that may read alert and incident details (titles, CVEs, servers, assignees). */
export function readsAlertDetails(role: Role | undefined): boolean {
  return role === 'soc-analyst' || role === 'admin';
}

/** Roles that may triage alerts (updateAlert). */
export function triagesAlerts(role: Role | undefined): boolean {
  return role === 'soc-analyst' || role === 'admin';
}
