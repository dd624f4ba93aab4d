import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { isRole, unauthenticated, type Principal } from './principal';

/** Header (HTTP) and connection parameter (graphql-ws) carrying the gateway's word to subgraphs. */
export const gatewayTokenHeader = 'ioc-gateway-token';
export const gatewayTokenParam = 'gatewayToken';

const issuer = 'ioc-gateway';
const audience = 'ioc-subgraph';

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/**
 * The gateway forwards each verified caller to subgraphs as a short-lived token signed with a
 * secret only the gateway and subgraphs share, so a subgraph trusts nothing that bypassed it.
 */
export async function signGatewayToken(principal: Principal, secret: string, ttlSeconds = 120): Promise<string> {
  const claims: Record<string, unknown> = { role: principal.role };
  if (principal.agencyId) claims.agency = principal.agencyId;
  if (principal.clientIp) claims.ip = principal.clientIp;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.subject)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(keyOf(secret));
}

export async function verifyGatewayToken(token: string | undefined, secret: string): Promise<Principal> {
  if (!token) throw unauthenticated('subgraphs only answer requests that come through the gateway');
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { issuer, audience, algorithms: ['HS256'], clockTolerance: 5 });
    if (!payload.sub || !isRole(payload.role)) throw unauthenticated('gateway token without subject or role');
    return {
      subject: payload.sub,
      role: payload.role,
      agencyId: typeof payload.agency === 'string' ? payload.agency : undefined,
      clientIp: typeof payload.ip === 'string' ? payload.ip : undefined,
    };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw unauthenticated('gateway token expired');
    if (error instanceof joseErrors.JOSEError) throw unauthenticated('invalid gateway token');
    throw error;
  }
}
