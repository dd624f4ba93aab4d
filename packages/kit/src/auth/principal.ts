import { GraphQLError } from 'graphql';

export const roles = ['ioc-viewer', 'soc-analyst', 'agency-client', 'ingest', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Who is calling, as the gateway verified it. */
export interface Principal {
  subject: string;
  role: Role;
  /** Set for `agency-client`: the only agency whose data it may see. */
  agencyId?: string;
  /** Where the request came from, for the audit log. */
  clientIp?: string;
}

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (roles as readonly string[]).includes(value);

/**
 * Callers with equal rights share subscription work; callers with different rights never do.
 * Rights depend on the role, and for agency clients on their agency.
 */
export function scopeOf(principal: Principal): string {
  return principal.role === 'agency-client' ? `agency-client:${principal.agencyId ?? ''}` : principal.role;
}

export function unauthenticated(reason: string): GraphQLError {
  return new GraphQLError(`unauthenticated: ${reason}`, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(what: string, needs: string): GraphQLError {
  return new GraphQLError(`forbidden: ${what} ${needs}`, { extensions: { code: 'FORBIDDEN', http: { status: 200 } } });
}
