import { crc32, deflateSync } from 'node:zlib';

/**
 * Small real files built byte by byte, deterministically, for the simulator, the demo and tests: a
 * baseline JPEG with an EXIF capture time, a PNG, a PDF with one line of text, a WAV tone and the
 * head of an MP4. Each is what a decoder or signature check expects, and the same inputs always give
 * the same bytes (so SHA-256 assertions can be written down).
 */

function u16be(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

function u32be(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function segment(marker: number, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0xff, marker]), u16be(payload.length + 2), payload]);
}

/** A TIFF/EXIF block (big-endian) holding DateTimeOriginal and, if given, OffsetTimeOriginal. */
function exifBlock(takenAt: string, offset?: string): Buffer {
  const ascii = (s: string) => Buffer.from(`${s}\0`, 'latin1');
  const date = ascii(takenAt); // 20 bytes
  const off = offset ? ascii(offset) : undefined; // 7 bytes
  const entry = (tag: number, type: number, count: number, value: Buffer) =>
    Buffer.concat([u16be(tag), u16be(type), u32be(count), value]);
  // Layout: header(8) | IFD0: count(2) + 1 entry(12) + next(4) = 18 | ExifIFD at 26.
  const exifIfdAt = 26;
  const exifEntries = off ? 2 : 1;
  const exifIfdLen = 2 + exifEntries * 12 + 4;
  const dateAt = exifIfdAt + exifIfdLen;
  const offAt = dateAt + date.length;
  const ifd0 = Buffer.concat([u16be(1), entry(0x8769, 4, 1, u32be(exifIfdAt)), u32be(0)]);
  const exifIfd = Buffer.concat([
    u16be(exifEntries),
    entry(0x9003, 2, date.length, u32be(dateAt)),
    ...(off ? [entry(0x9011, 2, off.length, u32be(offAt))] : []),
    u32be(0),
  ]);
  const tiff = Buffer.concat([Buffer.from('MM\0*', 'latin1'), u32be(8), ifd0, exifIfd, date]);
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff, ...(off ? [off] : [])]);
}

export interface SampleJpegOptions {
  width: number;
  height: number;
  /** EXIF DateTimeOriginal, `YYYY:MM:DD HH:mm:ss`; omitted = no EXIF block. */
  takenAt?: string;
  /** EXIF OffsetTimeOriginal, e.g. `+08:00`. */
  offset?: string;
  /** Written into a comment segment: different labels give different bytes (and hashes). */
  label?: string;
}

/**
 * A baseline greyscale JPEG of the given size: every 8×8 block is mid-grey (DC difference 0, end of
 * block), coded with one-symbol Huffman tables, so a 3-megapixel photo takes about 12 KB.
 */
export function sampleJpeg(o: SampleJpegOptions): Buffer {
  const blocks = Math.ceil(o.width / 8) * Math.ceil(o.height / 8);
  const bits = blocks * 2; // '0' for DC category 0, '0' for EOB
  const scan = Buffer.alloc(Math.ceil(bits / 8));
  const spare = scan.length * 8 - bits;
  if (spare > 0) scan[scan.length - 1] = (1 << spare) - 1; // pad the last byte with 1-bits
  const huffman = (tableClass: number) =>
    Buffer.concat([
      Buffer.from([tableClass << 4]),
      Buffer.from([1, ...new Array<number>(15).fill(0)]),
      Buffer.from([0]),
    ]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    ...(o.takenAt ? [segment(0xe1, exifBlock(o.takenAt, o.offset))] : []),
    ...(o.label ? [segment(0xfe, Buffer.from(o.label, 'utf8'))] : []),
    segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    segment(
      0xc0,
      Buffer.concat([
        Buffer.from([8]),
        u16be(o.height),
        u16be(o.width),
        Buffer.from([1, 1, 0x11, 0]),
      ]),
    ),
    segment(0xc4, huffman(0)),
    segment(0xc4, huffman(1)),
    segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])),
    scan,
    Buffer.from([0xff, 0xd9]),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32be(data.length), typed, u32be(crc32(typed))]);
}

/** An 8-bit greyscale PNG with a horizontal gradient. */
export function samplePng(width: number, height: number): Buffer {
  const row = Buffer.alloc(width + 1);
  for (let x = 0; x < width; x++) row[x + 1] = Math.floor((x * 255) / Math.max(width - 1, 1));
  const raw = Buffer.concat(new Array<Buffer>(height).fill(row));
  const ihdr = Buffer.concat([u32be(width), u32be(height), Buffer.from([8, 0, 0, 0, 0])]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF showing one line of (ASCII) text, with a correct cross-reference table. */
export function samplePdf(text: string): Buffer {
  const safe = text.replace(/[^\x20-\x7e]/g, '?').replace(/([()\\])/g, '\\$1');
  const stream = `BT /F1 18 Tf 72 720 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) out += `${String(at).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A mono 16-bit PCM WAV of a 440 Hz tone. */
export function sampleWav(seconds: number, sampleRate = 8000): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / sampleRate)), i * 2);
  }
  const le32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  };
  const le16 = (n: number) => {
    const b = Buffer.alloc(2);
    b.writeUInt16LE(n);
    return b;
  };
  const fmt = Buffer.concat([
    le16(1),
    le16(1),
    le32(sampleRate),
    le32(sampleRate * 2),
    le16(2),
    le16(16),
  ]);
  return Buffer.concat([
    Buffer.from('RIFF', 'latin1'),
    le32(36 + data.length),
    Buffer.from('WAVEfmt ', 'latin1'),
    le32(fmt.length),
    fmt,
    Buffer.from('data', 'latin1'),
    le32(data.length),
    data,
  ]);
}

/**
 * The first bytes of an MP4 of `totalSize` bytes: an `ftyp` box (isom/mp42) and the header of an
 * `mdat` box spanning the rest. Serve it as a resource's `head` followed by generated bytes.
 */
export function mp4Head(totalSize: number): Buffer {
  const ftyp = Buffer.concat([
    u32be(24),
    Buffer.from('ftypisom', 'latin1'),
    u32be(0x200),
    Buffer.from('isommp42', 'latin1'),
  ]);
  return Buffer.concat([ftyp, u32be(totalSize - ftyp.length), Buffer.from('mdat', 'latin1')]);
}
