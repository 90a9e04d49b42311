import type { ActivityDoc } from '../../src/db/models/activity';
import type { MaterialDoc } from '../../src/db/models/material';
import { runPrecheck } from '../../src/services/handover/precheck';
import { addMaterial } from '../../test/support/material-fixtures';
import type { ScenarioContext } from './demo-scenario';

const later = (ctx: ScenarioContext, minutes: number) =>
  ctx.clock.set(new Date(ctx.clock.now().getTime() + minutes * 60_000));

/** Values the organizer types into the description form, field by field. */
const FILL: Record<string, unknown> = {
  takenAt: new Date('2026-03-06T02:30:00Z'),
  place: '学院礼堂',
  people: '院领导、师生代表',
  event: '建校六十周年庆典大会',
  photographer: '张老师',
  title: '建校六十周年庆典材料',
  docType: '文件',
  docDate: new Date('2026-03-06T00:00:00Z'),
  pages: 1,
};

/**
 * What the organizer does between the refused and the accepted submit: describes every item the
 * pre-check named, and removes (with a reason) items that never arrived whole. Written straight to
 * the materials (as the materials feature's forms would), so the story does not depend on which
 * materials earlier demo steps left behind.
 */
async function fixProblems(ctx: ScenarioContext, activity: ActivityDoc): Promise<number> {
  const deps = ctx.stack.bot.deps;
  const { report } = await runPrecheck(activity, deps);
  const materials = deps.repos.handover.connection.db!.collection<MaterialDoc>('materials');
  const now = ctx.clock.now();
  for (const p of report.blocking) {
    if (p.code === 'no_items') continue;
    if (p.code === 'undescribed') {
      const set = Object.fromEntries(p.missing.map((f) => [`description.${f}`, FILL[f]]));
      await materials.updateOne(
        { _id: p.itemId },
        { $set: { ...set, described: true, updatedAt: now } },
      );
    } else {
      await materials.updateOne(
        { _id: p.itemId },
        {
          $set: { removedAt: now, removedBy: 'ou_zhang', removeReason: '重新发送', updatedAt: now },
        },
      );
    }
  }
  return report.blocking.length;
}

/**
 * Handover and assessment: a submit refused by the pre-check (an undescribed photo), the fix, the
 * submit with the transfer list, a return for minor corrections, the resubmit, the acceptance with
 * archive numbers, an original received, a search with a ZIP export, and the yearly assessment
 * (card with chart, XLSX, draft notice). Uses the activity and materials of the earlier steps and
 * adds what the story needs (a document, a physical item, a photo without its description).
 */
