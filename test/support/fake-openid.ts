import { generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import https, { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
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

/**
 * A local stand-in for Microsoft Entra's token service, which the bot asks for the bearer of its
 * outgoing calls (botbuilder's credentials → MSAL, client credentials grant). Serves HTTPS — MSAL
 * accepts nothing else — with a certificate made for the test: the OpenID configuration of a
 * tenant, the token endpoint, and the instance discovery MSAL runs for a login host it does not
 * know. `routeHttps()` then makes this process's outgoing HTTPS land here (a hosts file for the
 * test: `login.microsoftonline.com` included, trusted through the test certificate only), so no
 * request leaves the machine.
 */
export interface FakeLogin {
  /** A login URL (TEAMS_CHANNEL_LOGIN_URL) on this server, for `tenant`. */
  loginUrl(tenant: string): string;
  /** The token requests received (form fields; the client secret included, for assertions). */
  tokenRequests: { host: string; path: string; form: Record<string, string> }[];
  /** Routes outgoing HTTPS of this process here until the returned function is called. */
  routeHttps(): () => void;
  close(): Promise<void>;
}

export async function startFakeLogin(options: { accessToken: string }): Promise<FakeLogin> {
  const { generate } = await import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: 'login.microsoftonline.com' }], {
    keySize: 2048,
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'login.microsoftonline.com' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  const tokenRequests: FakeLogin['tokenRequests'] = [];

  const server = createHttpsServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const host = req.headers.host ?? '127.0.0.1';
    const url = new URL(req.url ?? '/', `https://${host}`);
    res.setHeader('content-type', 'application/json');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (url.pathname === '/common/discovery/instance') {
        // A host Microsoft does not list: MSAL then treats it as a custom domain of its own.
        res.end(
          JSON.stringify({ tenant_discovery_endpoint: url.searchParams.get('authorization_endpoint'), metadata: [] }),
        );
        return;
      }
      const openId = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(url.pathname);
      if (openId) {
        const tenant = openId[1];
        res.end(
          JSON.stringify({
            issuer: `https://${host}/${tenant}/v2.0`,
            authorization_endpoint: `https://${host}/${tenant}/oauth2/v2.0/authorize`,
            token_endpoint: `https://${host}/${tenant}/oauth2/v2.0/token`,
            jwks_uri: `https://${host}/${tenant}/discovery/v2.0/keys`,
          }),
        );
        return;
      }
      if (req.method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(url.pathname)) {
        const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
        tokenRequests.push({ host, path: url.pathname, form });
        res.end(
          JSON.stringify({
            token_type: 'Bearer',
            expires_in: 3599,
            ext_expires_in: 3599,
            access_token: options.accessToken,
          }),
        );
        return;
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ error: 'not_found', error_description: `${req.method} ${url.pathname}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  /** Every TLS connection goes to this server; its certificate is the only one trusted. */
  class ToFakeLogin extends https.Agent {
    // Node's agent takes the socket returned here (it does not wait for the callback).
    override createConnection(connect: https.RequestOptions): Duplex {
      return tls.connect({ ...(connect as tls.ConnectionOptions), host: '127.0.0.1', port, ca: [pems.cert] });
    }
  }

  return {
    loginUrl: (tenant) => `https://127.0.0.1:${port}/${tenant}`,
    tokenRequests,
    routeHttps() {
      const original = https.globalAgent;
      https.globalAgent = new ToFakeLogin({ keepAlive: false });
      return () => {
        https.globalAgent.destroy();
        https.globalAgent = original;
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
