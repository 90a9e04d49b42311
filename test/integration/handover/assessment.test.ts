import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Connection } from 'mongoose';
import { writeAssessmentReport } from '../../../scripts/report-assessment';
import type { ActivityDoc } from '../../../src/db/models/activity';
import type { HandoverSubmissionDoc } from '../../../src/db/models/handover';
import { SUMMARY_COLUMNS, SUMMARY_SHEET } from '../../../src/services/handover/assessment';
import { privateCommand, tap } from '../../support/activity-flows';
import {
  ASSESSMENT_ACTIVITIES,
  ASSESSMENT_CRITICISMS,
  ASSESSMENT_NOW,
  EXPECTED_RANKING,
} from '../../support/assessment-fixture';
import { startTestBot, TEST_DIRECTORY, type TestBot } from '../../support/test-bot';

/** Writes the hand-worked data set into the database as the bot would have stored it. */
async function seed(conn: Connection): Promise<void> {
  const db = conn.db!;
  for (const a of ASSESSMENT_ACTIVITIES) {
    const doc: ActivityDoc = {
      _id: a.id,
      code: a.code,
      year: 2026,
      title: a.title,
      category: 10,
      unit: a.unit,
      coUnits: [],
      startAt: new Date('2026-03-01T01:00:00Z'),
      endAt: new Date('2026-03-01T08:00:00Z'),
      contact: 'ou_org1',
      registrant: 'ou_org1',
      state: a.state,
      deadline: a.versions[0]?.originalDeadline ?? a.effectiveDeadline,
      effectiveDeadline: a.effectiveDeadline,
      createdAt: new Date('2026-03-01T01:00:00Z'),
      updatedAt: new Date('2026-03-01T01:00:00Z'),
    };
    await db.collection('activities').insertOne(doc as never);
    const last = a.versions.length;
    for (const v of a.versions) {
      const status =
        v.returned !== undefined
          ? 'returned'
          : a.state === 'accepted' && v.version === last
            ? 'accepted'
            : 'submitted';
      const sub: Omit<HandoverSubmissionDoc, 'list'> & { list: Record<string, unknown> } = {
        _id: `${a.id}:v${v.version}`,
        activityId: a.id,
        version: v.version,
        status,
        submittedBy: 'ou_org1',
        submittedAt: v.submittedAt,
        originalDeadline: v.originalDeadline,
        effectiveDeadline: v.effectiveDeadline,
        materialIds: [],
        totals: { items: a.items, pages: 0, files: 0, bytes: 0 },
        checklistGaps: a.checklistGaps,
        list: { blobId: 'x', fileName: 'x.xlsx', sha256: '', size: 0, digest: '' },
        retention: 'Y',
        reviewMessageIds: [],
        ...(v.returned ? { minor: v.returned.minor, returnReason: '需修改' } : {}),
      };
      await db.collection('handover_submissions').insertOne(sub as never);
    }
    for (let i = 0; i < a.items; i++) {
      await db.collection('materials').insertOne({
        _id: `${a.id}-m${i}`,
        activityId: a.id,
        kind: 'document',
        status: 'stored',
        source: 'group',
        sender: 'ou_org1',
        sentAt: new Date(),
        createdAt: new Date(),
        updatedAt: new Date(),
        warnings: [],
        described: i < a.described,
      } as never);
    }
  }
  for (const [i, c] of ASSESSMENT_CRITICISMS.entries()) {
    await db.collection('criticisms').insertOne({
      _id: `c${i}`,
      unit: c.unit,
      year: 2026,
      reason: c.reason,
      ...(c.note ? { note: c.note } : {}),
      ...(c.activityCode ? { activityCode: c.activityCode } : {}),
      by: 'ou_arch1',
      at: new Date('2026-06-01T02:00:00Z'),
    } as never);
  }
}

async function summaryRows(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const ws = wb.getWorksheet(SUMMARY_SHEET)!;
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  const head = rows.findIndex((r) => r[0] === '名次');
  return { wb, columns: rows[head], rows: rows.slice(head + 1) };
}

const expectedSummary = EXPECTED_RANKING.map((r) => [
  r.rank,
  { xcb: '宣传部', jwc: '教务处', zsc: '招生处' }[r.unit],
  r.unit,
  r.score,
  r.registered,
  r.onTime,
  r.lateWithExtension,
  r.lateWithout,
  r.overdueNotHandedOver,
  r.inProgress,
  r.descriptionCompleteness ?? undefined,
  r.returns,
  r.criticisms,
]);

