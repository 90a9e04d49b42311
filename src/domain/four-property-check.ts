/**
 * The pure parts of the DA/T 70-2018 four-property check (四性检测) of digital files at handover:
 *
 * - 真实性 authenticity: the SHA-256 recomputed from the store equals the one recorded at intake, and the
 *   size read equals the size recorded;
 * - 完整性 integrity: every stored item has its bytes (counts and byte totals are summed by the pre-check);
 * - 可用性 usability: the bytes are a format we can identify, of the family recorded, and structurally
 *   whole (a JPEG ends with its EOI marker, a PDF with %%EOF, a ZIP with its central directory, an
 *   MP4/MOV's boxes end exactly at the end of the file, a WAV's RIFF size matches);
 * - 安全性 security: the format is one the archive accepts (GB/T 18894 formats plus office originals),
 *   no compressed archives or executables, and nothing encrypted (PDF /Encrypt, encrypted OOXML in a
 *   compound file, ZIP entries with the encryption flag).
 *
 * `FormatProbe` looks at a file's bytes as they stream past (head, tail, a few markers) without holding
 * the file; the service feeds it chunks from GridFS, identifies the head with file-type, and calls
 * `assessFile` with the facts.
 */

const HEAD_BYTES = 4100;
const TAIL_BYTES = 1100;

const PDF_ENCRYPT = Buffer.from('/Encrypt', 'latin1');
const CFB_ENCRYPTED = Buffer.from('EncryptedPackage', 'utf16le');
const MARKER_OVERLAP = Math.max(PDF_ENCRYPT.length, CFB_ENCRYPTED.length);

/** What the probe saw of one file. */
export interface ProbeFacts {
  bytes: number;
  head: Buffer;
  tail: Buffer;
  /** A `/Encrypt` token anywhere (meaningful for PDFs). */
  pdfEncrypt: boolean;
  /** An `EncryptedPackage` stream name (an encrypted OOXML file inside a compound file). */
  cfbEncrypted: boolean;
  /** ISO BMFF (MP4, MOV, M4A, HEIC): whether the top-level boxes ended exactly at the end. */
  bmffWhole: boolean | undefined;
}

/** Streams a file's chunks through; keeps head, tail and a handful of flags, never the whole file. */
export class FormatProbe {
  private bytes = 0;
  private readonly headParts: Buffer[] = [];
  private headLength = 0;
  private tail = Buffer.alloc(0);
  private carry = Buffer.alloc(0);
  private pdfEncrypt = false;
  private cfbEncrypted = false;
  /** Offset of the next top-level ISO BMFF box; -1 once the walk gave up. */
  private nextBox = 0;
  private boxHeader = Buffer.alloc(0);
  private bmff: boolean | undefined;
  private bmffOpenEnded = false;

  update(chunk: Buffer): void {
    const start = this.bytes;
    if (this.headLength < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.headLength);
      this.headParts.push(part);
      this.headLength += part.length;
    }
    if (this.bmff === undefined && this.headLength >= 8) {
      const head = Buffer.concat(this.headParts);
      this.bmff = head.subarray(4, 8).toString('latin1') === 'ftyp';
      // Decided within the first 8 bytes: whatever came before this chunk is in the head.
      if (this.bmff && start > 0) this.walkBoxes(head.subarray(0, start), 0);
    }
    if (this.bmff) this.walkBoxes(chunk, start);
    this.scanMarkers(chunk);
    this.tail =
      chunk.length >= TAIL_BYTES
        ? Buffer.from(chunk.subarray(chunk.length - TAIL_BYTES))
        : Buffer.concat([this.tail, chunk]).subarray(-TAIL_BYTES);
    this.bytes += chunk.length;
  }

  finish(): ProbeFacts {
    return {
      bytes: this.bytes,
      head: Buffer.concat(this.headParts),
      tail: this.tail,
      pdfEncrypt: this.pdfEncrypt,
      cfbEncrypted: this.cfbEncrypted,
      bmffWhole: this.bmff
        ? this.bmffOpenEnded || (this.nextBox === this.bytes && this.boxHeader.length === 0)
        : undefined,
    };
  }

  private scanMarkers(chunk: Buffer): void {
    if (this.pdfEncrypt && this.cfbEncrypted) return;
    const window = Buffer.concat([this.carry, chunk]);
    if (!this.pdfEncrypt && window.includes(PDF_ENCRYPT)) this.pdfEncrypt = true;
    if (!this.cfbEncrypted && window.includes(CFB_ENCRYPTED)) this.cfbEncrypted = true;
    this.carry = Buffer.from(window.subarray(Math.max(0, window.length - MARKER_OVERLAP)));
  }

  /**
   * Follows top-level box sizes as the bytes pass (`chunk` starts at file offset `start`): a truncated
   * or padded file ends off a box boundary. Headers may straddle chunks; reading up to 16 header bytes
   * past a small box is harmless (the next round reads from the next box's own offset).
   */
  private walkBoxes(chunk: Buffer, start: number): void {
    const end = start + chunk.length;
    while (this.nextBox >= 0 && this.nextBox + this.boxHeader.length < end) {
      const from = this.nextBox + this.boxHeader.length - start;
      const piece = chunk.subarray(from, from + 16 - this.boxHeader.length);
      this.boxHeader = Buffer.concat([this.boxHeader, piece]);
      if (this.boxHeader.length < 8) return;
      const size32 = this.boxHeader.readUInt32BE(0);
      if (size32 === 1 && this.boxHeader.length < 16) return;
      if (size32 === 0) {
        // "Extends to the end of the file": whole by definition.
        this.bmffOpenEnded = true;
        this.nextBox = -1;
        return;
      }
      const size = size32 === 1 ? Number(this.boxHeader.readBigUInt64BE(8)) : size32;
      this.boxHeader = Buffer.alloc(0);
      if (size < 8) {
        this.nextBox = -1;
        return;
      }
      this.nextBox += size;
    }
  }
}

