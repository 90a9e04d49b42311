import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { backupDrillJob } from '../../../src/jobs/backup-drill';
import { backupFixityJob } from '../../../src/jobs/backup-fixity';
import { backupFullJob } from '../../../src/jobs/backup-full';
import { backupRealtimeJob } from '../../../src/jobs/backup-realtime';
import { runJob } from '../../../src/jobs/runner';
import type { Job } from '../../../src/jobs/types';
import { json, privateCommand, tap } from '../../support/activity-flows';
import { defaultTargets, materialSeeder } from '../../support/backup-fixtures';
import { startTestBot, type TestBot } from '../../support/test-bot';

let bot: TestBot;
let root: string;
let slot = 0;
const run = (job: Job) =>
  runJob(job, { now: bot.clock.now(), deps: bot.bot.deps, slot: `t${(slot += 1)}` });
const cardsTo = (id: string) => bot.sim.cardsTo(id).map((m) => json(m.content));

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'bk-jobs-'));
  const raw = defaultTargets(root);
  for (const t of (raw as { targets: { path: string }[] }).targets) mkdirSync(t.path);
  writeFileSync(join(root, 'targets.yaml'), stringify(raw));
  bot = await startTestBot({ env: { BACKUP_TARGETS_FILE: join(root, 'targets.yaml') } });
});
afterEach(async () => {
  bot.sim.assertNoUnmatched();
  await bot.close();
  rmSync(root, { recursive: true, force: true });
});

async function seed() {
  const seeder = materialSeeder(bot.bot.deps.repos.backupStore.conn, bot.clock);
  const act = await seeder.addActivity();
  const m = await seeder.addMaterial(act, { size: 120_000 });
  return { act, m, seeder };
}

describe('backup jobs and the keeper', () => {
  it('backs up new items after the delay and asks the keeper to confirm each entry', async () => {
    await seed();
    bot.clock.advance(11 * 60_000);
    const outcome = await run(backupRealtimeJob);
    expect(outcome).toMatchObject({ status: 'ok' });
    const entries = await bot.bot.deps.repos.backup.list();
    expect(entries.map((e) => e.targetId).sort()).toEqual(['sealed-disc', 'use-disk']);
    const cards = cardsTo('ou_arch1');
    expect(cards).toHaveLength(2);
    expect(cards.join()).toContain('备份登记待确认');
    expect(cards.join()).toContain('封存号 FC-sealed-disc-2026-0001');
    const useBag = entries.find((e) => e.targetId === 'use-disk')!;

    const stranger = await tap(bot, 'ou_arch2', {
      action: 'backup.keeper.confirm',
      bagId: useBag._id,
    });
    expect(stranger.toast?.i18n.zh_cn).toBe('只有保管人 王档案员 可以确认。');
    const ok = await tap(bot, 'ou_arch1', { action: 'backup.keeper.confirm', bagId: useBag._id });
    expect(ok.toast?.i18n).toEqual({ zh_cn: '已确认登记', en_us: 'Entry confirmed' });
    expect(json(ok.card)).toContain('已于 2026-03-02 10:11 确认登记');
    expect(json(ok.card)).not.toContain('backup.keeper.confirm');
    const again = await tap(bot, 'ou_arch1', {
      action: 'backup.keeper.confirm',
      bagId: useBag._id,
    });
    expect(again.toast?.i18n.zh_cn).toBe('该备份已确认过。');

    await privateCommand(bot, '备份', 'ou_arch2');
    await bot.drain();
    const status = cardsTo('oc_p2p_ou_arch2').concat(cardsTo('ou_arch2')).join();
    expect(status).toContain('待保管人确认（1）');
    expect(status).toContain('异地：是');
    await privateCommand(bot, '备份', 'ou_org1');
    await bot.drain();
    expect(cardsTo('oc_p2p_ou_org1').concat(cardsTo('ou_org1')).join()).toContain('只有档案员');

    bot.clock.advance(6 * 60_000);
    await run(backupRealtimeJob);
    expect(cardsTo('ou_arch1')).toHaveLength(2); // nothing new, no card sent twice
  });

  it('verifies copies on rotation, alerts naming the file, and runs the yearly drill', async () => {
    await seed();
    await run(backupFullJob);
    const useBag = (await bot.bot.deps.repos.backup.list()).find((e) => e.targetId === 'use-disk')!;
    const folder = join(useBag.path, 'data/files');
    const [dir] = readdirSync(folder);
    const [file] = readdirSync(join(folder, dir!));
    const path = join(folder, dir!, file!);
    const bytes = readFileSync(path);
    bytes[0] = bytes[0]! ^ 1;
    writeFileSync(path, bytes);

    bot.clock.advance(31 * 24 * 3600_000);
    const fixity = await run(backupFixityJob);
    expect(fixity).toMatchObject({ status: 'ok' });
    expect(fixity.status === 'ok' && fixity.result.summary).toMatch(
      /1 copy\(ies\) verified, 1 failed, 0 sealed without approval, live store 1 file\(s\) re-hashed \(0 differ\)/,
    ); // the sealed disc is offline staging: checked yearly
    const alerts = cardsTo('ou_arch1').concat(cardsTo('ou_arch2')).join();
    expect(alerts).toContain('备份检测发现问题');
    expect(alerts).toContain(`${useBag._id}/data/files/${dir}/${file}: changed`);

    bot.clock.advance(365 * 24 * 3600_000);
    const yearly = await run(backupFixityJob);
    expect(yearly.status === 'ok' && yearly.result.summary).toMatch(/1 sealed without approval/);

    const damaged = await run(backupDrillJob); // the newest full bag is the damaged one
    expect(damaged).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/is not valid/),
    });
    expect(cardsTo('ou_arch1').join()).toContain('恢复演练未通过');
    await run(backupFullJob);
    const drill = await run(backupDrillJob);
    expect(drill).toMatchObject({ status: 'ok' });
    expect(cardsTo('ou_arch1').join()).toContain('恢复演练通过');
    const again = await run(backupDrillJob);
    expect(again.status === 'ok' && again.result.summary).toMatch(/^not due/);
  });
});
