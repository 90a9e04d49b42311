import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';

/** One HTTP request the simulator saw, in arrival order. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/open-apis/im/v1/messages`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or undefined for empty / non-JSON (e.g. multipart) bodies. */
  body: unknown;
  at: Date;
}

/** A message the bot sent (create or reply), as the platform stored it. */
export interface SentMessage {
  messageId: string;
  chatId?: string;
  receiveId: string;
  receiveIdType: string;
  msgType: string;
  /** `content` JSON string, parsed. */
  content: unknown;
  /** For replies: the message replied to. */
  replyTo?: string;
  replyInThread?: boolean;
  uuid?: string;
  /** Every later PATCH (or bound delayed update), parsed, oldest first. */
  updates: unknown[];
  createTime: Date;
}

/** A message the simulator knows about that the bot did not send (seeded by tests). */
export interface StoredMessage {
  messageId: string;
  chatId: string;
  msgType: string;
  content: unknown;
  senderId: string;
  senderType: 'user' | 'app';
  createTime: Date;
  parentId?: string;
  upperMessageId?: string;
}

/** A child of a merge_forward message, as passed to `addMergeForward`. */
export interface MergeForwardChild {
  messageId?: string;
  msgType: string;
  content: unknown;
  senderOpenId?: string;
  chatId?: string;
  createTime?: Date;
}

/** A downloadable resource registered with `putResource`. */
export interface ResourceSpec {
  /** Exact bytes to serve. */
  bytes?: Buffer;
  /** Serve this many deterministic pseudo-random bytes instead (streamed, never held in memory). */
  size?: number;
  contentType?: string;
}

/** A file or image the bot uploaded through `im/v1/files` or `im/v1/images`. */
export interface UploadedFile {
  kind: 'file' | 'image';
  /** `file_key` for files, `image_key` for images. */
  fileKey: string;
  fileName: string;
  /** `file_type` (files) or `image_type` (images). */
  fileType: string;
  bytes: Buffer;
}

/** A group chat the simulator holds. */
export interface SimChat {
  chatId: string;
  name: string;
  description: string;
  ownerId: string;
  chatMode: string;
  chatType: string;
  /** Open ids of user members, join order. */
  members: string[];
  /** App ids of bots in the chat (the simulated bot is always one). */
  bots: string[];
}

/** A delayed card update received at `interactive/v1/card/update`. */
export interface CardUpdate {
  token: string;
  card: unknown;
  /** Set when the token was issued with `issueCardToken(messageId)`. */
  messageId?: string;
  at: Date;
}

/** Canned answer for the next matching requests. */
export interface FaultRule {
  method?: string;
  path: string | RegExp;
  /** How many requests to affect (default 1). */
  times?: number;
  /** HTTP status to answer with; omit with `delayMs` to delay and then answer normally. */
  status?: number;
  body?: object;
  headers?: Record<string, string>;
  delayMs?: number;
}

/** What a route handler produces; the server writes it. */
export interface Reply {
  status: number;
  json?: unknown;
  stream?: Readable;
  headers?: Record<string, string>;
}

/** Constructor options of `FeishuSimulator`. */
export interface SimulatorOptions {
  appId?: string;
  appSecret?: string;
  botOpenId?: string;
  botName?: string;
  tenantKey?: string;
}
