import { forbidden, type Principal, type Role } from './principal';

/**
 * The role groups every subgraph writes its rules with (docs/security.md has the matrix). Use
 * them as `@Authorized(...Roles.dashboard)`; `@Authorized()` alone means "any authenticated caller".
 */
export const Roles = {
  /** The control room's dashboards: counts, indicators, catalogues. Analysts and admins see them too. */
  dashboard: ['ioc-viewer', 'soc-analyst', 'admin'],
  /** Dashboard readers plus agency clients, who only ever get their own agency's rows. */
  agencyScoped: ['ioc-viewer', 'soc-analyst', 'agency-client', 'admin'],
  /** Raw SOC records (alert and incident details): analysts, admins, agency clients for their own systems. */
  socDetail: ['soc-analyst', 'agency-client', 'admin'],
  /** Triage: changing alerts and incidents. */
  socWrite: ['soc-analyst', 'admin'],
  /** Alerts come from tools (ingest) and from analysts who raise one by hand. */
  alertRaise: ['ingest', 'soc-analyst', 'admin'],
  /** Machine feeds: dossiers, feedback, measurements, monitoring. */
  ingest: ['ingest', 'admin'],
  /** Grading approvals, the catalogue, the audit log. */
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/**
 * The agency a caller is confined to: the agency id for an `agency-client` (empty string when its
 * token had none, which matches no row), `undefined` for every other role (no row filter).
 */
export function agencyScopeOf(principal: Principal | undefined): string | undefined {
  if (principal?.role !== 'agency-client') return undefined;
  return principal.agencyId ?? '';
}

/** FORBIDDEN naming `what` when an agency client reaches a record of another agency (or of none). */
export function assertAgencyAccess(principal: Principal | undefined, what: string, ownerAgencyId: string | null | undefined): void {
  const scope = agencyScopeOf(principal);
  if (scope === undefined) return;
  if (!scope || ownerAgencyId !== scope) {
    throw forbidden(what, `is limited to the caller's own agency${scope ? ` (${scope})` : ''}: this record belongs to another agency`);
  }
}

/**
 * A record an agency client looked up by id, or null when it belongs to another agency: "not
 * yours" answers exactly as "unknown" does, so a client cannot probe which ids exist elsewhere.
 * Other roles get the record as it is.
 */
export function ownRowOrNull<T>(principal: Principal | undefined, row: T | null | undefined, ownerAgencyId: string | null | undefined): T | null {
  if (!row) return null;
  const scope = agencyScopeOf(principal);
  return scope === undefined || (scope && ownerAgencyId === scope) ? row : null;
}

/** Citizens' names, ID numbers and phone numbers are shown in clear to admins only; everyone else sees them masked. */
export function seesPersonalData(principal: Principal | undefined): boolean {
  return principal?.role === 'admin';
}

/**
 * The agency a caller's request or stream is limited to: an agency client gets only its own
 * agency (asking for another is refused, naming the field); other roles get what they ask for.
 */
export function agencyScope(principal: Principal, field: string, requested: string | null | undefined): string | undefined {
  if (principal.role !== 'agency-client') return requested ?? undefined;
  if (!principal.agencyId) throw forbidden(field, 'needs an agency for an agency client');
  if (requested && requested !== principal.agencyId) throw forbidden(field, `is limited to the caller's agency (${principal.agencyId})`);
  return principal.agencyId;
}
