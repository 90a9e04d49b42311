import { createHash } from 'node:crypto';
import { fromBuffer } from 'file-type';
import {
  assessFile,
  FormatProbe,
  propertyOf,
  type FileFacts,
} from '../../../src/domain/four-property-check';
import { plainZip, sampleFiles } from '../../support/sample-files';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Feeds `bytes` through the probe in chunks of `size`, like GridFS chunks. */
function probeOf(bytes: Buffer, size = 7) {
  const p = new FormatProbe();
  for (let i = 0; i < bytes.length; i += size) p.update(bytes.subarray(i, i + size));
  return p.finish();
}

async function facts(
  bytes: Buffer,
  recorded: FileFacts['recorded'] = {},
  chunk = 7,
): Promise<FileFacts> {
  const probe = probeOf(bytes, chunk);
  return {
    recorded: { sha256: sha(bytes), size: bytes.length, ...recorded },
    sha256: sha(bytes),
    probe,
    detected: await fromBuffer(probe.head),
  };
}

const codes = async (bytes: Buffer, recorded: FileFacts['recorded'] = {}) =>
  assessFile(await facts(bytes, recorded)).map((p) => p.code);

describe('four-property check of one file (DA/T 70)', () => {
  it.each(Object.entries(sampleFiles))('accepts a whole %s', async (_name, sample) => {
    expect(await codes(sample.bytes, { mime: sample.mime, fileName: sample.name })).toEqual([]);
  });

  it('authenticity: a changed byte is a hash mismatch, a changed length a size mismatch', async () => {
    const jpeg = sampleFiles.jpeg.bytes;
    const f = await facts(jpeg);
    expect(assessFile({ ...f, sha256: sha(Buffer.from('other')) }).map((p) => p.code)).toEqual([
      'hash_mismatch',
    ]);
    const longer = Buffer.concat([jpeg, Buffer.from([0])]);
    const g = await facts(longer, { sha256: sha(longer), size: jpeg.length });
    expect(assessFile(g).map((p) => p.code)).toContain('size_mismatch');
  });

  it.each([
    ['jpeg', 'truncated'],
    ['png', 'truncated'],
    ['pdf', 'truncated'],
    ['mp4', 'truncated'],
    ['wav', 'truncated'],
    ['docx', 'truncated'],
  ] as const)('usability: a %s cut short cannot be opened', async (name, code) => {
    const s = sampleFiles[name];
    const cut = s.bytes.subarray(0, s.bytes.length - 12);
    expect(await codes(cut, { mime: s.mime, fileName: s.name })).toContain(code);
  });

  it('usability: empty and unidentifiable files', async () => {
    expect(await codes(Buffer.alloc(0))).toEqual(['empty']);
    expect(await codes(Buffer.from([0x00, 0x13, 0x37, 0x99, 0x00, 0x01]))).toEqual([
      'format_unknown',
    ]);
  });

  it('plain UTF-8 text is accepted as text', async () => {
    expect(await codes(Buffer.from('会议纪要\n参会人员：张三\n'), { mime: 'text/plain' })).toEqual(
      [],
    );
  });

  it('security: compressed archives and executables are refused', async () => {
    expect(await codes(plainZip(), { mime: 'application/zip', fileName: 'photos.zip' })).toEqual([
      'format_not_allowed',
    ]);
    const exe = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(126)]);
    expect(await codes(exe)).toEqual(['format_not_allowed']);
  });

  it('security: encrypted PDF, encrypted ZIP entries and encrypted OOXML are refused', async () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<</Root 1 0 R/Encrypt 2 0 R>>\n%%EOF\n',
      'latin1',
    );
    expect(await codes(pdf, { mime: 'application/pdf' })).toEqual(['encrypted']);
    const zip = Buffer.from(sampleFiles.docx.bytes);
    zip.writeUInt16LE(zip.readUInt16LE(6) | 1, 6);
    expect(await codes(zip, { mime: sampleFiles.docx.mime, fileName: 'a.docx' })).toEqual([
      'encrypted',
    ]);
    const cfb = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(600),
      Buffer.from('EncryptedPackage', 'utf16le'),
      Buffer.alloc(100),
    ]);
    expect(await codes(cfb, { mime: 'application/x-cfb', fileName: 'a.docx' })).toEqual([
      'encrypted',
    ]);
  });

  it('finds markers and box boundaries across any chunking', async () => {
    for (const size of [1, 3, 16, 4096]) {
      const mp4 = sampleFiles.mp4.bytes;
      expect(assessFile(await facts(mp4, { mime: 'video/mp4' }, size))).toEqual([]);
      const cut = mp4.subarray(0, mp4.length - 5);
      expect(assessFile(await facts(cut, { mime: 'video/mp4' }, size)).map((p) => p.code)).toEqual([
        'truncated',
      ]);
    }
  });

  it('authenticity: content of another family than recorded', async () => {
    expect(await codes(sampleFiles.pdf.bytes, { mime: 'image/jpeg' })).toEqual(['format_mismatch']);
  });

  it('groups problems by property', () => {
    expect(propertyOf('hash_mismatch')).toBe('authenticity');
    expect(propertyOf('blob_missing')).toBe('integrity');
    expect(propertyOf('truncated')).toBe('usability');
    expect(propertyOf('encrypted')).toBe('security');
  });
});
