import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { isRole, unauthenticated, type Principal } from '@ioc/kit';

export type KeySource =
  | { kind: 'secret'; secret: string; dev: boolean }
  | { kind: 'jwks-file'; path: string }
  | { kind: 'jwks-url'; url: string };

export interface VerifierConfig {
  keys: KeySource;
  issuer: string;
  audience: string;
  /** Seconds of clock difference tolerated on exp/nbf/iat. */
  clockSkew: number;
  /** Longest accepted lifetime in seconds, from `iat` (or now, without one) to `exp`; default 24 h. */
  maxLifetime?: number;
}

export interface VerifiedCaller extends Principal {
  /** Epoch seconds; sockets are closed when it passes. */
  expiresAt: number;
}

export const defaultMaxLifetime = 86_400;

const asymmetric = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/** Verifies the bearer JWTs of callers; every failure says which check failed. */
export function createVerifier(config: VerifierConfig) {
  const { keys } = config;
  let key: Uint8Array | JWTVerifyGetKey;
  let algorithms: string[];
  if (keys.kind === 'secret') {
    key = new TextEncoder().encode(keys.secret);
    algorithms = ['HS256', 'HS384', 'HS512'];
  } else if (keys.kind === 'jwks-file') {
    key = createLocalJWKSet(JSON.parse(readFileSync(keys.path, 'utf8')));
    algorithms = asymmetric;
  } else {
    key = createRemoteJWKSet(new URL(keys.url));
    algorithms = asymmetric;
  }

  return async function verify(authorization: string | undefined): Promise<VerifiedCaller> {
    const token = bearer(authorization);
    try {
      const { payload } = await jwtVerify(token, key as Uint8Array, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms,
        clockTolerance: config.clockSkew,
        requiredClaims: ['exp', 'sub'],
      });
      const now = Math.floor(Date.now() / 1000);
      const maxLifetime = config.maxLifetime ?? defaultMaxLifetime;
      if (typeof payload.iat === 'number' && payload.iat > now + config.clockSkew) throw unauthenticated('token issued in the future (iat)');
      const lifetime = payload.exp! - (typeof payload.iat === 'number' ? payload.iat : now);
      if (lifetime > maxLifetime) throw unauthenticated(`token lifetime ${lifetime} s exceeds the limit of ${maxLifetime} s`);
      if (!isRole(payload.role)) throw unauthenticated(`token has no known role (role claim: ${JSON.stringify(payload.role ?? null)})`);
      const agencyId = typeof payload.agency === 'string' ? payload.agency : undefined;
      if (payload.role === 'agency-client' && !agencyId) throw unauthenticated('agency-client token without an agency claim');
      return { subject: payload.sub!, role: payload.role, agencyId, expiresAt: payload.exp! };
    } catch (error) {
      throw describe(error);
    }
  };
}

export type Verifier = ReturnType<typeof createVerifier>;

function bearer(authorization: string | undefined): string {
  if (!authorization) throw unauthenticated('missing bearer token (send "Authorization: Bearer <token>")');
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw unauthenticated('malformed Authorization header: expected "Bearer <token>"');
  return match[1]!;
}

function describe(error: unknown) {
  if (error instanceof joseErrors.JWTExpired) return unauthenticated('token expired');
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return unauthenticated('bad signature');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return unauthenticated('unknown issuer');
    if (error.claim === 'aud') return unauthenticated('wrong audience');
    if (error.claim === 'nbf') return unauthenticated('token not yet valid');
    return unauthenticated(`invalid claim "${error.claim}": ${error.reason}`);
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return unauthenticated('unsupported signing algorithm');
  if (error instanceof joseErrors.JWKSNoMatchingKey) return unauthenticated('bad signature (no matching key)');
  if (error instanceof joseErrors.JOSEError) return unauthenticated(`malformed token (${error.code})`);
  return error;
}
