import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import jwt from 'jsonwebtoken';
export async function startFakeOpenId() {
    const kid = `test-key-${randomUUID()}`;
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    const server = createServer((req, res) => {
        const base = `http://127.0.0.1:${server.address().port}`;
        res.setHeader('content-type', 'application/json');
        if (req.url === '/.well-known/openid-configuration') {
            res.end(JSON.stringify({
                issuer: `${base}/issuer`,
                authorization_endpoint: `${base}/authorize`,
                jwks_uri: `${base}/keys`,
                id_token_signing_alg_values_supported: ['RS256'],
                token_endpoint_auth_methods_supported: ['private_key_jwt'],
            }));
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
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${server.address().port}`;
    const issuer = `${base}/issuer`;
    const sign = (key, audience, serviceUrl, expiresInSeconds) => jwt.sign({ serviceurl: serviceUrl }, key, {
        algorithm: 'RS256',
        keyid: kid,
        audience,
        issuer,
        expiresIn: expiresInSeconds,
    });
    return {
        metadataUrl: `${base}/.well-known/openid-configuration`,
        issuer,
        token: ({ audience, serviceUrl, expiresInSeconds = 600 }) => sign(privateKey, audience, serviceUrl, expiresInSeconds),
        tokenSignedWithWrongKey: ({ audience, serviceUrl }) => sign(stranger, audience, serviceUrl, 600),
        close: () => new Promise((resolve) => server.close(() => resolve())),
    };
}
//# sourceMappingURL=fake-openid.js.map