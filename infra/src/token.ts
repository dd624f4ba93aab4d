import { join } from 'node:path';
import { isRole, roles } from '@ioc/kit';
import { readDevSecrets, signDevToken } from '@ioc/gateway/dev-keys';
import { repoRoot } from './schemas';

/**
 * `npm run token -- <role> [agency]`: a dev user's bearer token for the embedded default.
 * Production deployments get tokens from their identity provider, never from here.
 */
const [role, agencyId] = process.argv.slice(2);
const usage = `usage: npm run token -- <role> [agency]\n  roles: ${roles.join(', ')}\n  agency-client needs an agency id, e.g. npm run token -- agency-client STP`;
const dataDir = process.env.DATA_DIR || join(repoRoot, '.data');
const secrets = readDevSecrets(join(dataDir, 'dev-secrets.json'));

if (process.env.NODE_ENV === 'production') fail('dev tokens do not exist in production: use your identity provider');
if (!isRole(role)) fail(role ? `unknown role "${role}"\n${usage}` : usage);
if (role === 'agency-client' && !agencyId) fail(`agency-client needs an agency id\n${usage}`);
if (!secrets) fail(`no dev keys in ${dataDir}: run npm start once (dev users exist only in the embedded default)`);

process.stdout.write(`${await signDevToken(secrets!, role!, { agencyId: role === 'agency-client' ? agencyId : undefined })}\n`);

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}
