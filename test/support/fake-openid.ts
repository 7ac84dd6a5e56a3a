import { generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

/**
 * A local stand-in for the Bot Framework's OpenID issuer: serves
 * `/.well-known/openid-configuration` and a JWKS on 127.0.0.1, and mints RS256 tokens the way
 * the Teams channel does (audience = the bot's app id, `serviceurl` claim = the activity's
 * serviceUrl). Lets the adapter run with authentication ON in tests, with no network.
 */
export interface FakeOpenId {
  /** Value for ToBotFromChannelOpenIdMetadataUrl. */
  metadataUrl: string;
  /** Value for ToBotFromChannelTokenIssuer. */
  issuer: string;
  /** A valid channel token for this app and serviceUrl. */
  token(options: { audience: string; serviceUrl: string; expiresInSeconds?: number }): string;
  /** Same claims, signed with a key the JWKS does not hold (but advertising the published kid). */
  tokenSignedWithWrongKey(options: { audience: string; serviceUrl: string }): string;
  close(): Promise<void>;
}

export async function startFakeOpenId(): Promise<FakeOpenId> {
  const kid = `test-key-${randomUUID()}`;
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const jwk = publicKey.export({ format: 'jwk' });

  const server: Server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration') {
      res.end(
        JSON.stringify({
          issuer: `${base}/issuer`,
          authorization_endpoint: `${base}/authorize`,
          jwks_uri: `${base}/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        }),
      );
      return;
    }
    if (req.url === '/keys') {
      // `endorsements` is how the Bot Framework says which channels a key may sign for.
      res.end(JSON.stringify({ keys: [{ ...jwk, kid, use: 'sig', alg: 'RS256', endorsements: ['msteams'] }] }));
      return;
    }
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${base}/issuer`;

  const sign = (key: KeyObject, audience: string, serviceUrl: string, expiresInSeconds: number) =>
    jwt.sign({ serviceurl: serviceUrl }, key, {
      algorithm: 'RS256',
      keyid: kid,
      audience,
      issuer,
      expiresIn: expiresInSeconds,
    });

  return {
    metadataUrl: `${base}/.well-known/openid-configuration`,
    issuer,
    token: ({ audience, serviceUrl, expiresInSeconds = 600 }) =>
      sign(privateKey, audience, serviceUrl, expiresInSeconds),
    tokenSignedWithWrongKey: ({ audience, serviceUrl }) => sign(stranger, audience, serviceUrl, 600),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
