import {
  bagInfoText,
  bagSize,
  compareBag,
  manifestText,
  parseBagInfo,
  parseManifest,
  parseOxum,
  payloadOxum,
  verdictSummary,
} from '../../../src/domain/bagit';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);

describe('BagIt text (RFC 8493)', () => {
  it('writes manifests sorted by path, two spaces apart, as sha256sum -c expects', () => {
    const text = manifestText([
      { path: 'data/files/b.jpg', sha256: B },
      { path: 'data/files/a 1.jpg', sha256: A },
    ]);
    expect(text).toBe(`${A}  data/files/a 1.jpg\n${B}  data/files/b.jpg\n`);
    expect(parseManifest(text).entries).toEqual([
      { path: 'data/files/a 1.jpg', sha256: A },
      { path: 'data/files/b.jpg', sha256: B },
    ]);
  });

  it('percent-encodes CR, LF and % in paths, and reads them back', () => {
    const text = manifestText([{ path: 'data/100%\nx', sha256: A }]);
    expect(text).toBe(`${A}  data/100%25%0Ax\n`);
    expect(parseManifest(text).entries[0]?.path).toBe('data/100%\nx');
  });

  it('reports malformed manifest lines and accepts the binary-mode asterisk', () => {
    const parsed = parseManifest(`${A} *data/x\nnot a line\n\n`);
    expect(parsed.entries).toEqual([{ path: 'data/x', sha256: A }]);
    expect(parsed.bad).toEqual(['not a line']);
  });

  it('Payload-Oxum and Bag-Size', () => {
    expect(payloadOxum(1234, 5)).toBe('1234.5');
    expect(parseOxum(' 1234.5 ')).toEqual({ bytes: 1234, files: 5 });
    expect(parseOxum('12')).toBeUndefined();
    expect(bagSize(999)).toBe('999 B');
    expect(bagSize(1_500_000)).toBe('1.50 MB');
  });

  it('bag-info lines, with continuation lines on reading', () => {
    const text = bagInfoText([
      ['Source-Organization', '测试学院'],
      ['External-Description', 'two\nlines'],
    ]);
    expect(text).toBe('Source-Organization: 测试学院\nExternal-Description: two lines\n');
    expect(parseBagInfo('A: one\n  more\nB: two\n')).toEqual({ A: 'one more', B: 'two' });
  });
});

describe('compareBag', () => {
  const manifest = [
    { path: 'data/a', sha256: A },
    { path: 'data/b', sha256: B },
  ];
  const tags = {
    tagManifest: [{ path: 'bagit.txt', sha256: C }],
    tagFound: [{ path: 'bagit.txt', size: 10, sha256: C }],
  };

  it('is valid when everything matches both ways', () => {
    const v = compareBag({
      manifest,
      found: [
        { path: 'data/a', size: 3, sha256: A },
        { path: 'data/b', size: 4, sha256: B },
      ],
      oxum: '7.2',
      ...tags,
    });
    expect(v).toMatchObject({
      complete: true,
      valid: true,
      missing: [],
      extra: [],
      mismatched: [],
    });
    expect(verdictSummary(v)).toBe('valid: 2 files, 7 bytes');
  });

  it.each([
    [
      'a changed file',
      [
        { path: 'data/a', size: 3, sha256: C },
        { path: 'data/b', size: 4, sha256: B },
      ],
      '7.2',
      '1 changed',
    ],
    ['a missing file', [{ path: 'data/a', size: 3, sha256: A }], '7.2', '1 missing'],
    [
      'an extra file',
      [
        { path: 'data/a', size: 3, sha256: A },
        { path: 'data/b', size: 4, sha256: B },
        { path: 'data/z', size: 1, sha256: C },
      ],
      '7.2',
      '1 extra',
    ],
    [
      'an unreadable file',
      [
        { path: 'data/a', size: 3, sha256: null },
        { path: 'data/b', size: 4, sha256: B },
      ],
      '7.2',
      '1 changed',
    ],
    [
      'a wrong Payload-Oxum',
      [
        { path: 'data/a', size: 3, sha256: A },
        { path: 'data/b', size: 4, sha256: B },
      ],
      '8.2',
      'Payload-Oxum 8.2 ≠ 7.2',
    ],
  ])('detects %s', (_label, found, oxum, summary) => {
    const v = compareBag({ manifest, found, oxum, ...tags });
    expect(v.valid).toBe(false);
    expect(verdictSummary(v)).toContain(summary);
  });

  it('checks the tag manifest', () => {
    const v = compareBag({
      manifest: [],
      found: [],
      oxum: '0.0',
      tagManifest: [{ path: 'bag-info.txt', sha256: A }],
      tagFound: [{ path: 'bag-info.txt', size: 1, sha256: B }],
    });
    expect(v.tagProblems).toEqual(['bag-info.txt: digest differs']);
    expect(v.valid).toBe(false);
  });
});
