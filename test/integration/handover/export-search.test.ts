import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import yauzl from 'yauzl';
import { privateCommand, tap } from '../../support/activity-flows';
import { setupActivity, tapDecision, tapSubmit, versionsOf } from '../../support/handover-flows';
import { addCompleteSet, addMaterial } from '../../support/material-fixtures';
import { startTestBot, type TestBot } from '../../support/test-bot';

/** Every entry of a ZIP with its bytes (read back with yauzl). */
function readZip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const parts: Buffer[] = [];
          stream.on('data', (c: Buffer) => parts.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(parts));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('accepted archives: search and ZIP export', () => {
  let bot: TestBot;
  let activityId: string;
  let code: string;

  beforeEach(async () => {
    bot = await startTestBot({ now: '2026-03-02T02:00:00Z' });
    ({ activityId, code } = await setupActivity(bot, { title: '建校六十周年庆典' }));
    const conn = bot.bot.deps.repos.handover.connection;
    const set = await addCompleteSet(conn, activityId);
    const plaque = set.find((m) => m.kind === 'physical')!;
    await addMaterial(conn, activityId, {
      kind: 'photo',
      attachedTo: plaque._id,
      fileName: 'plaque.jpg',
      description: { title: plaque.physical!.name },
    });
    await tapSubmit(bot, activityId);
    const [v] = await versionsOf(bot, activityId);
    await tapDecision(bot, 'ou_arch1', v!._id, 'accept');
    await bot.drain();
  });
  afterEach(async () => {
    bot.sim.assertNoUnmatched();
    await bot.close();
  });

  const lastCard = (to: string) => JSON.stringify(bot.sim.cardsTo(to).at(-1)?.content ?? {});

  it.each([
    ['检索 六十周年', true],
    ['检索 年度:2026 单位:jwc 类别:5', true],
    ['search year:2025', false],
    ['检索 类别:4', false],
  ])('archivists find accepted archives: %s', async (text, found) => {
    await privateCommand(bot, text, 'ou_arch1');
    await bot.drain();
    const card = lastCard('oc_p2p_ou_arch1');
    expect(card).toContain('档案检索');
    if (found) {
      expect(card).toContain(code);
      expect(card).toContain('Z001-');
      expect(card).toContain('"archive.export"');
    } else {
      expect(card).toContain('没有找到符合条件的已验收档案');
    }
  });

  it('finds an activity by one of its archive numbers and by its code', async () => {
    const [m] = await bot.bot.deps.repos.archives.numberedMaterials(activityId);
    await privateCommand(bot, `检索 ${m!.archiveNo!}`, 'ou_arch1');
    await bot.drain();
    expect(lastCard('oc_p2p_ou_arch1')).toContain('档案检索');
    expect(lastCard('oc_p2p_ou_arch1')).toContain(code);
    await privateCommand(bot, `search #${code}`, 'ou_arch1');
    await bot.drain();
    expect(lastCard('oc_p2p_ou_arch1')).toContain(code);
  });

  it('is for archivists only', async () => {
    await privateCommand(bot, '检索 六十周年', 'ou_org1');
    await bot.drain();
    const card = lastCard('oc_p2p_ou_org1');
    expect(card).not.toContain(code);
    expect(card).toContain('档案员');
    const answer = await tap(bot, 'ou_org1', { action: 'archive.export', activityId });
    expect(answer.toast?.type).toBe('error');
  });

  it('exports files named by archive number, the list and metadata; hashes match; logged', async () => {
    const answer = await tap(
      bot,
      'ou_arch1',
      { action: 'archive.export', activityId },
      { chatId: 'oc_p2p_arch1' },
    );
    expect(answer.toast?.i18n.zh_cn).toBe('正在导出，完成后发送给你');
    await bot.drain();
    const file = bot.sim.uploadedFiles().find((f) => f.fileName === `${code}.zip`)!;
    expect(file).toBeDefined();
    const entries = await readZip(file.bytes);
    const items = await bot.bot.deps.repos.archives.numberedMaterials(activityId);
    const withFiles = items.filter((m) => m.blobId);
    for (const m of withFiles) {
      const ext = /\.[a-z0-9]+$/i.exec(m.fileName!)![0].toLowerCase();
      const bytes = entries.get(`files/${m.archiveNo}${ext}`);
      expect(bytes).toBeDefined();
      expect(sha(bytes!)).toBe(m.sha256);
    }
    const plaque = items.find((m) => m.kind === 'physical')!;
    const [photo] = await bot.bot.deps.repos.archives.attachments(activityId);
    expect(photo!.archiveNo).toBeUndefined();
    expect(sha(entries.get(`files/${plaque.archiveNo}-01.jpg`)!)).toBe(photo!.sha256);
    const [v] = await versionsOf(bot, activityId);
    const list = entries.get(v!.acceptedList!.fileName)!;
    expect(sha(list)).toBe(v!.acceptedList!.sha256);
    const meta = JSON.parse(entries.get('metadata.json')!.toString('utf8')) as {
      fondsCode: string;
      activity: { code: string };
      handover: { transferList: { digest: string } };
      items: { archiveNo: string; sha256: string | null; file: string | null }[];
    };
    expect(meta.fondsCode).toBe('Z001');
    expect(meta.activity.code).toBe(code);
    expect(meta.handover.transferList.digest).toBe(v!.acceptedList!.digest);
    expect(meta.items).toHaveLength(items.length + 1);
    expect(
      meta.items
        .filter((i) => i.file)
        .map((i) => i.sha256)
        .sort(),
    ).toEqual([...withFiles, photo!].map((m) => m.sha256).sort());
    expect(entries.size).toBe(withFiles.length + 3);
    const card = lastCard('oc_p2p_arch1');
    expect(card).toContain(`档案导出 · ${code}`);
    expect(card).toContain(sha(file.bytes));
    const audit = await bot.bot.deps.repos.activities.recentAudit(activityId, 3);
    const logged = audit.find((e) => e.action === 'archive_exported');
    expect(logged).toMatchObject({ actor: 'ou_arch1' });
    const path = logged!.changes.find((c) => c.field === 'zip')!.after as string;
    expect(sha(readFileSync(path))).toBe(sha(file.bytes));
  });
});
