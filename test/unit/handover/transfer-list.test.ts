import { buildTransferList, type ListItem } from '../../../src/domain/transfer-list';
import { parseArchiveSearch } from '../../../src/domain/archive-search';

const SH = 'Asia/Shanghai';
const base = {
  sentAt: new Date('2026-03-05T01:00:00Z'),
  createdAt: new Date('2026-03-05T01:00:00Z'),
};

const items: ListItem[] = [
  {
    ...base,
    id: 'p2',
    kind: 'photo',
    fileName: 'IMG_2.jpg',
    size: 300,
    sha256: 'b'.repeat(64),
    blobId: 'blob-p2',
    batchId: 'batch-1',
    description: {
      takenAt: new Date('2026-03-05T03:00:00Z'),
      place: '礼堂',
      people: '院长、师生代表',
      event: '校庆大会',
      photographer: '王五',
    },
  },
  {
    ...base,
    id: 'x1',
    kind: 'physical',
    physical: {
      name: '纪念牌匾',
      type: '牌匾',
      quantity: 2,
      description: '木质',
      location: '校史馆',
    },
  },
  {
    ...base,
    id: 'd1',
    kind: 'document',
    fileName: '活动方案.pdf',
    size: 1000,
    sha256: 'a'.repeat(64),
    blobId: 'blob-d1',
    description: {
      title: '建校六十周年庆典活动方案',
      docType: '方案',
      docDate: new Date('2026-02-20T16:00:00Z'),
      pages: 12,
      docNumber: '院办〔2026〕3号',
      author: '院办公室',
    },
  },
  {
    ...base,
    id: 'p1',
    kind: 'photo',
    fileName: 'IMG_1.jpg',
    size: 200,
    sha256: 'c'.repeat(64),
    blobId: 'blob-p1',
    batchId: 'batch-1',
    description: {
      takenAt: new Date('2026-03-05T02:00:00Z'),
      place: '礼堂',
      people: '全体师生',
      event: '校庆大会',
      photographer: '王五',
    },
  },
  {
    ...base,
    id: 'l1',
    kind: 'link',
    link: { url: 'https://news.example.cn/1', title: '学院举行建校60周年庆典', source: '大众日报' },
  },
];

describe('transfer list data (移交清册)', () => {
  const list = buildTransferList(items, { tz: SH, unitName: '教务处' });

  it('orders documents and links, then photos by time, then physical items; 序号 has no gaps', () => {
    expect(list.rows.map((r) => r.materialId)).toEqual(['d1', 'l1', 'p1', 'p2', 'x1']);
    expect(list.rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('fills the DA/T 22 columns: 文号、责任者、题名、日期 (8 digits)、页数、备注', () => {
    expect(list.rows[0]).toMatchObject({
      docNumber: '院办〔2026〕3号',
      author: '院办公室',
      title: '建校六十周年庆典活动方案',
      date: '20260221',
      pages: 12,
      fileName: '活动方案.pdf',
      size: 1000,
      sha256: 'a'.repeat(64),
      archiveNo: '',
    });
    expect(list.rows[1]).toMatchObject({
      author: '大众日报',
      note: 'https://news.example.cn/1',
      size: null,
    });
    expect(list.rows[2]).toMatchObject({ title: '[校庆大会]', author: '王五', date: '20260305' });
    expect(list.rows[4]).toMatchObject({
      title: '纪念牌匾',
      author: '教务处',
      count: 2,
      size: null,
    });
  });

  it('totals equal the items: count, pages, files and bytes', () => {
    expect(list.totals).toEqual({ items: 5, pages: 12, files: 3, bytes: 1500 });
  });

  it('groups photos by batch and numbers them within the group', () => {
    expect(list.photos.map((p) => [p.group, p.photoNo, p.time])).toEqual([
      ['G001', '0001', '2026-03-05 10:00'],
      ['G001', '0002', '2026-03-05 11:00'],
    ]);
    expect(list.physical).toEqual([
      expect.objectContaining({
        name: '纪念牌匾',
        quantity: 2,
        location: '校史馆',
        receivedAt: '',
      }),
    ]);
  });

  it('has a digest of its content that changes with any cell', () => {
    expect(list.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(buildTransferList([...items].reverse(), { tz: SH, unitName: '教务处' }).digest).toBe(
      list.digest,
    );
    const numbered = items.map((i) =>
      i.id === 'd1' ? { ...i, archiveNo: 'Z001-WS·2026-Y-JWC-0001' } : i,
    );
    expect(buildTransferList(numbered, { tz: SH, unitName: '教务处' }).digest).not.toBe(
      list.digest,
    );
  });
});

describe('archive search words', () => {
  it.each([
    ['校庆', { q: '校庆' }],
    ['#HD-2026-0001', { code: 'HD-2026-0001' }],
    ['Z001-ZP·2026-Y-JWC-0003', { archiveNo: 'Z001-ZP·2026-Y-JWC-0003' }],
    ['校庆 年度:2026 单位:jwc 类别:5', { q: '校庆', year: 2026, unit: 'jwc', category: 5 }],
    ['year：2025 unit:xcb', { year: 2025, unit: 'xcb' }],
    ['2026 庆典', { year: 2026, q: '庆典' }],
    ['类别:11', { q: '类别:11' }],
  ])('%s', (text, expected) => {
    expect(parseArchiveSearch(text)).toEqual(expected);
  });
});

describe('attachments (photos of physical items, captured copies of links)', () => {
  it('appear in their item’s row, not as rows; totals count their files', () => {
    const plaque = items.find((i) => i.id === 'x1')!;
    const photo: ListItem = {
      ...base,
      id: 'a1',
      kind: 'photo',
      fileName: 'plaque.jpg',
      size: 50,
      sha256: 'd'.repeat(64),
      blobId: 'blob-a1',
      attachedTo: 'x1',
      description: { title: '纪念牌匾' },
    };
    const list = buildTransferList([plaque, photo], { tz: SH, unitName: '教务处' });
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({
      fileName: 'plaque.jpg',
      size: 50,
      sha256: 'd'.repeat(64),
    });
    expect(list.photos).toEqual([]);
    expect(list.totals).toEqual({ items: 1, pages: 0, files: 1, bytes: 50 });
  });
});
