/**
 * Quality checks on arrival (issue 5 item 9). Everything is decided from the bytes, never from the
 * name: the format from the file's signature, a photo's size from its header, the capture time from
 * its EXIF block. The checks see only the head of a file (its first bytes, enough for every header
 * we read) and its last bytes, because files are streamed into storage and never held whole.
 *
 * Thresholds come from ../shared/docs/archival-standards.md §4 item 8 (DA/T 50: JPEG/TIFF, warn
 * below 3 megapixels) and item 9 (DA/T 78 / GB/T 18894: WAV/MP3 audio, MP4/MPEG video).
 */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import exifr from 'exifr';
import { fromBuffer } from 'file-type';
import { imageSize } from 'image-size';
import type { MaterialKind } from './categories';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(customParseFormat);

/** Bytes of a file's head kept while streaming: file-type needs ~4 KB, EXIF and JPEG headers more. */
export const HEAD_BYTES = 128 * 1024;
/** Bytes of a file's end kept while streaming (a PDF ends with `%%EOF` within its last 1 KB). */
export const TAIL_BYTES = 1024;
/** DA/T 50 (as cited in the archival standards note): photos of at least 3 megapixels. */
export const MIN_PHOTO_PIXELS = 3_000_000;

/** What the message said the resource was (image message, audio message, video, plain file). */
export type ResourceHint = 'image' | 'audio' | 'video' | 'file';

/** Warnings shown on the acknowledgement card; values are i18n keys (see messages-intake.ts). */
export type QualityWarning =
  | 'intake.warn.low_resolution'
  | 'intake.warn.photo_format'
  | 'intake.warn.av_format'
  | 'intake.warn.unknown_format';

/** Why a file was refused on arrival; values are i18n keys. */
export type RejectReason =
  | 'intake.reject.empty'
  | 'intake.reject.unreadable_image'
  | 'intake.reject.not_an_image'
  | 'intake.reject.truncated_pdf';

/** What the head of a file tells. */
export interface HeadFacts {
  mime?: string;
  ext?: string;
  /** Pixel size of an image, when its header decodes. */
  image?: { width: number; height: number };
  /** EXIF capture time as written by the camera (`YYYY:MM:DD HH:mm:ss`) and its offset, if any. */
  exif?: { dateTimeOriginal?: string; offsetTimeOriginal?: string };
}

export type QualityVerdict =
  | {
      accepted: true;
      kind: MaterialKind;
      mime: string;
      image?: { width: number; height: number };
      warnings: QualityWarning[];
    }
  | { accepted: false; reason: RejectReason };

const IMAGE_MIMES = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/bmp',
  'image/tiff',
  'image/heic',
  'image/heif',
  'image/avif',
]);
const ARCHIVAL_PHOTO_MIMES = new Set(['image/jpeg', 'image/tiff']);
const ARCHIVAL_AV_MIMES = new Set([
  'audio/mpeg',
  'audio/wav',
  'audio/vnd.wave',
  'audio/x-wav',
  'video/mp4',
  'video/mpeg',
]);

