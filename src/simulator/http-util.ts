import type { IncomingMessage } from 'node:http';
import type { Reply } from './types';

/** Everything a route handler gets about one request. */
export interface RouteContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  rawBody: Buffer;
  /** Parsed JSON body (undefined when the body is empty or not JSON). */
  body: unknown;
}

/** A route: method + path template (`:name` segments) + handler. */
export interface Route {
  method: string;
  pattern: RegExp;
  handler: (ctx: RouteContext) => Reply | Promise<Reply>;
}

/** Compiles `/open-apis/im/v1/messages/:message_id` into a route with named groups. */
export function route(method: string, template: string, handler: Route['handler']): Route {
  const source = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, '(?<$1>[^/]+)');
  return { method, pattern: new RegExp(`^${source}$`), handler };
}

/** Finds the route for a request; returns its decoded path params too. */
export function matchRoute(
  routes: Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  for (const r of routes) {
    if (r.method !== method) continue;
    const m = r.pattern.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.groups ?? {})) params[k] = decodeURIComponent(v);
    return { route: r, params };
  }
  return undefined;
}

/** Buffers a request body. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Parses a JSON body when it looks like one; anything else yields undefined. */
export function parseJsonBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0 || (contentType ?? '').includes('multipart/')) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** A successful Feishu-style answer: `{code:0,msg:'success',data}`. */
export function ok(data: unknown): Reply {
  return { status: 200, json: { code: 0, msg: 'success', data } };
}

/** A Feishu-style error answer: HTTP status + `{code,msg,error:{log_id}}`. */
export function fail(status: number, code: number, msg: string): Reply {
  return { status, json: { code, msg, error: { log_id: `sim-log-${code}` } } };
}

/** Narrows an unknown JSON body to a plain object (empty object otherwise). */
export function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Reads a string field of an unknown object, undefined if absent or not a string. */
export function str(obj: Record<string, unknown>, key: string): string | undefined {
  const v = obj[key];
  return typeof v === 'string' ? v : undefined;
}

/** One part of a multipart/form-data body. */
export interface MultipartPart {
  name: string;
  fileName?: string;
  contentType?: string;
  data: Buffer;
}

/**
 * Minimal multipart/form-data parser (boundary split): enough for the SDK's uploads, which axios
 * encodes with the `form-data` package. Throws when the content type carries no boundary.
 */
export function parseMultipart(raw: Buffer, contentType: string | undefined): MultipartPart[] {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) throw new Error('multipart body without boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const from = start + delimiter.length;
    if (raw.subarray(from, from + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, from);
    if (next === -1) break;
    const section = raw.subarray(from + 2, next - 2); // skip CRLF after delimiter and before next
    const headerEnd = section.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const head = section.subarray(0, headerEnd).toString('utf8');
      const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
      const fileName = /filename="([^"]*)"/i.exec(head)?.[1];
      const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1];
      parts.push({ name, fileName, contentType: type, data: section.subarray(headerEnd + 4) });
    }
    start = next;
  }
  return parts;
}
