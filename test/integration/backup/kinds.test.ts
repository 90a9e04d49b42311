import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { walkFiles } from '../../../src/services/backup/verify';
import { loadItems, runBackup } from '../../../src/services/backup/run-backup';
import { parseJsonLine } from '../../../src/services/backup/csv';
import {
  bagOf,
  defaultTargets,
  startBackupFixture,
  type BackupFixture,
} from '../../support/backup-fixtures';

let fx: BackupFixture;
afterEach(() => fx.close());

const jsonl = (dir: string, file: string) =>
  readFileSync(join(dir, 'data/catalogue', file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(parseJsonLine);
const payloadFiles = async (dir: string) =>
  (await walkFiles(dir, 'data')).map((f) => f.path).filter((p) => p.startsWith('data/files/'));

describe('kinds of backup', () => {
  beforeEach(async () => {
    fx = await startBackupFixture();
  });

  it('staged bags copy only new content and reference the rest by hash', async () => {
    const act = await fx.addActivity();
    const a = await fx.addMaterial(act);
    const b = await fx.addMaterial(act);
    const first = bagOf(await runBackup(fx.ctx, { kind: 'staged', targetIds: ['use-disk'] }));
    expect(first).toMatchObject({ copied: 2, referenced: 0, references: [] });

    fx.clock.advance(3600_000);
    const c = await fx.addMaterial(act);
    const second = bagOf(await runBackup(fx.ctx, { kind: 'staged', targetIds: ['use-disk'] }));
    expect(second).toMatchObject({ copied: 1, referenced: 2, references: [first._id] });
    expect(await payloadFiles(second.path)).toHaveLength(1);
    const where = Object.fromEntries(
      jsonl(second.path, 'files.jsonl').map((l) => [l.materialId, l]),
    );
    expect(where[a._id]).toMatchObject({
      status: 'referenced',
      bagId: first._id,
      sha256: a.sha256,
    });
    expect(where[b._id]).toMatchObject({ status: 'referenced', bagId: first._id });
    expect(where[c._id]).toMatchObject({ status: 'copied', bagId: second._id });
    expect(jsonl(second.path, 'materials.jsonl')).toHaveLength(3);
    expect(readFileSync(join(second.path, 'bag-info.txt'), 'utf8')).toContain(
      `Referenced-Bags: ${first._id}`,
    );

    fx.clock.advance(3600_000);
    const third = await runBackup(fx.ctx, { kind: 'staged', targetIds: ['use-disk'] });
    expect(third.outcomes).toEqual([{ targetId: 'use-disk', status: 'nothing-new' }]);

    const full = bagOf(await runBackup(fx.ctx, { kind: 'full', targetIds: ['use-disk'] }));
    expect(full).toMatchObject({ copied: 3, referenced: 0 });
    expect(readdirSync(join(full.path, 'data/database'))).toEqual(
      expect.arrayContaining(['backup_entries.jsonl']),
    );
  });

  it('real-time bags take new items after the delay, to the use and the sealed target', async () => {
    const act = await fx.addActivity();
    await fx.addMaterial(act);
    fx.clock.advance(5 * 60_000);
    const early = await runBackup(fx.ctx, { kind: 'realtime' });
    expect(early.outcomes.map((o) => o.status)).toEqual(['nothing-new', 'nothing-new']);

    fx.clock.advance(6 * 60_000);
    const due = await runBackup(fx.ctx, { kind: 'realtime' });
    expect(bagOf(due, 'use-disk')).toMatchObject({ copied: 1, role: 'use' });
    expect(bagOf(due, 'sealed-disc')).toMatchObject({ copied: 1, role: 'sealed' });

    const fresh = await fx.addMaterial(act);
    fx.clock.advance(11 * 60_000);
    const next = bagOf(await runBackup(fx.ctx, { kind: 'realtime' }), 'use-disk');
    expect(next.copied).toBe(1);
    expect(jsonl(next.path, 'materials.jsonl').map((m) => m._id)).toEqual([fresh._id]);
    fx.clock.advance(11 * 60_000);
    const idle = await runBackup(fx.ctx, { kind: 'realtime' });
    expect(idle.outcomes.every((o) => o.status === 'nothing-new')).toBe(true);
  });

  it('keeps excluded and removed items out of bags and reports duplicates first', async () => {
    const act = await fx.addActivity();
    const other = await fx.addActivity();
    const original = await fx.addMaterial(act, { fileName: 'a.jpg' });
    const bytes = Buffer.alloc(5000, 7);
    const dupA = await fx.addMaterial(act, { bytes, fileName: 'same-1.jpg' });
    const dupB = await fx.addMaterial(other, { bytes, fileName: 'same-2.jpg' });
    const excluded = await fx.addMaterial(act, {
      valueDecision: 'exclude',
      valueReason: '模糊重复',
    });
    await fx.addMaterial(act, { removedAt: fx.clock.now(), removeReason: '发错了' });

    const { duplicates } = await loadItems(fx.ctx);
    expect(duplicates).toEqual([
      expect.objectContaining({ sha256: dupA.sha256, undecided: [dupA._id, dupB._id].sort() }),
    ]);
    const run = await runBackup(fx.ctx, { kind: 'full', targetIds: ['use-disk'] });
    expect(run.duplicates).toHaveLength(1);
    const bag = bagOf(run);
    const files = await payloadFiles(bag.path);
    expect(files).toHaveLength(2); // original + one copy of the shared bytes
    const ids = jsonl(bag.path, 'materials.jsonl').map((m) => m._id);
    expect(ids.sort()).toEqual([original._id, dupA._id, dupB._id].sort());
    expect(ids).not.toContain(excluded._id);
    const omitted = readFileSync(join(bag.path, 'data/catalogue/omitted.csv'), 'utf8');
    expect(omitted).toContain(`${excluded._id},excluded,模糊重复`);
    expect(omitted).toContain(',removed,');
  });
});

describe('priorities', () => {
  it('copies the most important first within the real-time budget, and an extra copy of precious items', async () => {
    fx = await startBackupFixture({
      targets: (root) => {
        const base = defaultTargets(root) as { targets: Record<string, unknown>[] };
        return {
          ...base,
          realtime: { delayMinutes: 0, maxBytesPerRun: 250_000 },
          targets: [
            ...base.targets,
            {
              id: 'precious-extra',
              path: join(root, 'precious-extra'),
              media: 'network',
              location: { site: 'off-site', place: '云存储' },
              role: 'use',
              kinds: ['realtime', 'full'],
              priorities: ['precious'],
            },
          ],
        };
      },
    });
    const act = await fx.addActivity();
    const normal = await fx.addMaterial(act, { size: 100_000 });
    fx.clock.advance(1000);
    const urgent = await fx.addMaterial(act, { size: 100_000, priority: 'urgent' });
    fx.clock.advance(1000);
    const precious = await fx.addMaterial(act, { size: 100_000, priority: 'precious' });
    fx.clock.advance(1000);
    const first = await runBackup(fx.ctx, { kind: 'realtime' });
    const bag = bagOf(first, 'use-disk');
    expect(first.deferred).toBeGreaterThan(0);
    expect(
      jsonl(bag.path, 'files.jsonl')
        .map((l) => l.materialId)
        .sort(),
    ).toEqual([precious._id, urgent._id].sort());
    expect(jsonl(bag.path, 'materials.jsonl').map((m) => m._id)).not.toContain(normal._id);
    const extra = bagOf(first, 'precious-extra');
    expect(jsonl(extra.path, 'files.jsonl').map((l) => l.materialId)).toEqual([precious._id]);
    expect(readFileSync(join(extra.path, 'bag-info.txt'), 'utf8')).toContain(
      'Priorities: precious',
    );

    fx.clock.advance(60_000);
    const second = bagOf(await runBackup(fx.ctx, { kind: 'realtime' }), 'use-disk');
    expect(jsonl(second.path, 'files.jsonl').map((l) => l.materialId)).toEqual([normal._id]);
  });
});
