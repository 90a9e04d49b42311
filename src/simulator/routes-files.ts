import { fail, ok, parseMultipart, route, type Route, type RouteContext } from './http-util';
import { resourceSize, resourceStream } from './resource-stream';
import { SimState } from './state';
import type { Reply } from './types';

/** Resources above 100 MB cannot be downloaded through the API. */
export const RESOURCE_LIMIT_BYTES = 100 * 1024 * 1024;

/** GET /open-apis/im/v1/messages/:message_id/resources/:file_key?type=image|file */
function download(state: SimState, ctx: RouteContext): Reply {
  const messageId = ctx.params.message_id ?? '';
  const fileKey = ctx.params.file_key ?? '';
  const type = ctx.query.type;
  if (type !== 'image' && type !== 'file') return fail(400, 234001, 'invalid param: type');
  const spec = state.resources.get(SimState.resourceKey(messageId, fileKey));
  if (!spec) return fail(400, 234003, 'file_key does not belong to the message or does not exist');
  const size = resourceSize(spec);
  if (size > RESOURCE_LIMIT_BYTES) return fail(400, 234037, 'resource exceeds 100 MB');
  const stream = resourceStream(messageId, fileKey, spec);
  return {
    status: 200,
    stream,
    headers: {
      'content-type':
        spec.contentType ?? (type === 'image' ? 'image/jpeg' : 'application/octet-stream'),
      'content-length': String(size),
      'content-disposition': `attachment; filename="${encodeURIComponent(fileKey)}"`,
    },
  };
}

/** POST /open-apis/im/v1/files and /open-apis/im/v1/images (multipart/form-data). */
function upload(state: SimState, ctx: RouteContext, kind: 'file' | 'image'): Reply {
  let parts;
  try {
    parts = parseMultipart(ctx.rawBody, ctx.headers['content-type']);
  } catch {
    return fail(400, 234001, 'expected multipart/form-data');
  }
  const field = (name: string) => parts.find((p) => p.name === name);
  const filePart = field(kind === 'file' ? 'file' : 'image');
  const typeField = field(kind === 'file' ? 'file_type' : 'image_type')?.data.toString('utf8');
  if (!filePart || !typeField) return fail(400, 234001, `missing ${kind} or ${kind}_type`);
  if (filePart.data.length === 0) return fail(400, 234010, 'empty upload');
  const fileName = field('file_name')?.data.toString('utf8') ?? filePart.fileName ?? '';
  const fileKey =
    kind === 'file' ? `file_sim_${state.next('file')}` : `img_sim_${state.next('image')}`;
  state.uploads.push({
    kind,
    fileKey,
    fileName,
    fileType: typeField,
    bytes: Buffer.from(filePart.data),
  });
  return ok(kind === 'file' ? { file_key: fileKey } : { image_key: fileKey });
}

/** Routes for downloading message resources and uploading files/images. */
export function fileRoutes(state: SimState): Route[] {
  return [
    route('GET', '/open-apis/im/v1/messages/:message_id/resources/:file_key', (ctx) =>
      download(state, ctx),
    ),
    route('POST', '/open-apis/im/v1/files', (ctx) => upload(state, ctx, 'file')),
    route('POST', '/open-apis/im/v1/images', (ctx) => upload(state, ctx, 'image')),
  ];
}
