import type { AuthChecker } from 'type-graphql';
import { forbidden, type Principal, type Role } from './principal';

/**
 * `@Authorized()` needs a caller; `@Authorized('admin', 'soc-analyst')` needs one of those roles.
 * A refusal names the field and the roles it needs.
 */
export const roleAuthChecker: AuthChecker<{ principal?: Principal }> = ({ context, info }, allowed) => {
  const what = `${info.parentType.name}.${info.fieldName}`;
  if (!context.principal) throw forbidden(what, 'needs an authenticated caller');
  if (allowed.length === 0 || allowed.includes(context.principal.role as Role)) return true;
  throw forbidden(what, `needs role ${allowed.join(' or ')} (caller is ${context.principal.role})`);
};
