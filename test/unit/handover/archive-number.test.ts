import { DEFAULT_CATEGORY_CODES, loadArchiveConfig } from '../../../src/config/archive';
import {
  archiveClassKey,
  archiveClassOf,
  DEFAULT_RETENTION,
  formatArchiveNo,
  nextCandidates,
  parseArchiveNo,
} from '../../../src/domain/archive-number';

const cls = archiveClassOf({
  fondsCode: 'z001',
  categoryCodes: DEFAULT_CATEGORY_CODES,
  kind: 'photo',
  year: 2026,
  retention: 'Y',
  unit: 'jwc',
});

describe('archive numbers (DA/T 22-2015 档号)', () => {
  it('formats 全宗号-门类代码·年度-保管期限-机构代码-件号 with four-digit item numbers', () => {
    expect(formatArchiveNo(cls, 1)).toBe('Z001-ZP·2026-Y-JWC-0001');
    expect(formatArchiveNo(cls, 42)).toBe('Z001-ZP·2026-Y-JWC-0042');
    expect(formatArchiveNo({ ...cls, retention: 'D30' }, 9999)).toBe('Z001-ZP·2026-D30-JWC-9999');
  });

  it('grows past 9999 instead of wrapping, and refuses item 0', () => {
    expect(formatArchiveNo(cls, 10000)).toBe('Z001-ZP·2026-Y-JWC-10000');
    expect(() => formatArchiveNo(cls, 0)).toThrow(RangeError);
  });

  it.each([
    ['document', 'WS'],
    ['link', 'WS'],
    ['photo', 'ZP'],
    ['audio', 'LY'],
    ['video', 'LX'],
    ['physical', 'SW'],
  ] as const)('uses the category code of %s (%s)', (kind, code) => {
    const c = archiveClassOf({
      fondsCode: 'Z001',
      categoryCodes: DEFAULT_CATEGORY_CODES,
      kind,
      year: 2026,
      retention: DEFAULT_RETENTION,
      unit: 'xcb',
    });
    expect(formatArchiveNo(c, 3)).toBe(`Z001-${code}·2026-Y-XCB-0003`);
  });

  it('keys the lowest class: item numbers restart per category, year, retention and unit', () => {
    const keys = new Set([
      archiveClassKey(cls),
      archiveClassKey({ ...cls, categoryCode: 'WS' }),
      archiveClassKey({ ...cls, year: 2027 }),
      archiveClassKey({ ...cls, retention: 'D10' }),
      archiveClassKey({ ...cls, unitCode: 'XCB' }),
    ]);
    expect(keys.size).toBe(5);
  });

  it('parses what archivists type, case-insensitively and with other dots', () => {
    expect(parseArchiveNo('z001-zp·2026-y-jwc-0007')).toMatchObject({
      fondsCode: 'Z001',
      categoryCode: 'ZP',
      year: 2026,
      retention: 'Y',
      unitCode: 'JWC',
      itemNo: 7,
    });
    expect(parseArchiveNo('Z001-ZP.2026-D30-JWC-0007')?.retention).toBe('D30');
    expect(parseArchiveNo('HD-2026-0001')).toBeUndefined();
    expect(parseArchiveNo('Z001-ZP·2026-X-JWC-0001')).toBeUndefined();
  });

  it('proposes consecutive candidates after the counter hint', () => {
    expect(nextCandidates(0, 3)).toEqual([1, 2, 3]);
    expect(nextCandidates(12, 2)).toEqual([13, 14]);
  });

  it('reads the fonds and category codes from the environment, validated', () => {
    const config = loadArchiveConfig({
      ARCHIVE_FONDS_CODE: 'ljjs',
      ARCHIVE_CATEGORY_CODES: '{"link":"WY"}',
    });
    expect(config.fondsCode).toBe('LJJS');
    expect(config.categoryCodes.link).toBe('WY');
    expect(config.categoryCodes.photo).toBe('ZP');
    expect(() => loadArchiveConfig({ ARCHIVE_FONDS_CODE: 'Z-01' })).toThrow(/ARCHIVE_FONDS_CODE/);
    expect(() => loadArchiveConfig({ ARCHIVE_CATEGORY_CODES: '{"photo":"zp"}' })).toThrow(
      /ARCHIVE_CATEGORY_CODES/,
    );
    expect(() => loadArchiveConfig({ ARCHIVE_CATEGORY_CODES: '{"film":"FL"}' })).toThrow();
  });
});
