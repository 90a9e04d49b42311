import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { FaultBook } from './faults';
import { asObject, fail, matchRoute, parseJsonBody, readBody, str, type Route } from './http-util';
import { cardRoutes } from './routes-cards';
import { chatRoutes } from './routes-chats';
import { contactRoutes } from './routes-contacts';
import { fileRoutes } from './routes-files';
import { messageRoutes } from './routes-messages';
import { oauthReply } from './routes-oauth';
import { SimulatorData } from './simulator-data';
import type { FaultRule, RecordedRequest, Reply, SimulatorOptions } from './types';

const TOKEN_PATH = '/open-apis/auth/v3/tenant_access_token/internal';

/**
 * A local fake of the Feishu Open Platform for the real node-sdk `Client` (pass the URL from
 * `start()` as its `domain`). Records every request, serves the IM/chat/contact endpoints the bot
 * uses from in-memory state, and can inject HTTP errors, delays and dropped connections.
 */
export class FeishuSimulator extends SimulatorData {
  /** Every request received, in order (including faulted and unmatched ones). */
  readonly requests: RecordedRequest[] = [];
  /** Requests no route matched (answered 404). */
  readonly unmatched: RecordedRequest[] = [];
  private readonly faults = new FaultBook();
  private readonly routes: Route[];
  private server: Server | undefined;
  private aborter = new AbortController();
  private baseUrl = '';

  constructor(options: SimulatorOptions = {}) {
    super(options);
    this.routes = [
      ...messageRoutes(this.state),
      ...cardRoutes(this.state),
      ...fileRoutes(this.state),
      ...contactRoutes(this.state),
      ...chatRoutes(this.state),
    ];
  }

  /** Listens on 127.0.0.1 with an ephemeral port; resolves to the base URL (no trailing slash). */
  async start(): Promise<string> {
    if (this.server) return this.baseUrl;
    this.aborter = new AbortController();
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  /** Closes the server, its keep-alive connections and any pending injected delays. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.aborter.abort();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  get url(): string {
    return this.baseUrl;
  }

  /** Forgets recorded requests (state such as messages and chats is kept). */
  clear(): void {
    this.requests.length = 0;
    this.unmatched.length = 0;
  }

  /** Throws listing every request that hit no route; call it in afterEach. */
  assertNoUnmatched(): void {
    if (this.unmatched.length === 0) return;
    const lines = this.unmatched.map((r) => `  ${r.method} ${r.path}`).join('\n');
    throw new Error(`simulator: ${this.unmatched.length} unmatched request(s):\n${lines}`);
  }

  /** The next `times` (default 1) matching requests get this answer instead (or are delayed). */
  inject(rule: FaultRule): void {
    const remaining = rule.times ?? 1;
    this.faults.add({
      method: rule.method,
      path: rule.path,
      remaining,
      ...(rule.skip ? { skip: rule.skip } : {}),
      kind: 'reply',
      rule,
    });
  }

  /** The next matching requests have their socket destroyed without an answer. */
  injectNetworkError(rule: { method?: string; path: string | RegExp; times?: number }): void {
    const remaining = rule.times ?? 1;
    this.faults.add({ method: rule.method, path: rule.path, remaining, kind: 'network' });
  }

  /** Fault uses not yet consumed. */
  pendingFaults(): number {
    return this.faults.remaining();
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Requests recorded for a path (string equality or RegExp), optionally one method. */
  requestsTo(path: string | RegExp, method?: string): RecordedRequest[] {
    return this.requests.filter(
      (r) =>
        (!method || r.method === method.toUpperCase()) &&
        (typeof path === 'string' ? r.path === path : new RegExp(path.source).test(r.path)),
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://simulator');
      const method = (req.method ?? 'GET').toUpperCase();
      const path = url.pathname;
      const rawBody = await readBody(req);
      const body = parseJsonBody(rawBody, req.headers['content-type']);
      const query = Object.fromEntries(url.searchParams);
      const recorded = { method, path, query, headers: req.headers, body, at: new Date() };
      this.requests.push(recorded);

      const fault = this.faults.take(method, path);
      if (fault?.kind === 'network') {
        req.socket.destroy();
        return;
      }
      if (fault?.rule?.delayMs) await sleep(fault.rule.delayMs, undefined, this.aborter);
      if (fault?.rule?.status !== undefined) {
        const { status, body: json, headers } = fault.rule;
        return this.write(res, {
          status,
          json: json ?? { code: status, msg: 'injected' },
          headers,
        });
      }
      const matched = matchRoute(this.routes, method, path);
      if (path === TOKEN_PATH && method === 'POST') return this.write(res, this.token(body));
      const signIn = oauthReply(this.state, method, {
        method,
        path,
        params: {},
        query,
        headers: req.headers,
        rawBody,
        body,
      });
      if (signIn) return this.write(res, signIn);
      if (!matched) {
        this.unmatched.push(recorded);
        return this.write(res, {
          status: 404,
          json: { code: 404, msg: `simulator: no route for ${method} ${path}` },
        });
      }
      const denied = this.authorize(req.headers.authorization);
      if (denied) return this.write(res, denied);
      const ctx = {
        method,
        path,
        params: matched.params,
        query,
        headers: req.headers,
        rawBody,
        body,
      };
      this.write(res, await matched.route.handler(ctx));
    } catch (err) {
      if (this.aborter.signal.aborted) {
        res.destroy();
        return;
      }
      this.write(res, fail(500, 500, `simulator error: ${String(err)}`));
    }
  }

  private token(body: unknown): Reply {
    const { appId, appSecret } = this.state.identity;
    const b = asObject(body);
    if (str(b, 'app_id') !== appId || str(b, 'app_secret') !== appSecret) {
      return { status: 400, json: { code: 10014, msg: 'app secret invalid' } };
    }
    const token = `t-sim-${this.state.next('token')}`;
    this.state.tokens.add(token);
    return {
      status: 200,
      json: { code: 0, msg: 'ok', tenant_access_token: token, expire: 7200 },
    };
  }

  private authorize(header: string | undefined): Reply | undefined {
    const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
    if (!token) return fail(401, 99991661, 'Missing access token for authorization');
    if (!this.state.tokens.has(token)) {
      return fail(401, 99991663, 'Invalid access token for authorization');
    }
    return undefined;
  }

  private write(res: ServerResponse, reply: Reply): void {
    if (res.headersSent || res.destroyed) return;
    if (reply.stream) {
      res.writeHead(reply.status, reply.headers);
      pipeline(reply.stream, res, () => undefined); // backpressure; errors just end the response
      return;
    }
    if (reply.json === undefined && reply.text !== undefined) {
      res.writeHead(reply.status, {
        'content-length': String(Buffer.byteLength(reply.text)),
        ...reply.headers,
      });
      res.end(reply.text);
      return;
    }
    if (reply.json === undefined && reply.status >= 300 && reply.status < 400) {
      res.writeHead(reply.status, { 'content-length': '0', ...reply.headers });
      res.end();
      return;
    }
    const payload = JSON.stringify(reply.json ?? {});
    res.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(payload)),
      ...reply.headers,
    });
    res.end(payload);
  }
}
