import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { complianceOf, parseBackupTargets } from '../../src/config/backup-targets';
import { bagSize } from '../../src/domain/bagit';
import { formatInTz } from '../../src/domain/deadline';
import { displayName } from '../../src/domain/roles';
import { createLogger } from '../../src/lib/logger';
import type { BackupContext } from '../../src/services/backup/context';
import { verifyEntry } from '../../src/services/backup/fixity';
import { sendKeeperCards } from '../../src/services/backup/keeper';
import { runBackup } from '../../src/services/backup/run-backup';
import { SealedAccessError } from '../../src/services/backup/sealed-access';
import type { ScenarioContext } from './demo-scenario';

/**
 * Backup in the demo: a full backup of what the scenario collected to two targets in a temporary
 * folder (a use disk on site, a sealed disc staging folder off site), the use copy verified, the
 * sealed one refused without an approval, the keeper's card, and the register as archivists see it.
 */
export async function demoBackup({ stack, transcript, events }: ScenarioContext): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'archive-bot-demo-backup-'));
  try {
    const deps = stack.bot.deps;
    const settings = parseBackupTargets(
      {
        organization: '聊城市技师学院 综合档案室',
        keeper: 'ou_wang',
        targets: [
          {
            id: 'disk-a',
            name: '档案室移动硬盘A',
            path: 'disk-a',
            media: 'hdd',
            location: { site: 'on-site', place: '综合档案室' },
            role: 'use',
          },
          {
            id: 'disc-sealed',
            name: '封存光盘',
            path: 'disc-sealed',
            media: 'optical',
            location: { site: 'off-site', place: '市档案馆' },
            role: 'sealed',
          },
        ],
      },
      join(root, 'backup-targets.yaml'),
    );
    for (const t of settings.targets) mkdirSync(t.path);
    const dir = await deps.repos.directory.load();
    const ctx: BackupContext = {
      settings,
      repo: deps.repos.backup,
      custody: deps.repos.backupCustody,
      store: deps.repos.backupStore,
      clock: deps.clock,
      log: createLogger('silent'),
      tz: deps.config.tz,
      actor: 'cli:王档案员',
      nameOf: (id) => displayName(id, dir),
    };
    const c = complianceOf(settings.targets);
    await transcript.step(
      '王档案员',
      'runs `npm run backup:run` (full backup to both targets)',
      async () => {
        console.log(
          `   targets: 1 use + 1 sealed; off-site ${c.offsite ? 'yes' : 'no'}, different media ${c.differentMedia ? 'yes' : 'no'}`,
        );
        const result = await runBackup(ctx, { kind: 'full' });
        for (const o of result.outcomes) {
          if (o.status !== 'written') continue;
          const e = o.entry;
          console.log(
            `   📦 ${e._id}: ${e.files} files (${e.copied} items), ${bagSize(e.bytes)}${e.seal ? `, seal ${e.seal.number}` : ''}`,
          );
        }
      },
    );
    await transcript.step('王档案员', 'runs `npm run backup:verify` on each copy', async () => {
      for (const e of (await ctx.repo.list()).reverse()) {
        try {
          const r = await verifyEntry(ctx, e);
          console.log(`   ${r.ok ? '✔' : '✘'} ${e._id}: ${r.summary}`);
        } catch (err) {
          if (!(err instanceof SealedAccessError)) throw err;
          console.log(`   ⛔ ${e._id}: refused, sealed copy without a recorded approval (logged)`);
        }
      }
    });
    await transcript.step(
      'the backup job',
      'sends the keeper a confirmation card per bag',
      async () => {
        await sendKeeperCards(deps);
      },
    );
    const useBag = (await ctx.repo.list()).find((e) => e.role === 'use');
    const cardOf = (bagId: string) =>
      stack.sim.sentMessages().find((m) => JSON.stringify(m.content).includes(bagId))?.messageId ??
      'om_unknown';
    if (useBag) {
      await transcript.step(
        '王档案员',
        'checks the figures and taps "核对无误，确认登记" on the disk copy',
        () =>
          stack.sendCard(
            events.cardAction(
              {
                operatorOpenId: 'ou_wang',
                value: { action: 'backup.keeper.confirm', bagId: useBag._id },
                openMessageId: cardOf(useBag._id),
                openChatId: 'oc_p2p_wang',
              },
              stack.ids,
            ),
          ),
      );
    }
    await transcript.step(
      '王档案员',
      'writes "备份" to the bot (the archivists\' backup status)',
      () =>
        stack.sendEvent(
          events.textMessage(
            { chatId: 'oc_p2p_wang', chatType: 'p2p', senderOpenId: 'ou_wang', text: '备份' },
            stack.ids,
          ),
        ),
    );
    console.log('\n   备份登记表 (npm run backup:register):');
    for (const e of (await ctx.repo.list()).reverse()) {
      console.log(
        `   ${formatInTz(e.createdAt, ctx.tz)}  ${e._id}  ${e.role}  keeper ${ctx.nameOf(e.keeper)}  ${e.confirmedAt ? 'confirmed' : 'pending'}  ${e.tagDigest.slice(0, 16)}…`,
      );
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
