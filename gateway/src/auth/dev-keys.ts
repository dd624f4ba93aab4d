import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SignJWT } from 'jose';
import type { Role } from '@ioc/kit';

/** The embedded default's own secrets: made once per data folder, never used in production. */
export interface DevSecrets {
  /** Signs dev users' tokens (`npm run token`). */
  authSecret: string;
  /** Signs the gateway's tokens to subgraphs. */
  gatewayTokenSecret: string;
  issuer: string;
  audience: string;
}

/** What signing a dev user's token takes. */
export type DevSigningKey = Pick<DevSecrets, 'authSecret' | 'issuer' | 'audience'>;

export const devIssuer = 'ioc-graph-dev';
export const defaultAudience = 'ioc-graph';

export function generateDevSecrets(): DevSecrets {
  return {
    authSecret: randomBytes(32).toString('base64url'),
    gatewayTokenSecret: randomBytes(32).toString('base64url'),
    issuer: devIssuer,
    audience: defaultAudience,
  };
}

export function ensureDevSecrets(path: string): DevSecrets {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as DevSecrets;
  const secrets = generateDevSecrets();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export function readDevSecrets(path: string): DevSecrets | undefined {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as DevSecrets) : undefined;
}

/** A dev user's token: `dev-<role>` (with `agency` for agency clients). */
export function signDevToken(secrets: DevSigningKey, role: Role, options: { agencyId?: string; ttlSeconds?: number } = {}): Promise<string> {
  const claims: Record<string, unknown> = { role };
  if (options.agencyId) claims.agency = options.agencyId;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.agencyId ? `dev-${role}-${options.agencyId}` : `dev-${role}`)
    .setIssuer(secrets.issuer)
    .setAudience(secrets.audience)
    .setIssuedAt()
    .setExpirationTime(`${options.ttlSeconds ?? 12 * 3600}s`)
    .sign(new TextEncoder().encode(secrets.authSecret));
}

/** Gateway auth options for the dev secrets (the embedded default, and tests). */
export function devAuthOptions(secrets: DevSecrets) {
  return {
    verifier: { keys: { kind: 'secret' as const, secret: secrets.authSecret, dev: true }, issuer: secrets.issuer, audience: secrets.audience, clockSkew: 30 },
    gatewayTokenSecret: secrets.gatewayTokenSecret,
  };
}
