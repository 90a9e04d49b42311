import {
  itemLabel,
  precheck,
  type FileCheck,
  type PrecheckItem,
} from '../../../src/domain/handover-precheck';

const photo = (id: string, over: Partial<PrecheckItem> = {}): PrecheckItem => ({
  id,
  kind: 'photo',
  status: 'stored',
  described: true,
  hasBlob: true,
  fileName: `${id}.jpg`,
  mime: 'image/jpeg',
  size: 100,
  warnings: [],
  description: {
    takenAt: new Date('2026-03-05T02:00:00Z'),
    place: '礼堂',
    people: '全体师生',
    event: '校庆',
    photographer: '王五',
  },
  ...over,
});

const doc = (id: string, over: Partial<PrecheckItem> = {}): PrecheckItem => ({
  id,
  kind: 'document',
  status: 'stored',
  described: true,
  hasBlob: true,
  fileName: `${id}.pdf`,
  mime: 'application/pdf',
  size: 200,
  warnings: [],
  description: { title: '活动方案', docType: '方案', docDate: new Date('2026-03-01'), pages: 3 },
  ...over,
});

const ok = (bytes = 100): FileCheck => ({ found: true, bytes, problems: [] });
const files = (entries: [string, FileCheck][]) => new Map(entries);

describe('handover pre-check', () => {
  it('passes complete, described, whole items; counts what was read back', () => {
    const r = precheck({
      category: 10,
      items: [doc('d1'), photo('p1')],
      files: files([
        ['d1', ok(200)],
        ['p1', ok(100)],
      ]),
    });
    expect(r.ok).toBe(true);
    expect(r.blocking).toEqual([]);
    expect(r.totals).toMatchObject({
      items: 2,
      files: 2,
      filesRead: 2,
      bytesRecorded: 300,
      bytesRead: 300,
      pages: 3,
    });
  });

  it('blocks an empty handover', () => {
    expect(precheck({ category: 10, items: [], files: new Map() }).blocking).toEqual([
      { code: 'no_items' },
    ]);
  });

  it('blocks an undescribed item, naming the missing fields', () => {
    const r = precheck({
      category: 10,
      items: [photo('p1', { description: { place: '礼堂' } })],
      files: files([['p1', ok()]]),
    });
    expect(r.ok).toBe(false);
    expect(r.blocking).toEqual([
      {
        code: 'undescribed',
        itemId: 'p1',
        label: 'p1.jpg',
        missing: ['takenAt', 'people', 'event', 'photographer'],
      },
    ]);
  });

  it('blocks a physical item or link lacking its record fields', () => {
    const r = precheck({
      category: 10,
      items: [
        {
          id: 'x1',
          kind: 'physical',
          status: 'stored',
          described: false,
          hasBlob: false,
          warnings: [],
          physical: { name: '奖杯', type: '', quantity: 1, description: '金色', location: '' },
        },
      ],
      files: new Map(),
    });
    expect(r.blocking).toEqual([
      { code: 'undescribed', itemId: 'x1', label: '奖杯', missing: ['type', 'location'] },
    ]);
  });

  it('blocks an item whose download failed', () => {
    const r = precheck({
      category: 10,
      items: [photo('p1', { status: 'failed', hasBlob: false, failReason: 'too_large' })],
      files: new Map(),
    });
    expect(r.blocking).toEqual([
      { code: 'failed_item', itemId: 'p1', label: 'p1.jpg', reason: 'too_large' },
    ]);
  });

  it('blocks a file missing from the store (integrity)', () => {
    const r = precheck({
      category: 10,
      items: [photo('p1')],
      files: files([['p1', { found: false }]]),
    });
    expect(r.blocking).toEqual([{ code: 'blob_missing', itemId: 'p1', label: 'p1.jpg' }]);
    expect(r.totals.filesRead).toBe(0);
  });

  it.each([
    [{ code: 'hash_mismatch', expected: 'a', actual: 'b' }],
    [{ code: 'size_mismatch', expected: 100, actual: 90 }],
    [{ code: 'empty' }],
    [{ code: 'format_unknown' }],
    [{ code: 'format_not_allowed', format: 'zip' }],
    [{ code: 'format_mismatch', recorded: 'image/jpeg', detected: 'application/pdf' }],
    [{ code: 'truncated', format: 'jpg' }],
    [{ code: 'encrypted', format: 'pdf' }],
  ] as const)('blocks every four-property problem item by item: %o', (problem) => {
    const r = precheck({
      category: 10,
      items: [photo('p1'), photo('p2')],
      files: files([
        ['p1', { found: true, bytes: 100, problems: [problem] }],
        ['p2', ok()],
      ]),
    });
    expect(r.ok).toBe(false);
    expect(r.blocking).toEqual([{ itemId: 'p1', label: 'p1.jpg', ...problem }]);
    expect(r.totals.filesRead).toBe(1);
  });

  it('warns about required checklist items with nothing of their kind, in checklist order', () => {
    // Category 5 (ceremonies) needs documents and photos; only a photo is here.
    const r = precheck({ category: 5, items: [photo('p1')], files: files([['p1', ok()]]) });
    expect(r.ok).toBe(true);
    const gaps = r.warnings.filter((w) => w.code === 'checklist_gap').map((w) => w.key);
    expect(gaps).toEqual(['event_plan', 'speeches', 'press_reports']);
  });

  it('warns about quality notes from intake; lists physical items to bring without warning', () => {
    const r = precheck({
      category: 10,
      items: [
        photo('p1', { warnings: ['quality.low_resolution'] }),
        {
          id: 'x1',
          kind: 'physical',
          status: 'stored',
          described: true,
          hasBlob: false,
          warnings: [],
          physical: {
            name: '纪念牌匾',
            type: '牌匾',
            quantity: 2,
            description: '木质',
            location: '办公室',
          },
        },
      ],
      files: files([['p1', ok()]]),
    });
    expect(r.ok).toBe(true);
    expect(r.warnings.filter((w) => w.code !== 'checklist_gap')).toEqual([
      { code: 'quality', itemId: 'p1', label: 'p1.jpg', warnings: ['quality.low_resolution'] },
    ]);
    expect(r.toDeliver).toEqual([{ itemId: 'x1', label: '纪念牌匾', quantity: 2 }]);
  });

  it('an item the materials feature marks undescribed is blocked even if the fields look filled', () => {
    const r = precheck({
      category: 10,
      items: [photo('p1', { described: false })],
      files: files([['p1', ok()]]),
    });
    expect(r.blocking).toEqual([
      { code: 'undescribed', itemId: 'p1', label: 'p1.jpg', missing: [] },
    ]);
  });

  it('a photo attached to a physical item is part of it: its file is checked, not its description', () => {
    const plaque: PrecheckItem = {
      id: 'x1',
      kind: 'physical',
      status: 'stored',
      described: true,
      hasBlob: false,
      warnings: [],
      physical: {
        name: '牌匾',
        type: '牌匾',
        quantity: 1,
        description: '木质',
        location: '校史馆',
      },
    };
    const attached = photo('a1', { attachedTo: 'x1', description: { title: '牌匾' } });
    const ok1 = precheck({ category: 10, items: [plaque, attached], files: files([['a1', ok()]]) });
    expect(ok1.ok).toBe(true);
    expect(ok1.totals).toMatchObject({ items: 1, files: 1, byKind: { physical: 1, photo: 0 } });
    const broken = precheck({
      category: 10,
      items: [plaque, attached],
      files: files([
        ['a1', { found: true, bytes: 100, problems: [{ code: 'truncated', format: 'jpg' }] }],
      ]),
    });
    expect(broken.blocking.map((b) => b.code)).toEqual(['truncated']);
  });

  it('labels items by what people recognize', () => {
    expect(itemLabel(doc('d1'))).toBe('d1.pdf');
    expect(itemLabel(doc('d2', { fileName: undefined }))).toBe('活动方案');
    expect(itemLabel(photo('p1'))).toBe('p1.jpg');
    expect(itemLabel(photo('p2', { fileName: undefined, label: '照片 03-05 10:00' }))).toBe(
      '照片 03-05 10:00',
    );
  });
});
