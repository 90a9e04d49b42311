import type { PlanMaterial } from '../../../src/db/backup-store-repo';
import { planItems, planTarget } from '../../../src/services/backup/plan';

const t0 = new Date('2026-03-02T00:00:00Z');
const m = (id: string, over: Partial<PlanMaterial> = {}): PlanMaterial => ({
  _id: id,
  activityId: 'act1',
  kind: 'photo',
  status: 'stored',
  fileName: `${id}.jpg`,
  size: 100,
  sha256: `sha-${id}`,
  blobId: `blob-${id}`,
  createdAt: t0,
  ...over,
});
const activities = new Map([['act1', { code: 'HD-2026-0001' }]]);
const items = (list: PlanMaterial[]) => planItems(list, activities, new Map());
const file = (bagId: string, sha256: string) => ({
  _id: `t|${sha256}`,
  targetId: 't',
  sha256,
  bagId,
  path: `data/files/x/${sha256}`,
  size: 100,
  at: t0,
});

describe('planTarget', () => {
  it('a full plan copies everything once, sharing bytes between items with the same SHA-256', () => {
    const plan = planTarget(
      items([m('a'), m('b', { sha256: 'sha-a' }), m('c')]),
      {},
      { kind: 'full', previous: new Map([['sha-a', file('old', 'sha-a')]]) },
    );
    expect(plan.copies.map((c) => [c.sha256, c.materialIds])).toEqual([
      ['sha-a', ['a', 'b']],
      ['sha-c', ['c']],
    ]);
    expect(plan.activityIds).toBe('all');
    expect(plan.references.size).toBe(0);
  });

  it('a staged plan references what the target already holds', () => {
    const plan = planTarget(
      items([m('a'), m('c')]),
      {},
      { kind: 'staged', previous: new Map([['sha-a', file('bag-1', 'sha-a')]]) },
    );
    expect(plan.copies.map((c) => c.sha256)).toEqual(['sha-c']);
    expect(plan.locations.get('a')).toMatchObject({ status: 'referenced', bagId: 'bag-1' });
    expect([...plan.references]).toEqual(['bag-1']);
  });

  it('real-time takes due items in priority order within the byte budget, records only when new', () => {
    const later = new Date(t0.getTime() + 3600_000);
    const list = items([
      m('n', { size: 60 }),
      m('p', { size: 60, priority: 'precious' }),
      m('late', { createdAt: later }),
      m('phys', {
        status: 'stored',
        blobId: undefined,
        sha256: undefined,
        kind: 'physical',
        createdAt: new Date(t0.getTime() - 1),
      }),
    ]);
    const plan = planTarget(
      list,
      {},
      {
        kind: 'realtime',
        previous: new Map(),
        cutoff: new Date(t0.getTime() + 60_000),
        lastCutoff: new Date(t0.getTime() - 10),
        maxBytes: 100,
      },
    );
    expect(plan.copies.map((c) => c.materialIds[0])).toEqual(['p']);
    expect(plan.deferred).toBe(1);
    expect([...plan.materialIds].sort()).toEqual(['p', 'phys']);
    expect(plan.activityIds).toEqual(new Set(['act1']));
  });

  it('an extra copy holds only its priorities; excluded and removed items are listed as omitted', () => {
    const list = items([
      m('p', { priority: 'precious' }),
      m('n'),
      m('x', { valueDecision: 'exclude', valueReason: '重复' }),
      m('r', { removedAt: t0 }),
    ]);
    const plan = planTarget(
      list,
      { priorities: ['precious'] },
      { kind: 'full', previous: new Map() },
    );
    expect([...plan.materialIds]).toEqual(['p']);
    expect(plan.omitted).toEqual([
      { id: 'r', reason: 'removed', note: undefined },
      { id: 'x', reason: 'excluded', note: '重复' },
    ]);
  });
});
