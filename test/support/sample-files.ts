/**
 * Small but structurally whole files of the formats the handover accepts (JPEG, PNG, PDF, MP4, WAV,
 * DOCX), built byte by byte so tests, the benchmark and the demo need no fixtures on disk. Each is
 * what a format identifier and the four-property check expect: right magic, right end markers,
 * container sizes that add up.
 */

let CRC_TABLE: Uint32Array | undefined;

/** CRC-32 (IEEE) as PNG chunks and ZIP entries use it. */
export function crc32(buf: Buffer): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const u32be = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};

/** A JPEG: SOI, a JFIF APP0, a comment carrying `seed` (so files differ), EOI. */
export function jpeg(seed = 'photo', padding = 0): Buffer {
  const comment = Buffer.concat([Buffer.from(seed, 'utf8'), Buffer.alloc(padding, 0x20)]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0', 'latin1'),
    Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0]),
    Buffer.from([0xff, 0xfe]),
    Buffer.from([(comment.length + 2) >> 8, (comment.length + 2) & 0xff]),
    comment,
    Buffer.from([0xff, 0xd9]),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32be(data.length), body, u32be(crc32(body))]);
}

export function png(): Buffer {
  const ihdr = Buffer.concat([u32be(1), u32be(1), Buffer.from([8, 0, 0, 0, 0])]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export function pdf(text = '会议纪要'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'utf8',
  );
}

function box(type: string, data: Buffer): Buffer {
  return Buffer.concat([u32be(8 + data.length), Buffer.from(type, 'latin1'), data]);
}

/** An MP4: ftyp, moov, mdat (sizes that add up exactly to the file). */
export function mp4(payload = 64): Buffer {
  return Buffer.concat([
    box(
      'ftyp',
      Buffer.concat([
        Buffer.from('isom', 'latin1'),
        u32be(512),
        Buffer.from('isomiso2mp41', 'latin1'),
      ]),
    ),
    box('moov', box('mvhd', Buffer.alloc(100))),
    box('mdat', Buffer.alloc(payload, 0x11)),
  ]);
}

export function wav(samples = 800): Buffer {
  const data = Buffer.alloc(samples * 2, 0);
  const fmt = Buffer.concat([u16(1), u16(1), u32(8000), u32(16000), u16(2), u16(16)]);
  const body = Buffer.concat([
    Buffer.from('WAVE', 'latin1'),
    Buffer.from('fmt ', 'latin1'),
    u32(fmt.length),
    fmt,
    Buffer.from('data', 'latin1'),
    u32(data.length),
    data,
  ]);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), u32(body.length), body]);
}

/** A stored (uncompressed) ZIP of the given entries, with central directory and end record. */
export function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data);
    const common = Buffer.concat([
      u16(20),
      u16(0x0800),
      u16(0),
      u16(0),
      u16(0x21),
      u32(crc),
      u32(e.data.length),
      u32(e.data.length),
      u16(name.length),
    ]);
    const local = Buffer.concat([u32(0x04034b50), common, u16(0), name, e.data]);
    centrals.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        common,
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(offset),
        name,
      ]),
    );
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(central.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...locals, central, end]);
}

export function docx(text = '活动方案'): Buffer {
  return zip([
    {
      name: '[Content_Types].xml',
      data: Buffer.from('<?xml version="1.0"?><Types/>', 'utf8'),
    },
    {
      name: 'word/document.xml',
      data: Buffer.from(`<?xml version="1.0"?><w:document>${text}</w:document>`, 'utf8'),
    },
  ]);
}

export interface SampleFile {
  name: string;
  mime: string;
  bytes: Buffer;
}

/** One whole file of each accepted format. */
export const sampleFiles = {
  jpeg: { name: 'IMG_0001.jpg', mime: 'image/jpeg', bytes: jpeg() },
  png: { name: 'scan.png', mime: 'image/png', bytes: png() },
  pdf: { name: '活动方案.pdf', mime: 'application/pdf', bytes: pdf() },
  mp4: { name: 'video.mp4', mime: 'video/mp4', bytes: mp4() },
  wav: { name: '讲话录音.wav', mime: 'audio/wav', bytes: wav() },
  docx: {
    name: '会议纪要.docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    bytes: docx(),
  },
} satisfies Record<string, SampleFile>;

/** A plain ZIP archive (refused at handover: no compressed archives). */
export const plainZip = (): Buffer => zip([{ name: 'photos/IMG_0001.jpg', data: jpeg('zipped') }]);