/** What file-type (or a plain-text check) made of the head. */
export interface DetectedFormat {
  ext: string;
  mime: string;
}

/** Formats the archive accepts (GB/T 18894 §5.2 and DA/T 50/78 practice, plus office originals). */
const ALLOWED_EXT = new Set([
  'jpg',
  'tif',
  'png',
  'heic',
  'dng',
  'cr2',
  'cr3',
  'nef',
  'arw',
  'pdf',
  'docx',
  'xlsx',
  'pptx',
  'cfb',
  'wav',
  'mp3',
  'm4a',
  'mp4',
  'mov',
  'mpg',
  'avi',
  'flv',
  'txt',
]);

/** ZIP-based formats we accept when the recorded type says so (file-type may only see "zip"). */
const OFFICE_ZIP_MIMES = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/ofd',
  'application/vnd.ofd',
]);
const OFFICE_ZIP_EXTS = /\.(docx|xlsx|pptx|odt|ods|odp|ofd)$/i;
const ZIP_FAMILY = new Set(['zip', 'docx', 'xlsx', 'pptx', 'epub', 'odt', 'ods', 'odp']);
/** Compressed archives and executables are never accepted (DA/T 70 可用性/安全性). */
const ARCHIVE_EXT = new Set(['zip', 'rar', '7z', 'gz', 'bz2', 'xz', 'tar', 'cab', 'lz', 'zst']);

export type FileProblem =
  | { code: 'hash_mismatch'; expected: string; actual: string }
  | { code: 'size_mismatch'; expected: number; actual: number }
  | { code: 'empty' }
  | { code: 'format_unknown' }
  | { code: 'format_not_allowed'; format: string }
  | { code: 'format_mismatch'; recorded: string; detected: string }
  | { code: 'truncated'; format: string }
  | { code: 'encrypted'; format: string };

export interface FileFacts {
  /** What intake recorded. */
  recorded: { sha256?: string; size?: number; mime?: string; fileName?: string };
  /** What reading the store gave now. */
  sha256: string;
  probe: ProbeFacts;
  detected: DetectedFormat | undefined;
}

const family = (mime: string): string => {
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.startsWith('video/')) return 'video';
  if (mime === 'application/pdf') return 'pdf';
  if (mime === 'application/zip' || OFFICE_ZIP_MIMES.has(mime)) return 'zip';
  if (mime === 'application/x-cfb' || mime === 'application/msword') return 'cfb';
  if (mime.startsWith('application/vnd.ms-')) return 'cfb';
  return mime;
};

/** A head that reads as UTF-8 text without control bytes: plain text (file-type cannot tell). */
export function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  if (head.includes(0)) return false;
  const text = head.toString('utf8');
  const bad = [...text].filter((c) => {
    const code = c.charCodeAt(0);
    return c === '\ufffd' || (code < 32 && c !== '\n' && c !== '\r' && c !== '\t');
  }).length;
  return bad <= 1;
}

