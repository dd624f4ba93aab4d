import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import { assertAgencyAccess } from './policy';
import { forbidden, roles, type Principal, type Role } from './principal';

/**
 * Who may read each object type of a subgraph, whatever path reaches it (a root field, a nested
 * field, `_entities`, a subscription): `Type` gives the roles for every field, `Type.field`
 * overrides one field. Every object type needs an entry: a new type is unreadable until placed.
 */
export type TypeAccess = Record<string, readonly Role[]>;

/** Every role: types anyone signed in may read (reference data, page wrappers). */
export const anyCaller: readonly Role[] = roles;

const federationTypes = new Set(['_Service']);

/**
 * Wraps each field resolver of the built schema with its type's role rule (a synchronous check,
 * so reading a big list costs one Set lookup per field). Throws when a type has no rule or a rule
 * names something the schema does not have, so the table stays complete and current.
 */
export function applyTypeAccess(schema: GraphQLSchema, access: TypeAccess): void {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean).map((type) => type!.name));
  const used = new Set<string>();
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || roots.has(type.name) || federationTypes.has(type.name)) continue;
    const typeRule = access[type.name];
    if (typeRule) used.add(type.name);
    for (const [fieldName, field] of Object.entries(type.getFields())) {
      const key = `${type.name}.${fieldName}`;
      const fieldRule = access[key];
      if (fieldRule) used.add(key);
      const allowed = fieldRule ?? typeRule;
      if (!allowed) {
        missing.push(key);
        continue;
      }
      if (roles.every((role) => allowed.includes(role))) continue;
      const permitted = new Set<string>(allowed);
      const needs = `needs role ${allowed.join(' or ')}`;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: { principal?: Principal }, info) => {
        const role = context?.principal?.role;
        if (!role || !permitted.has(role)) throw forbidden(key, `${needs} (caller is ${role ?? 'not authenticated'})`);
        return resolve(source, args, context, info);
      };
    }
  }
  const unknown = Object.keys(access).filter((key) => !used.has(key));
  if (missing.length || unknown.length) {
    throw new Error(
      `type access: ${[missing.length ? `no rule for ${missing.join(', ')}` : '', unknown.length ? `rules for what the schema lacks: ${unknown.join(', ')}` : ''].filter(Boolean).join('; ')}`,
    );
  }
}

/**
 * Which agency owns each row of an agency-scoped type (`Dossier: (dossier) => dossier.agencyId`):
 * the one declaration of a type's agency rule. An agency client reading any field of a row of
 * another agency (or of none) gets FORBIDDEN naming the field, whatever path reached the row: a
 * list, `_entities`, a subscription, a nested field. Other roles pass untouched.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AgencyRules = Record<string, (row: any) => string | null | undefined>;

/** Wraps every field of each type in `rules` with its agency check; throws for a type the schema lacks. */
export function applyAgencyRules(schema: GraphQLSchema, rules: AgencyRules): void {
  for (const [typeName, agencyOf] of Object.entries(rules)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`agency rules: the schema has no object type ${typeName}`);
    for (const [fieldName, field] of Object.entries(type.getFields())) {
      const key = `${typeName}.${fieldName}`;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: { principal?: Principal }, info) => {
        if (context?.principal?.role === 'agency-client') assertAgencyAccess(context.principal, key, source ? agencyOf(source) : undefined);
        return resolve(source, args, context, info);
      };
    }
  }
}

/** Rules for the types the kit gives every subgraph: page info, the audit log, indicators. */
export const kitTypeAccess: TypeAccess = {
  PageInfo: anyCaller,
  AuditEntry: ['admin'],
  AuditFieldChange: ['admin'],
  AuditLogConnection: ['admin'],
  Indicator: ['ioc-viewer', 'soc-analyst', 'admin'],
  ReportedMeasurement: ['ioc-viewer', 'soc-analyst', 'admin'],
};
