// JSON Web Tokens a spec needs (valid, expired, signed with another secret, `alg: none`), minted with
// node:crypto at the start of each scenario so their times are always relative to now.
import { createHmac } from 'node:crypto';
import type { TokenDefinition } from './schema';

const hashOf = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' } as const;

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export function mintToken(token: TokenDefinition, nowMs = Date.now()): string {
  const now = Math.floor(nowMs / 1000);
  const header = { alg: token.alg, typ: 'JWT', ...token.header };
  const payload: Record<string, unknown> = { ...token.payload };
  if (token.expiresIn !== undefined) {
    payload.iat ??= now;
    payload.exp = now + token.expiresIn;
  }
  if (token.notBefore !== undefined) payload.nbf = now + token.notBefore;
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  if (token.alg === 'none') return `${signingInput}.`;
  if (token.secret === undefined) throw new Error(`a ${token.alg} token needs a secret`);
  return `${signingInput}.${createHmac(hashOf[token.alg], token.secret).update(signingInput).digest('base64url')}`;
}

export function mintTokens(tokens: Record<string, TokenDefinition> | undefined, nowMs = Date.now()): Record<string, string> {
  return Object.fromEntries(Object.entries(tokens ?? {}).map(([name, token]) => [name, mintToken(token, nowMs)]));
}
