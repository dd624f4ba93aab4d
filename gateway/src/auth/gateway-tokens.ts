import { signGatewayToken, type Principal } from '@ioc/kit';

const ttlSeconds = 120;

/** Signs the gateway's word for subgraphs, reusing a token while it has most of its life left. */
export function createGatewayTokenSigner(secret: string) {
  const cache = new Map<string, { token: string; renewAt: number }>();
  return async function tokenFor(principal: Principal): Promise<string> {
    const key = JSON.stringify([principal.subject, principal.role, principal.agencyId ?? null, principal.clientIp ?? null]);
    const cached = cache.get(key);
    if (cached && cached.renewAt > Date.now()) return cached.token;
    const token = await signGatewayToken(principal, secret, ttlSeconds);
    if (cache.size > 10_000) cache.clear();
    cache.set(key, { token, renewAt: Date.now() + (ttlSeconds - 60) * 1000 });
    return token;
  };
}

export type GatewayTokenSigner = ReturnType<typeof createGatewayTokenSigner>;
