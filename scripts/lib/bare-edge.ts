import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Router from '@koa/router';
import Koa from 'koa';
import { decryptEvent, isSignatureValid } from '../../src/feishu/crypto';
import { readRawBody } from '../../src/feishu/raw-body';

/**
 * The baseline of the webhook benchmarks: a bare Koa server doing only what any Feishu endpoint must
 * (read the raw body, check the signature, decrypt, parse) and answering `{}` without storing.
 */
export async function startBareEdge(
  encryptKey: string,
  maxBodyBytes = 1024 * 1024,
): Promise<{ url: string; close: () => Promise<void> }> {
  const app = new Koa();
  const router = new Router();
  const handle = async (ctx: Koa.Context) => {
    const raw = await readRawBody(ctx.req, maxBodyBytes);
    const headers = {
      timestamp: ctx.get('x-lark-request-timestamp'),
      nonce: ctx.get('x-lark-request-nonce'),
      signature: ctx.get('x-lark-signature'),
    };
    if (!isSignatureValid(headers, encryptKey, raw)) {
      ctx.status = 401;
      return;
    }
    const outer = JSON.parse(raw.toString('utf8')) as { encrypt?: unknown };
    if (typeof outer.encrypt !== 'string') {
      ctx.status = 400;
      return;
    }
    JSON.parse(decryptEvent(outer.encrypt, encryptKey));
    ctx.body = {};
  };
  router.post('/feishu/events', handle);
  router.post('/feishu/cards', handle);
  app.use(router.routes());
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
