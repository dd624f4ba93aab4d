import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isRole, roles } from '@ioc/kit';
import { readDevSecrets, signDevToken } from '@ioc/gateway/dev-keys';
import { defaultMaxLifetime } from '@ioc/gateway/verifier';
import { loadAgencies } from '@ioc/seeds/agencies';

/**
 * `npm run token -- <role> [agency] [--lifetime 10m]`: a dev user's bearer token for the
 * embedded default; `--agencies` lists the agency ids an agency-client token may carry.
 * Production deployments get tokens from their identity provider, never from here.
 */
const usage = [
  'usage: npm run token -- <role> [agency] [--lifetime <n>s|m|h|d]',
  '       npm run token -- --agencies',
  `  roles: ${roles.join(', ')}`,
  '  agency-client needs an agency id, e.g. npm run token -- agency-client STP (npm run token -- --agencies lists them)',
  '  --lifetime: how long the token lives, default 12h, at most 24h (the gateway refuses longer); try 30s to see expiry',
].join('\n');

/** Seconds in `text` such as 90s, 10m, 12h, 1d. */
export function parseLifetime(text: string): number | undefined {
  const match = /^(\d+)(s|m|h|d)$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as 's' | 'm' | 'h' | 'd'];
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { lifetime: { type: 'string' }, agencies: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`);
}
const { values, positionals } = parsed;
const agencies = loadAgencies();

if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (values.agencies) {
  for (const agency of agencies) process.stdout.write(`${agency.id}\t${agency.nameVi} (${agency.nameEn})\n`);
  process.exit(0);
}

const [role, agencyId, ...extra] = positionals;
if (process.env.NODE_ENV === 'production') fail('dev tokens do not exist in production: use your identity provider');
if (!isRole(role)) fail(role ? `unknown role "${role}"\n${usage}` : usage);
if (extra.length) fail(`unexpected argument "${extra[0]}"\n${usage}`);
if (role === 'agency-client' && !agencyId) fail(`agency-client needs an agency id\n${usage}`);
if (role !== 'agency-client' && agencyId) fail(`only agency-client tokens carry an agency (got "${agencyId}" for ${role})`);
if (agencyId && !agencies.some((agency) => agency.id === agencyId)) {
  fail(`unknown agency "${agencyId}": npm run token -- --agencies lists the ${agencies.length} agency ids (e.g. STP, STTTT, ubnd-842 for a district's People's Committee)`);
}
const maxLifetime = Number(process.env.AUTH_MAX_TOKEN_LIFETIME_SECONDS) || defaultMaxLifetime;
const lifetime = values.lifetime === undefined ? undefined : parseLifetime(values.lifetime);
if (values.lifetime !== undefined && !lifetime) fail(`--lifetime "${values.lifetime}": expected a number and a unit, like 30s, 10m, 12h or 1d`);
if (lifetime && lifetime > maxLifetime) fail(`--lifetime ${values.lifetime}: the gateway refuses tokens living longer than ${maxLifetime} s (AUTH_MAX_TOKEN_LIFETIME_SECONDS)`);

// The checkout's .data, where npm start keeps the dev keys (not via ./schemas: that loads every subgraph).
const dataDir = process.env.DATA_DIR || join(import.meta.dirname, '..', '..', '.data');
const secrets = readDevSecrets(join(dataDir, 'dev-secrets.json'));
if (!secrets) fail(`no dev keys in ${dataDir}: run npm start once (dev users exist only in the embedded default)`);

process.stdout.write(`${await signDevToken(secrets, role, { agencyId, ttlSeconds: lifetime })}\n`);