/** The ZIP ends with a whole end-of-central-directory record (and its comment). */
function zipWhole(tail: Buffer): boolean {
  const at = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (at < 0 || tail.length - at < 22) return false;
  return tail.length - at === 22 + tail.readUInt16LE(at + 20);
}

/** The last bytes, ignoring trailing zero padding some cameras add. */
function trimZeros(tail: Buffer): Buffer {
  let end = tail.length;
  while (end > 0 && tail[end - 1] === 0) end--;
  return tail.subarray(0, end);
}

/** Structural completeness of the formats we can check from head and tail. */
function truncated(ext: string, p: ProbeFacts): boolean {
  switch (ext) {
    case 'jpg': {
      const t = trimZeros(p.tail);
      return !(t.length >= 2 && t[t.length - 2] === 0xff && t[t.length - 1] === 0xd9);
    }
    case 'png':
      return p.tail.subarray(-8, -4).toString('latin1') !== 'IEND';
    case 'pdf':
      return !p.tail.includes(Buffer.from('%%EOF', 'latin1'));
    case 'wav': {
      if (p.head.length < 8) return true;
      const riff = p.head.readUInt32LE(4);
      return riff + 8 > p.bytes;
    }
    default:
      if (ZIP_FAMILY.has(ext)) return !zipWhole(p.tail);
      if (p.bmffWhole !== undefined) return !p.bmffWhole;
      return false;
  }
}

/** The ZIP local file header's general purpose flag, bit 0 = encrypted entry. */
const zipEncrypted = (head: Buffer): boolean =>
  head.length >= 8 && head.readUInt32LE(0) === 0x04034b50 && (head.readUInt16LE(6) & 1) === 1;

/**
 * Every problem of one stored file, in the order of the four properties. An empty list means the file
 * is authentic, whole, usable and safe to accept.
 */
export function assessFile(f: FileFacts): FileProblem[] {
  const out: FileProblem[] = [];
  const { recorded, probe } = f;
  if (recorded.sha256 && recorded.sha256.toLowerCase() !== f.sha256) {
    out.push({ code: 'hash_mismatch', expected: recorded.sha256, actual: f.sha256 });
  }
  if (recorded.size !== undefined && recorded.size !== probe.bytes) {
    out.push({ code: 'size_mismatch', expected: recorded.size, actual: probe.bytes });
  }
  if (probe.bytes === 0) {
    out.push({ code: 'empty' });
    return out;
  }
  const textual =
    !f.detected && looksLikeText(probe.head) && (recorded.mime ?? 'text/plain') === 'text/plain';
  const detected = f.detected ?? (textual ? { ext: 'txt', mime: 'text/plain' } : undefined);
  if (!detected) {
    out.push({ code: 'format_unknown' });
    return out;
  }
  const officeZip =
    ZIP_FAMILY.has(detected.ext) &&
    ((recorded.mime !== undefined && OFFICE_ZIP_MIMES.has(recorded.mime)) ||
      OFFICE_ZIP_EXTS.test(recorded.fileName ?? '') ||
      detected.ext !== 'zip');
  if (ARCHIVE_EXT.has(detected.ext) && !officeZip) {
    out.push({ code: 'format_not_allowed', format: detected.ext });
    return out;
  }
  if (!ALLOWED_EXT.has(detected.ext) && !officeZip) {
    out.push({ code: 'format_not_allowed', format: detected.ext });
    return out;
  }
  if (recorded.mime && family(recorded.mime) !== family(detected.mime)) {
    out.push({ code: 'format_mismatch', recorded: recorded.mime, detected: detected.mime });
  }
  if (truncated(detected.ext, probe)) out.push({ code: 'truncated', format: detected.ext });
  const encrypted =
    (detected.ext === 'pdf' && probe.pdfEncrypt) ||
    (detected.ext === 'cfb' && probe.cfbEncrypted) ||
    (ZIP_FAMILY.has(detected.ext) && zipEncrypted(probe.head));
  if (encrypted) out.push({ code: 'encrypted', format: detected.ext });
  return out;
}

/** The property (四性) a problem belongs to, for grouping on the card. */
export function propertyOf(
  code: FileProblem['code'] | 'blob_missing',
): 'authenticity' | 'integrity' | 'usability' | 'security' {
  switch (code) {
    case 'hash_mismatch':
    case 'size_mismatch':
    case 'format_mismatch':
      return 'authenticity';
    case 'blob_missing':
      return 'integrity';
    case 'empty':
    case 'format_unknown':
    case 'truncated':
      return 'usability';
    case 'format_not_allowed':
    case 'encrypted':
      return 'security';
  }
}