export async function demoHandover(ctx: ScenarioContext): Promise<void> {
  const { stack, transcript, events } = ctx;
  const deps = stack.bot.deps;
  const ids = stack.ids;
  const found = (await deps.repos.activities.list({ q: '建校六十周年' }, 1, 1)).items[0];
  if (!found) {
    console.log('\n(handover demo skipped: the demo activity is missing)');
    return;
  }
  const activityId = found._id;
  const chatId = found.chatId ?? 'oc_anniv';
  const conn = deps.repos.handover.connection;
  const live = await deps.repos.handover.liveMaterials(activityId);
  if (!live.some((m) => m.kind === 'document'))
    await addMaterial(conn, activityId, { kind: 'document' }, 1);
  await addMaterial(conn, activityId, { kind: 'physical' }, 2);
  await addMaterial(
    conn,
    activityId,
    { kind: 'photo', fileName: '合影.jpg', described: false, description: { place: '学院礼堂' } },
    3,
  );
  console.log(
    '\n(the group now also holds a plan, a plaque registered by form, and 「合影.jpg」 sent without a description)',
  );

  const tapAs = (
    who: string,
    value: Record<string, unknown>,
    where = chatId,
    form?: Record<string, unknown>,
  ) =>
    stack.sendCard(
      events.cardAction(
        {
          operatorOpenId: who,
          value,
          ...(form ? { formValue: form } : {}),
          openMessageId: 'om_demo_handover',
          openChatId: where,
        },
        ids,
      ),
    );
  const submit = (confirm = false) =>
    tapAs('ou_zhang', {
      action: 'handover.submit',
      activityId,
      ...(confirm ? { confirm: true } : {}),
    });
  const version = async () => (await deps.repos.handover.versions(activityId)).at(-1);

  later(ctx, 60);
  await transcript.step('张老师', 'taps "提交移交" on the status card', () => submit());
  const current = (await deps.repos.activities.findById(activityId))!;
  await transcript.step(
    '张老师',
    'describes the items the check named (the description form)',
    async () => {
      const fixed = await fixProblems(ctx, current);
      console.log(`   (${fixed} item(s) fixed)`);
    },
  );
  later(ctx, 30);
  await transcript.step(
    '张老师',
    'taps "提交移交" again; the check passes and the handover goes out',
    () => submit(true),
  );
  const v1 = await version();
  if (!v1) {
    console.log('   (nothing was submitted; the handover demo stops here)');
    return;
  }
  later(ctx, 120);
  await transcript.step('王档案员', 'returns it for a minor correction (reason required)', () =>
    tapAs('ou_wang', { action: 'handover.return', submissionId: v1._id }, 'oc_archive_room', {
      retention: 'Y',
      reason: '合影的人物说明请写明主要领导姓名',
      minor: 'yes',
    }),
  );
  later(ctx, 60);
  await transcript.step(
    '张老师',
    'fixes the description and submits again (version 2)',
    async () => {
      await conn.db!.collection<MaterialDoc>('materials').updateOne(
        { fileName: '合影.jpg', activityId },
        {
          $set: {
            'description.people': '王院长、李书记与师生代表（前排左起）',
            updatedAt: ctx.clock.now(),
          },
        },
      );
      return submit(true);
    },
  );
  const v2 = await version();
  later(ctx, 60);
  await transcript.step(
    '王档案员',
    'accepts version 2 (retention 永久); archive numbers are assigned',
    () =>
      tapAs('ou_wang', { action: 'handover.accept', submissionId: v2!._id }, 'oc_archive_room', {
        retention: 'Y',
        minor: 'no',
      }),
  );
  const numbered = await deps.repos.archives.numberedMaterials(activityId);
  console.log(`   📁 archive numbers: ${numbered.map((m) => m.archiveNo).join(', ')}`);
  const plaque = numbered.find((m) => m.kind === 'physical');
  await transcript.step('王档案员', 'opens "原件接收" and marks the plaque received', async () => {
    await tapAs('ou_wang', { action: 'handover.originals', activityId }, 'oc_archive_room');
    return plaque
      ? tapAs(
          'ou_wang',
          { action: 'handover.receive', activityId, materialId: plaque._id },
          'oc_archive_room',
        )
      : undefined;
  });
  await transcript.step(
    '王档案员',
    'writes "检索 六十周年" to the bot, then taps "导出 ZIP"',
    async () => {
      await stack.sendEvent(
        events.textMessage(
          {
            chatId: 'oc_p2p_wang',
            chatType: 'p2p',
            senderOpenId: 'ou_wang',
            text: '检索 六十周年',
          },
          ids,
        ),
      );
      await stack.bot.worker.drain();
      return tapAs('ou_wang', { action: 'archive.export', activityId }, 'oc_p2p_wang');
    },
  );
  await transcript.step(
    '王档案员',
    'writes "评估 2026": ranking, chart, XLSX and a draft notice',
    () =>
      stack.sendEvent(
        events.textMessage(
          { chatId: 'oc_p2p_wang', chatType: 'p2p', senderOpenId: 'ou_wang', text: '评估 2026' },
          ids,
        ),
      ),
  );
  const files = stack.sim.uploadedFiles().map((f) => `${f.fileName} (${f.bytes.length} bytes)`);
  console.log(`   📎 files the bot sent: ${files.join('; ')}`);
}