describe('assessment (评估) on a fixed data set worked by hand', () => {
  let bot: TestBot;

  beforeEach(async () => {
    bot = await startTestBot({
      now: ASSESSMENT_NOW.toISOString(),
      directory: {
        ...TEST_DIRECTORY,
        units: [...TEST_DIRECTORY.units, { code: 'zsc', name: '招生处', contacts: [] }],
      },
    });
    await seed(bot.bot.deps.repos.handover.connection);
  });
  afterEach(async () => {
    bot.sim.assertNoUnmatched();
    await bot.close();
  });

  it('answers archivists with the ranking card, the chart, the XLSX and the draft notice', async () => {
    await privateCommand(bot, '评估 2026', 'ou_arch1');
    await bot.drain();
    const card = JSON.stringify(bot.sim.cardsTo('oc_p2p_ou_arch1').at(-1)?.content);
    expect(card).toContain('2026 年度重大活动档案移交考核');
    expect(card).toContain('| 1 | 宣传部 | 19 | 4 | 1 | 1 | 1 | 0 | 100% | 1 | 0 |');
    expect(card).toContain('| 2 | 教务处 | 5 | 3 | 2 | 0 | 0 | 1 | 89% | 1 | 1 |');
    expect(card).toContain('| 3 | 招生处 | -5 | 0 | 0 | 0 | 0 | 0 | — | 0 | 1 |');
    expect(card).toContain('"tag":"chart"');
    expect(card).toContain('{"unit":"宣传部","score":19}');

    const file = bot.sim
      .uploadedFiles()
      .find((f) => f.fileName === '重大活动档案移交考核-2026.xlsx')!;
    const { wb, columns, rows } = await summaryRows(file.bytes);
    expect(columns).toEqual([...SUMMARY_COLUMNS]);
    expect(rows).toEqual(expectedSummary);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '宣传部',
      '教务处',
      '招生处',
      '通报草稿',
    ]);

    const notice = bot.sim
      .sentMessages()
      .find((m) => m.msgType === 'text' && JSON.stringify(m.content).includes('通报（草稿）'));
    expect(JSON.stringify(notice?.content)).toContain('招生处：将档案据为己有、不按规定移交');
  });

  it('is for archivists only', async () => {
    await privateCommand(bot, '评估', 'ou_org1');
    await bot.drain();
    expect(JSON.stringify(bot.sim.cardsTo('oc_p2p_ou_org1').at(-1)?.content)).toContain('档案员');
    expect(bot.sim.uploadedFiles()).toHaveLength(0);
  });

  it('an archivist records a criticism: it is audited and counts in the year', async () => {
    const open = await tap(bot, 'ou_arch1', { action: 'assessment.criticize.open', year: 2026 });
    expect(JSON.stringify(open.card)).toContain('记录通报批评');
    const bad = await tap(
      bot,
      'ou_arch1',
      { action: 'assessment.criticize.submit', year: 2026 },
      { formValue: { unit: 'nope', reason: 'lost' } },
    );
    expect(bad.toast?.type).toBe('error');
    const ok = await tap(
      bot,
      'ou_arch1',
      { action: 'assessment.criticize.submit', year: 2026 },
      {
        formValue: {
          unit: 'xcb',
          reason: 'not_kept',
          activity: '#HD-2026-0008',
          note: '未留存照片',
        },
      },
    );
    expect(ok.toast?.type).toBe('success');
    const audit = await bot.bot.deps.repos.activities.recentAudit('b4', 1);
    expect(audit[0]).toMatchObject({
      action: 'criticism_recorded',
      actor: 'ou_arch1',
      reason: '未留存照片',
    });
    const refused = await tap(
      bot,
      'ou_org1',
      { action: 'assessment.criticize.submit', year: 2026 },
      { formValue: { unit: 'xcb', reason: 'lost' } },
    );
    expect(refused.toast?.type).toBe('error');
    expect(await bot.bot.deps.repos.handover.criticismsOf(2026)).toHaveLength(3);
  });

  it('npm run report:assessment writes the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assessment-'));
    try {
      const out = join(dir, 'report.xlsx');
      await writeAssessmentReport(bot.bot.deps.repos.handover.connection, {
        year: 2026,
        out,
        tz: 'Asia/Shanghai',
        archive: bot.config.archive,
        now: ASSESSMENT_NOW,
      });
      const { rows } = await summaryRows(readFileSync(out));
      expect(rows).toEqual(expectedSummary);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
