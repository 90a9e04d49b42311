import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { encryptEvent, signBody } from '../feishu/crypto';

/** How Feishu would send a body: encrypted, signed, compact JSON. */
export interface SignOptions {
  encryptKey: string;
  /** `x-lark-request-timestamp`, default now in unix seconds. */
  timestamp?: string;
  /** `x-lark-request-nonce`, default random. */
  nonce?: string;
  /** AES IV, default random (pass 16 zero bytes for reproducible fixtures). */
  iv?: Buffer;
}

/** A ready-to-send request: the exact body bytes and the headers signed over them. */
export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

/**
 * Encrypts an envelope into `{"encrypt":"…"}` and signs that exact body like the platform:
 * signature = hex(sha256(timestamp + nonce + encryptKey + body)).
 */
export function signAndEncrypt(envelope: unknown, opts: SignOptions): SignedRequest {
  const encrypt = encryptEvent(JSON.stringify(envelope), opts.encryptKey, opts.iv);
  return signRaw(JSON.stringify({ encrypt }), opts);
}

/** Signs an already-serialized body (used for plain-but-signed deliveries). */
export function signRaw(body: string, opts: SignOptions): SignedRequest {
  const timestamp = opts.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = opts.nonce ?? randomBytes(8).toString('hex');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-lark-request-timestamp': timestamp,
      'x-lark-request-nonce': nonce,
      'x-lark-signature': signBody(timestamp, nonce, opts.encryptKey, body),
    },
  };
}

/** Options of `deliver`. Without `encryptKey` the envelope is sent plain and unsigned. */
export interface DeliverOptions {
  encryptKey?: string;
  /** Send the envelope as plain JSON even with an encryptKey (it is still signed unless `signature:'none'`). */
  plain?: boolean;
  /**
   * `valid` (default with an encryptKey), `wrong` (a well-formed but incorrect signature) or
   * `none` (no signature headers; the default for url_verification, which Feishu never signs).
   */
  signature?: 'valid' | 'wrong' | 'none';
  timestamp?: string;
  nonce?: string;
  iv?: Buffer;
  /** Extra / overriding headers. */
  headers?: Record<string, string>;
  /** Socket timeout; default 10 s. */
  timeoutMs?: number;
}

/** What the bot answered. */
export interface DeliverResult {
  status: number;
  body: string;
  /** `body` parsed as JSON when it is JSON. */
  json?: unknown;
  headers: http.IncomingHttpHeaders;
  /** Wall time from send to full response. */
  ms: number;
}

const agents = {
  http: new http.Agent({ keepAlive: true }),
  https: new https.Agent({ keepAlive: true }),
};

/** Builds the body + headers `deliver` would send (exported for tests that craft requests). */
export function prepareDelivery(envelope: unknown, opts: DeliverOptions = {}): SignedRequest {
  const isChallenge =
    typeof envelope === 'object' &&
    envelope !== null &&
    (envelope as { type?: unknown }).type === 'url_verification';
  const signature = opts.signature ?? (opts.encryptKey && !isChallenge ? 'valid' : 'none');
  let req: SignedRequest;
  if (opts.encryptKey && !opts.plain) {
    req = signAndEncrypt(envelope, { ...opts, encryptKey: opts.encryptKey });
  } else {
    req = signRaw(JSON.stringify(envelope), { ...opts, encryptKey: opts.encryptKey ?? '' });
  }
  if (signature === 'none') {
    delete req.headers['x-lark-request-timestamp'];
    delete req.headers['x-lark-request-nonce'];
    delete req.headers['x-lark-signature'];
  } else if (signature === 'wrong') {
    const sig = req.headers['x-lark-signature'] ?? '';
    req.headers['x-lark-signature'] = sig.replace(/^./, (c) => (c === '0' ? '1' : '0'));
  }
  return { body: req.body, headers: { ...req.headers, ...opts.headers } };
}

/**
 * Pushes an event or callback envelope to the bot (e.g. `${base}/feishu/events` or `/feishu/cards`)
 * the way Feishu does: POST, compact JSON, encrypted + signed when an encryptKey is given.
 */
export async function deliver(
  url: string,
  envelope: unknown,
  opts: DeliverOptions = {},
): Promise<DeliverResult> {
  const { body, headers } = prepareDelivery(envelope, opts);
  return postRaw(url, body, headers, opts.timeoutMs);
}

/** POSTs exact body bytes with a keep-alive agent and collects the answer. */
export function postRaw(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs = 10_000,
): Promise<DeliverResult> {
  const target = new URL(url);
  const isHttps = target.protocol === 'https:';
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = (isHttps ? https : http).request(
      target,
      {
        method: 'POST',
        agent: isHttps ? agents.https : agents.http,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? (JSON.parse(text) as unknown) : undefined;
          } catch {
            json = undefined;
          }
          const ms = performance.now() - started;
          resolve({ status: res.statusCode ?? 0, body: text, json, headers: res.headers, ms });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`deliver: no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Drops idle keep-alive sockets of the delivery agent (call in afterAll). */
export function closeDeliveryAgents(): void {
  agents.http.destroy();
  agents.https.destroy();
}
