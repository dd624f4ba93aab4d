import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignJWT } from 'jose';
import { signGatewayToken, verifyGatewayToken } from '../src/auth/gateway-token';

const secret = 'a-gateway-secret-long-enough-for-hs256-0123';
const now = () => Math.floor(Date.now() / 1000);

/** A token signed with the right secret, issuer and audience, with exactly the time claims given. */
function token(times: { iat?: number; exp?: number }): Promise<string> {
  const jwt = new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('t').setIssuer('ioc-gateway').setAudience('ioc-subgraph');
  if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
  if (times.exp !== undefined) jwt.setExpirationTime(times.exp);
  return jwt.sign(new TextEncoder().encode(secret));
}

describe('verifyGatewayToken', () => {
  it('accepts what the gateway signs', async () => {
    await expect(verifyGatewayToken(await signGatewayToken({ subject: 's', role: 'ioc-viewer' }, secret), secret)).resolves.toMatchObject({ subject: 's', role: 'ioc-viewer' });
  });

  it.each([
    ['no exp', { iat: now() }, /gateway token without "exp"/],
    ['no iat', { exp: now() + 60 }, /gateway token without "iat"/],
    ['a 100-year lifetime', { iat: now(), exp: now() + 100 * 365 * 86400 }, /longer than the 300 s allowed/],
    ['an iat an hour ahead', { iat: now() + 3600, exp: now() + 3660 }, /issued in the future/],
    ['an expired one', { iat: now() - 200, exp: now() - 60 }, /gateway token expired/],
  ])('refuses a token with %s', async (_name, times, message) => {
    await expect(verifyGatewayToken(await token(times), secret)).rejects.toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('tolerates the clock skew and honours a configured lifetime', async () => {
    await expect(verifyGatewayToken(await token({ iat: now() + 3, exp: now() + 120 }), secret)).resolves.toBeDefined();
    await expect(verifyGatewayToken(await token({ iat: now(), exp: now() + 120 }), secret, 60)).rejects.toThrow(/longer than the 60 s allowed/);
  });

  describe('a token already verified', () => {
    afterEach(() => vi.useRealTimers());

    it('is accepted again without a new check only for the same secret and an allowed lifetime', async () => {
      const reused = await token({ iat: now(), exp: now() + 120 });
      const first = await verifyGatewayToken(reused, secret);
      first.subject = 'changed by a caller';
      await expect(verifyGatewayToken(reused, secret)).resolves.toMatchObject({ subject: 't', role: 'admin' });
      await expect(verifyGatewayToken(reused, 'another-secret-long-enough-for-hs256-0123')).rejects.toThrow(/invalid gateway token/);
      await expect(verifyGatewayToken(reused, secret, 60)).rejects.toThrow(/longer than the 60 s allowed/);
    });

    it('is refused as expired once past its exp and the skew', async () => {
      const reused = await token({ iat: now(), exp: now() + 30 });
      await expect(verifyGatewayToken(reused, secret)).resolves.toBeDefined();
      vi.useFakeTimers({ now: Date.now() + 40_000, toFake: ['Date'] });
      await expect(verifyGatewayToken(reused, secret)).rejects.toThrow(/gateway token expired/);
    });
  });
});
