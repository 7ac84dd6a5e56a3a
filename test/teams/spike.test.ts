import express from 'express';
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { ServiceClientCredentialsFactory } from 'botframework-connector';
import { test, expect } from 'vitest';
import { startFakeConnector } from '../support/fake-connector.js';
import { startFakeOpenId } from '../support/fake-openid.js';
import type { AddressInfo } from 'node:net';

test('spike', async () => {
  const conn = await startFakeConnector();
  const oid = await startFakeOpenId();
  const appId = 'app-123';
  class Creds extends ServiceClientCredentialsFactory {
    async isValidAppId(id: string) { return id === appId; }
    async isAuthenticationDisabled() { return false; }
    async createCredentials() { return { signRequest: async (r: any) => { r.headers.set('authorization', `Bearer ${conn.bearer}`); return r; } }; }
  }
  const adapter = new TeamsAdapter({ MicrosoftAppId: appId, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 't1', ToBotFromChannelOpenIdMetadataUrl: oid.metadataUrl, ToBotFromChannelTokenIssuer: oid.issuer } as any, new Creds());
  const app = new Application({ adapter, botAppId: appId, startTypingTimer: false });
  app.message(/.*/, async (ctx) => { await ctx.sendActivity('hi ' + ctx.activity.text); });
  const server = express();
  server.post('/api/messages', express.json(), async (req, res) => { await adapter.process(req as any, res as any, (ctx) => app.run(ctx).then(() => undefined)); });
  const http = server.listen(0, '127.0.0.1');
  await new Promise((r) => http.once('listening', r));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/messages`;
  const activity = { type: 'message', id: 'a1', text: 'hello', channelId: 'msteams', serviceUrl: conn.serviceUrl, from: { id: '29:u1', aadObjectId: 'aad-u1' }, recipient: { id: '28:' + appId }, conversation: { id: 'a:conv1', conversationType: 'personal', tenantId: 't1' }, channelData: { tenant: { id: 't1' } } };
  const post = (auth?: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, body: JSON.stringify(activity) });
  let r = await post('Bearer ' + oid.token({ audience: appId, serviceUrl: conn.serviceUrl }));
  console.log('ok', r.status, await r.text(), JSON.stringify(conn.calls.map((c) => [c.method, c.path, c.status])));
  r = await post('Bearer ' + oid.tokenSignedWithWrongKey({ audience: appId, serviceUrl: conn.serviceUrl }));
  console.log('wrongkey', r.status, await r.text());
  conn.reset();
  conn.failNext(2, 429, 0);
  const t0 = Date.now();
  r = await post('Bearer ' + oid.token({ audience: appId, serviceUrl: conn.serviceUrl }));
  console.log('429', Date.now() - t0, r.status, await r.text(), JSON.stringify(conn.calls.map((c) => [c.method, c.path, c.status])));
  conn.reset();
  conn.failNext(1, 503);
  r = await post('Bearer ' + oid.token({ audience: appId, serviceUrl: conn.serviceUrl }));
  console.log('503', r.status, await r.text(), JSON.stringify(conn.calls.map((c) => [c.method, c.path, c.status])));
  http.close(); await conn.close(); await oid.close();
});
