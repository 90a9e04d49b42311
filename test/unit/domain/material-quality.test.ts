import {
  assessMaterial,
  exifCaptureTime,
  inspectHead,
  megapixels,
  type ResourceHint,
} from '../../../src/domain/material-quality';
import {
  mp4Head,
  sampleJpeg,
  samplePdf,
  samplePng,
  sampleWav,
} from '../../../src/simulator/sample-media';

/** Checks a whole (small) file the way intake does: head and tail, no more. */
async function check(bytes: Buffer, hint: ResourceHint = 'file') {
  const facts = await inspectHead(bytes.subarray(0, 128 * 1024));
  return {
    facts,
    verdict: assessMaterial({ facts, size: bytes.length, tail: bytes.subarray(-1024), hint }),
  };
}

describe('format from the bytes, not the name', () => {
  it.each([
    ['a JPEG photo', sampleJpeg({ width: 2048, height: 1536 }), 'image', 'image/jpeg', 'photo'],
    ['a PNG sent as a file', samplePng(2100, 1500), 'file', 'image/png', 'photo'],
    ['a PDF', samplePdf('Opening speech'), 'file', 'application/pdf', 'document'],
    ['a WAV recording', sampleWav(0.5), 'audio', 'audio/vnd.wave', 'audio'],
    [
      'an MP4 video',
      Buffer.concat([mp4Head(4096), Buffer.alloc(4096 - 32, 7)]),
      'video',
      'video/mp4',
      'video',
    ],
    [
      'plain text',
      Buffer.from('时间：3月5日\n地点：礼堂\n', 'utf8'),
      'file',
      'text/plain',
      'document',
    ],
  ] as const)('%s', async (_name, bytes, hint, mime, kind) => {
    const { verdict } = await check(bytes, hint);
    expect(verdict).toMatchObject({ accepted: true, mime, kind });
  });

  it('keeps a file nobody can identify, with a warning', async () => {
    const { verdict } = await check(Buffer.from([0x00, 0x13, 0x37, 0x00, 0xfe, 0xed]));
    expect(verdict).toEqual({
      accepted: true,
      kind: 'document',
      mime: 'application/octet-stream',
      warnings: ['intake.warn.unknown_format'],
    });
  });
});

describe('images decoded for their size (DA/T 50: at least 3 megapixels)', () => {
  it('reads the size of a JPEG and keeps a 3.1 MP photo without warning', async () => {
    const { facts, verdict } = await check(sampleJpeg({ width: 2048, height: 1536 }), 'image');
    expect(facts.image).toEqual({ width: 2048, height: 1536 });
    expect(verdict).toMatchObject({ accepted: true, warnings: [] });
    expect(megapixels(facts.image!)).toBe('3.1');
  });

  it('warns below 3 megapixels', async () => {
    const { verdict } = await check(sampleJpeg({ width: 1280, height: 720 }), 'image');
    expect(verdict).toMatchObject({ accepted: true, warnings: ['intake.warn.low_resolution'] });
  });

  it('warns about a photo format the standard does not name (PNG), and its size', async () => {
    const { facts, verdict } = await check(samplePng(640, 480), 'image');
    expect(facts.image).toEqual({ width: 640, height: 480 });
    expect(verdict).toMatchObject({
      accepted: true,
      warnings: ['intake.warn.photo_format', 'intake.warn.low_resolution'],
    });
  });

  it('warns about audio and video outside WAV/MP3/MP4/MPEG', async () => {
    const ogg = Buffer.concat([Buffer.from('OggS\0\x02', 'latin1'), Buffer.alloc(60, 1)]);
    const { verdict } = await check(ogg, 'audio');
    expect(verdict).toMatchObject({
      accepted: true,
      kind: 'audio',
      warnings: ['intake.warn.av_format'],
    });
  });
});

describe('empty or unreadable files are refused with a reason', () => {
  it('an empty file', async () => {
    expect((await check(Buffer.alloc(0))).verdict).toEqual({
      accepted: false,
      reason: 'intake.reject.empty',
    });
  });

  it('a JPEG whose header is cut short', async () => {
    const cut = sampleJpeg({ width: 2048, height: 1536, takenAt: '2026:03:05 10:15:30' }).subarray(
      0,
      40,
    );
    expect((await check(cut, 'image')).verdict).toEqual({
      accepted: false,
      reason: 'intake.reject.unreadable_image',
    });
  });

  it('an image message whose bytes are no image', async () => {
    expect((await check(samplePdf('not a photo'), 'image')).verdict).toEqual({
      accepted: false,
      reason: 'intake.reject.not_an_image',
    });
  });

  it('a PDF without its end', async () => {
    const pdf = samplePdf('Minutes of the meeting');
    expect((await check(pdf.subarray(0, pdf.length - 30))).verdict).toEqual({
      accepted: false,
      reason: 'intake.reject.truncated_pdf',
    });
  });
});

describe('EXIF capture time', () => {
  it('reads DateTimeOriginal as Shanghai wall time when the camera wrote no offset', async () => {
    const { facts } = await check(
      sampleJpeg({ width: 64, height: 64, takenAt: '2026:03:05 10:15:30' }),
      'image',
    );
    expect(facts.exif).toEqual({ dateTimeOriginal: '2026:03:05 10:15:30' });
    expect(exifCaptureTime(facts.exif, 'Asia/Shanghai')?.toISOString()).toBe(
      '2026-03-05T02:15:30.000Z',
    );
  });

  it('uses OffsetTimeOriginal when present', async () => {
    const bytes = sampleJpeg({
      width: 64,
      height: 64,
      takenAt: '2026:03:05 10:15:30',
      offset: '+09:00',
    });
    const { facts } = await check(bytes, 'image');
    expect(exifCaptureTime(facts.exif, 'Asia/Shanghai')?.toISOString()).toBe(
      '2026-03-05T01:15:30.000Z',
    );
  });

  it.each([['0000:00:00 00:00:00'], ['garbage'], ['']])('ignores %p', (raw) => {
    expect(exifCaptureTime({ dateTimeOriginal: raw }, 'Asia/Shanghai')).toBeUndefined();
  });

  it('a photo without EXIF has no capture time', async () => {
    const { facts } = await check(sampleJpeg({ width: 64, height: 64 }), 'image');
    expect(facts.exif).toBeUndefined();
  });
});
