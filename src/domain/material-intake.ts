/**
 * Pure rules of materials intake: which messages carry collectable resources and how to download
 * them (see ../shared/docs/feishu-platform.md §4–§5), which activities still take materials, and
 * where a private-chat delivery goes.
 */
import type { ActivityState } from './activity-lifecycle';
import type { ResourceHint } from './material-quality';

/** One downloadable resource inside a message's content. */
export interface ResourceInContent {
  fileKey: string;
  /** The `type` parameter of the message-resource API. */
  type: 'image' | 'file';
  hint: ResourceHint;
  fileName?: string;
}

/** Message types whose resources are collected; `merge_forward` is opened through the message API. */
export const RESOURCE_MESSAGE_TYPES = new Set(['image', 'file', 'audio', 'media', 'post']);

/** Feishu's download limit for message resources (234037 above it). */
export const DOWNLOAD_LIMIT_BYTES = 100 * 1024 * 1024;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The rows of a `post`, received plain (`{title, content}`) or locale-wrapped (`{zh_cn: {…}}`). */
function postRows(content: Record<string, unknown>): unknown[] {
  if (Array.isArray(content.content)) return content.content as unknown[];
  for (const value of Object.values(content)) {
    if (
      value &&
      typeof value === 'object' &&
      Array.isArray((value as { content?: unknown }).content)
    ) {
      return (value as { content: unknown[] }).content;
    }
  }
  return [];
}

/**
 * The resources a message's parsed content holds: the image of an `image`, the file of a `file`,
 * `audio` or `media` (a video's cover image is not collected), and every `img` and `media` element
 * of a `post`. Keys repeated within one message are listed once.
 */
export function resourcesIn(
  messageType: string,
  content: Record<string, unknown>,
): ResourceInContent[] {
  const out: ResourceInContent[] = [];
  const add = (r: ResourceInContent) => {
    if (!out.some((o) => o.fileKey === r.fileKey)) out.push(r);
  };
  const fileName = str(content.file_name);
  switch (messageType) {
    case 'image': {
      const key = str(content.image_key);
      if (key) add({ fileKey: key, type: 'image', hint: 'image' });
      break;
    }
    case 'file':
    case 'audio':
    case 'media': {
      const key = str(content.file_key);
      const hint = messageType === 'audio' ? 'audio' : messageType === 'media' ? 'video' : 'file';
      if (key) add({ fileKey: key, type: 'file', hint, ...(fileName ? { fileName } : {}) });
      break;
    }
    case 'post':
      for (const row of postRows(content)) {
        if (!Array.isArray(row)) continue;
        for (const el of row as Record<string, unknown>[]) {
          const imageKey = str(el?.image_key);
          const fileKey = str(el?.file_key);
          if (el?.tag === 'img' && imageKey)
            add({ fileKey: imageKey, type: 'image', hint: 'image' });
          if (el?.tag === 'media' && fileKey) add({ fileKey, type: 'file', hint: 'video' });
        }
      }
      break;
    default:
      break;
  }
  return out;
}

/** An activity takes new materials until its handover is accepted, unless it was cancelled. */
export function takesMaterials(state: ActivityState): boolean {
  return state !== 'accepted' && state !== 'cancelled';
}

export type PrivateChatTarget =
  | { kind: 'one'; activityId: string }
  | { kind: 'none' }
  | { kind: 'many'; count: number };

/**
 * Where files sent to the bot in a private chat go, for someone outside the publicity office: the
 * one open activity they registered or handle; with none or several, they are asked to use the
 * activity's group instead (no guessing).
 */
export function privateChatTarget(
  activities: { _id: string; state: ActivityState }[],
): PrivateChatTarget {
  const open = activities.filter((a) => takesMaterials(a.state));
  if (open.length === 1) return { kind: 'one', activityId: open[0]!._id };
  if (open.length === 0) return { kind: 'none' };
  return { kind: 'many', count: open.length };
}

/** Why a download was refused, as an i18n key, from the platform's code (feishu-platform.md §5). */
export function downloadFailReason(feishuCode: number | undefined): string {
  if (feishuCode === 234037) return 'intake.fail.too_large';
  if (feishuCode === 234043 || feishuCode === 234038 || feishuCode === 234009) {
    return 'intake.fail.unsupported';
  }
  return 'intake.fail.download_failed';
}

/** Material id of a downloaded resource: unique on (message id, file key). */
export const materialIdOf = (messageId: string, fileKey: string): string =>
  `f:${messageId}:${fileKey}`;