/** True when the bytes look like text (no NUL byte, valid UTF-8): .txt, .csv, .md have no signature. */
function looksLikeText(head: Buffer): boolean {
  if (head.length === 0 || head.includes(0)) return false;
  // Cut at the last complete character so a multi-byte sequence split by the head does not count.
  let end = head.length;
  while (end > 0 && end > head.length - 4 && (head[end - 1]! & 0xc0) === 0x80) end--;
  if (end > 0 && head[end - 1]! >= 0xc0) end--;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

function decodeImage(head: Buffer): { width: number; height: number } | undefined {
  try {
    const size = imageSize(head);
    if (!size.width || !size.height) return undefined;
    // EXIF orientation 5–8 means the picture is shown rotated: report it as people see it.
    const rotated = size.orientation !== undefined && size.orientation >= 5;
    return rotated
      ? { width: size.height, height: size.width }
      : { width: size.width, height: size.height };
  } catch {
    return undefined;
  }
}

async function readExif(head: Buffer): Promise<HeadFacts['exif']> {
  try {
    const tags = (await exifr.parse(head, {
      pick: ['DateTimeOriginal', 'OffsetTimeOriginal'],
      reviveValues: false,
    })) as { DateTimeOriginal?: unknown; OffsetTimeOriginal?: unknown } | undefined;
    if (!tags || typeof tags.DateTimeOriginal !== 'string') return undefined;
    return {
      dateTimeOriginal: tags.DateTimeOriginal,
      ...(typeof tags.OffsetTimeOriginal === 'string'
        ? { offsetTimeOriginal: tags.OffsetTimeOriginal }
        : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * Reads what the head of a file tells: its format from the signature (file-type), an image's pixel
 * size (image-size), a photo's EXIF capture time (exifr). No I/O; unreadable parts are left out.
 */
export async function inspectHead(head: Buffer): Promise<HeadFacts> {
  if (head.length === 0) return {};
  const type = await fromBuffer(head).catch(() => undefined);
  const facts: HeadFacts = {};
  if (type) {
    facts.mime = type.mime;
    facts.ext = type.ext;
  } else if (looksLikeText(head)) {
    facts.mime = 'text/plain';
    facts.ext = 'txt';
  }
  if (facts.mime && IMAGE_MIMES.has(facts.mime)) {
    const image = decodeImage(head);
    if (image) facts.image = image;
    const exif = await readExif(head);
    if (exif) facts.exif = exif;
  }
  return facts;
}

function kindOf(mime: string | undefined, hint: ResourceHint): MaterialKind {
  if (mime?.startsWith('image/')) return 'photo';
  if (mime?.startsWith('video/')) return 'video';
  if (mime?.startsWith('audio/')) return 'audio';
  // Feishu voice messages are Opus in Ogg, which some signatures call application/ogg.
  if (mime === 'application/ogg' || (!mime && hint === 'audio')) return 'audio';
  if (!mime && hint === 'video') return 'video';
  return 'document';
}

/**
 * Decides whether a file is kept and what to say about it. Refused: an empty file, an image whose
 * header does not decode, an image message whose bytes are no image, a PDF cut short. Kept with a
 * warning: a photo under 3 megapixels, a photo not in JPEG/TIFF, audio/video not in WAV/MP3/MP4/MPEG,
 * a format the signature does not identify.
 */
export function assessMaterial(input: {
  facts: HeadFacts;
  size: number;
  tail: Buffer;
  hint: ResourceHint;
}): QualityVerdict {
  const { facts, size, tail, hint } = input;
  if (size === 0) return { accepted: false, reason: 'intake.reject.empty' };
  const mime = facts.mime;
  const isImage = mime !== undefined && IMAGE_MIMES.has(mime);
  if (hint === 'image' && !isImage)
    return { accepted: false, reason: 'intake.reject.not_an_image' };
  if (isImage && !facts.image) return { accepted: false, reason: 'intake.reject.unreadable_image' };
  if (mime === 'application/pdf' && !tail.toString('latin1').includes('%%EOF')) {
    return { accepted: false, reason: 'intake.reject.truncated_pdf' };
  }
  const kind = kindOf(mime, hint);
  const warnings: QualityWarning[] = [];
  if (!mime) warnings.push('intake.warn.unknown_format');
  if (kind === 'photo' && mime && !ARCHIVAL_PHOTO_MIMES.has(mime)) {
    warnings.push('intake.warn.photo_format');
  }
  if (kind === 'photo' && facts.image) {
    if (facts.image.width * facts.image.height < MIN_PHOTO_PIXELS) {
      warnings.push('intake.warn.low_resolution');
    }
  }
  if ((kind === 'audio' || kind === 'video') && mime && !ARCHIVAL_AV_MIMES.has(mime)) {
    warnings.push('intake.warn.av_format');
  }
  return {
    accepted: true,
    kind,
    mime: mime ?? 'application/octet-stream',
    ...(facts.image ? { image: facts.image } : {}),
    warnings,
  };
}

/**
 * The instant an EXIF capture time names. Cameras write local wall time without a zone; with an
 * `OffsetTimeOriginal` (`+08:00`) that offset applies, otherwise the business time zone does.
 */
export function exifCaptureTime(exif: HeadFacts['exif'], tz: string): Date | undefined {
  const raw = exif?.dateTimeOriginal?.trim();
  if (!raw) return undefined;
  const match = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(raw);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match;
  const local = `${y}-${mo}-${d} ${h}:${mi}:${s}`;
  const offset = exif?.offsetTimeOriginal?.trim();
  const parsed =
    offset && /^[+-]\d{2}:\d{2}$/.test(offset)
      ? dayjs(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`)
      : dayjs.tz(local, 'YYYY-MM-DD HH:mm:ss', tz);
  if (!parsed.isValid() || Number(y) < 1990) return undefined;
  return parsed.toDate();
}

/** Megapixels with one decimal, for cards (`2.1`). */
export function megapixels(image: { width: number; height: number }): string {
  return (Math.round((image.width * image.height) / 100_000) / 10).toFixed(1);
}
