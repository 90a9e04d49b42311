import {
  bagIdFor,
  duplicateGroups,
  effectivePriority,
  fixityDue,
  omissionOf,
  orderByPriority,
  payloadPath,
  periodDue,
  safeSegment,
} from '../../../src/domain/backup-rules';

const at = (iso: string) => new Date(iso);

describe('backup rules', () => {
  it('orders by priority (precious, damaged, urgent, normal), then age, then id', () => {
    const items = [
      { id: 'n1', priority: 'normal' as const, createdAt: at('2026-01-01T00:00:00Z') },
      { id: 'u1', priority: 'urgent' as const, createdAt: at('2026-01-03T00:00:00Z') },
      { id: 'p2', priority: 'precious' as const, createdAt: at('2026-01-02T00:00:00Z') },
      { id: 'd1', priority: 'damaged' as const, createdAt: at('2026-01-05T00:00:00Z') },
      { id: 'p1', priority: 'precious' as const, createdAt: at('2026-01-02T00:00:00Z') },
    ];
    expect(orderByPriority(items).map((i) => i.id)).toEqual(['p1', 'p2', 'd1', 'u1', 'n1']);
    expect(effectivePriority(undefined, 'damaged')).toBe('damaged');
    expect(effectivePriority('precious', 'damaged')).toBe('precious');
    expect(effectivePriority(undefined, undefined)).toBe('normal');
  });

  it('names files by archive number, else by activity code and item id', () => {
    expect(
      payloadPath({
        id: 'f:om_1:k',
        archiveNo: 'Z001-ZP·2026-Y-JWC-0001',
        activityCode: 'HD-2026-0001',
        fileName: 'IMG.JPG',
      }),
    ).toBe('data/files/HD-2026-0001/Z001-ZP·2026-Y-JWC-0001.jpg');
    expect(
      payloadPath({ id: 'f:om_1:k', activityCode: 'HD-2026-0001', fileName: 'a.tar.gz' }),
    ).toBe('data/files/HD-2026-0001/f_om_1_k.gz');
    expect(payloadPath({ id: 'p:x' })).toBe('data/files/_unfiled/p_x');
    expect(safeSegment('a/b\\c%d\ne f')).toBe('a_b_c_d_e_f');
    expect(safeSegment('..hidden')).toBe('_hidden');
  });

  it('bag ids sort by UTC time', () => {
    expect(bagIdFor('use-disk', 'full', at('2026-03-02T02:00:00.123Z'), 'ab12')).toBe(
      'use-disk-full-20260302T020000Z-ab12',
    );
  });

  it('fixity is due after the interval since the last check (or creation)', () => {
    const now = at('2026-04-01T00:00:00Z');
    expect(fixityDue({ createdAt: at('2026-03-01T00:00:00Z') }, 30, now)).toBe(true);
    expect(fixityDue({ createdAt: at('2026-03-05T00:00:00Z') }, 30, now)).toBe(false);
    expect(
      fixityDue(
        { createdAt: at('2025-01-01T00:00:00Z'), lastCheckedAt: at('2026-03-20T00:00:00Z') },
        30,
        now,
      ),
    ).toBe(false);
    expect(periodDue(undefined, 365, now)).toBe(true);
    expect(periodDue(at('2025-04-02T00:00:00Z'), 365, now)).toBe(false);
  });

  it('reports content shared by items until each is decided', () => {
    const groups = duplicateGroups([
      { id: 'a', sha256: 's1' },
      { id: 'b', sha256: 's1' },
      { id: 'c', sha256: 's2' },
      { id: 'd', sha256: 's3', decision: 'keep' },
      { id: 'e', sha256: 's3', decision: 'keep' },
      { id: 'f', sha256: 's4' },
      { id: 'g', sha256: 's4', decision: 'exclude' },
    ]);
    expect(groups).toEqual([
      {
        sha256: 's1',
        items: [
          { id: 'a', sha256: 's1' },
          { id: 'b', sha256: 's1' },
        ],
        undecided: ['a', 'b'],
      },
    ]);
  });

  it('says why an item has no bytes in a bag', () => {
    const base = { status: 'stored', blobId: 'x', sha256: 'y', priority: 'normal' as const };
    expect(omissionOf(base, undefined)).toBeUndefined();
    expect(omissionOf({ ...base, valueDecision: 'exclude' }, undefined)).toBe('excluded');
    expect(omissionOf({ ...base, removedAt: new Date(0) }, undefined)).toBe('removed');
    expect(omissionOf({ ...base, status: 'failed' }, undefined)).toBe('no-file');
    expect(omissionOf(base, ['precious'])).toBe('priority-filter');
  });
});
