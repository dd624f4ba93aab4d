import { Authorized, getMetadataStorage, UseMiddleware, type ClassType, type MiddlewareFn } from 'type-graphql';
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
 * A type-graphql middleware for the fields of `typeName`: an agency client reading a row that
 * belongs to another agency gets FORBIDDEN naming the field, whatever path led to the row (a
 * list, a reference from another subgraph, a nested field). Other roles pass untouched. Put it on
 * a resolver class with `@UseMiddleware` to cover its field resolvers; queries and mutations of
 * that class are not affected (their parent type is Query or Mutation).
 */
export function agencyRowGuard<T>(typeName: string, agencyOf: (row: T) => string | null | undefined): MiddlewareFn<{ principal?: Principal }> {
  return ({ root, context, info }, next) => {
    if (info.parentType.name === typeName && context.principal?.role === 'agency-client') {
      assertAgencyAccess(context.principal, `${typeName}.${info.fieldName}`, root ? agencyOf(root as T) : undefined);
    }
    return next();
  };
}

export interface TypeRules<T> {
  /** Roles for every field of the type (default: no role rule). */
  roles?: readonly Role[];
  /** Per-field roles replacing `roles` for those fields. */
  fields?: Partial<Record<keyof T & string, readonly Role[]>>;
  /** Confines agency clients to their own agency's rows on every field. */
  agencyOf?: (row: T) => string | null | undefined;
}

const protectedTypes = new WeakSet<object>();

/**
 * Applies rules to every `@Field` of an object type without touching its class: the same as
 * writing `@Authorized(...)` and `@UseMiddleware(...)` on each field. Call it at module load,
 * before the schema is built (import the module from a resolver). Field resolvers written in
 * resolver classes are not `@Field`s of the type: decorate those classes themselves.
 */
export function protectType<T extends object>(type: ClassType<T>, typeName: string, rules: TypeRules<T>): void {
  if (protectedTypes.has(type)) throw new Error(`protectType: rules for ${typeName} are already registered`);
  protectedTypes.add(type);
  const guard = rules.agencyOf && agencyRowGuard<T>(typeName, rules.agencyOf);
  const fields = getMetadataStorage().fields.filter((field) => field.target === type);
  if (!fields.length) throw new Error(`protectType: ${typeName} has no @Field to protect`);
  for (const field of fields) {
    const roles = rules.fields?.[field.name as keyof T & string] ?? rules.roles;
    if (roles) Authorized(...roles)(type.prototype, field.name);
    if (guard) UseMiddleware(guard)(type.prototype, field.name);
  }
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
