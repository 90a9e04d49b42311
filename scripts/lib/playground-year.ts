/**
 * A realistic sample year for `npm run playground`: five units, their leaders and contacts, the archive
 * room, and activities in every state (some overdue, one with a pending extension), with photos and a
 * video collected through the real chat intake and a handover under review.
 */
import { randomUUID } from 'node:crypto';
import type { LocalStack } from '../../src/app/local-stack';
import type { ActivityState } from '../../src/domain/activity-lifecycle';
import type { CategoryCode } from '../../src/domain/categories';
import { handoverDeadline } from '../../src/domain/deadline';
import type { DirectoryFile } from '../../src/domain/directory';
import { events } from '../../src/simulator';
import { mp4Head, sampleJpeg } from '../../src/simulator/sample-media';

export const PLAYGROUND_DIRECTORY: DirectoryFile = {
  units: [
    { code: 'jwc', name: '教务处', leaderInCharge: 'ou_vp_teach', contacts: ['ou_zhang'] },
    { code: 'xsc', name: '学生处', leaderInCharge: 'ou_vp_students', contacts: ['ou_liu'] },
    { code: 'xcb', name: '党委宣传部', leaderInCharge: 'ou_secretary', contacts: ['ou_chen'] },
    { code: 'tw', name: '校团委', leaderInCharge: 'ou_vp_students', contacts: ['ou_zhao'] },
    { code: 'hqc', name: '后勤处', contacts: ['ou_sun'] },
  ],
  archivists: ['ou_wang', 'ou_he'],
  publicity: ['ou_chen'],
  admins: ['ou_it'],
  people: [
    { openId: 'ou_vp_teach', name: '李副院长' },
    { openId: 'ou_vp_students', name: '周副院长' },
    { openId: 'ou_secretary', name: '吴副书记' },
    { openId: 'ou_zhang', name: '张老师', unit: 'jwc' },
    { openId: 'ou_liu', name: '刘老师', unit: 'xsc' },
    { openId: 'ou_chen', name: '陈干事', unit: 'xcb' },
    { openId: 'ou_zhao', name: '赵老师', unit: 'tw' },
    { openId: 'ou_sun', name: '孙老师', unit: 'hqc' },
    { openId: 'ou_qian', name: '钱老师', unit: 'jwc' },
    { openId: 'ou_wang', name: '王档案员' },
    { openId: 'ou_he', name: '何档案员' },
    { openId: 'ou_it', name: '信息中心管理员' },
  ],
};

/** One sign-in link per role, printed by the playground. */
export const PLAYGROUND_ROLES: { role: string; openId: string }[] = [
  { role: '档案员 archivist', openId: 'ou_wang' },
  { role: '管理员 admin', openId: 'ou_it' },
  { role: '分管领导 leader in charge (教务处)', openId: 'ou_vp_teach' },
  { role: '经办人 organizer (教务处)', openId: 'ou_zhang' },
  { role: '联系人 contact of one activity', openId: 'ou_qian' },
  { role: '宣传处 publicity (no activities: 403)', openId: 'ou_chen' },
  { role: '陌生人 stranger (not in the directory)', openId: 'ou_visitor' },
];

const TITLES: [string, CategoryCode, string][] = [
  ['春季学期开学典礼', 1, 'jwc'],
  ['技能大赛校内选拔赛', 6, 'jwc'],
  ['教学成果展', 4, 'jwc'],
  ['新生入学教育', 8, 'xsc'],
  ['毕业典礼', 1, 'xsc'],
  ['学生心理健康周', 8, 'xsc'],
  ['校园开放日', 5, 'xcb'],
  ['校庆纪念大会', 2, 'xcb'],
  ['主题宣讲报告会', 7, 'xcb'],
  ['五四青年节表彰大会', 3, 'tw'],
  ['志愿服务月启动仪式', 9, 'tw'],
  ['新校区食堂启用仪式', 10, 'hqc'],
];

const STATES: ActivityState[] = [
  'registered',
  'collecting',
  'ended',
  'handover_submitted',
  'returned',
  'accepted',
  'cancelled',
];

const contactOf: Record<string, string> = {
  jwc: 'ou_zhang',
  xsc: 'ou_liu',
  xcb: 'ou_chen',
  tw: 'ou_zhao',
  hqc: 'ou_sun',
};

/** Seeds the year; returns the activity that got photos and a video. */
export async function seedPlaygroundYear(
  stack: LocalStack,
  say: (line: string) => void,
): Promise<string> {
  const { repos } = stack.bot.deps;
  await stack.loadDirectory(PLAYGROUND_DIRECTORY);
  for (const p of PLAYGROUND_DIRECTORY.people) stack.sim.addUser(p.openId, p.name ?? p.openId);
  stack.sim.addUser('ou_visitor', '访客');
  const now = stack.clock.now();
  const year = now.getUTCFullYear();
  const ids: string[] = [];
  let n = 0;
  for (let month = 0; month < 12; month++) {
    for (const [i, [title, category, unit]] of TITLES.entries()) {
      if ((month + i) % 4 !== 0) continue; // about three activities a month
      const startAt = new Date(Date.UTC(year, month, 3 + ((i * 5) % 22), 1, 30));
      const endAt = new Date(startAt.getTime() + ((i % 3) + 1) * 3 * 3600_000);
      const future = startAt.getTime() > now.getTime();
      const state: ActivityState = future ? 'registered' : STATES[(n + i) % STATES.length]!;
      const deadline = handoverDeadline(endAt, stack.config.tz);
      const contact = title === '教学成果展' ? 'ou_qian' : contactOf[unit]!;
      const { activity } = await repos.activities.createOnce(
        {
          _id: `act_${randomUUID()}`,
          year,
          title: `${year} 年${title}`,
          category,
          unit,
          coUnits: [],
          startAt,
          endAt,
          location: '学院礼堂',
          contact,
          registrant: contactOf[unit]!,
          state: 'registered',
          deadline,
          effectiveDeadline: deadline,
        },
        now,
      );
      if (state !== 'registered')
        await repos.activities.update(activity._id, ['registered'], { state }, [], now);
      ids.push(activity._id);
      n++;
    }
  }
  say(`  ${ids.length} activities in ${year}, every state`);

  // Photos and a ceremony video dropped into the group of a collecting activity (the real intake).
  const target = (await repos.activities.findById(ids.find((_, i) => i % 7 === 1) ?? ids[0]!))!;
  await repos.activities.update(target._id, [target.state], { state: 'collecting' }, [], now);
  const chatId = stack.sim.addChat({ name: `${target.title} 筹备群`, members: [target.contact] });
  await repos.activities.bind(chatId, target._id, target.contact, now, `${target.title} 筹备群`);
  for (let k = 1; k <= 6; k++) {
    const messageId = `om_play_photo_${k}`;
    stack.sim.putResource(messageId, `img_play_${k}`, {
      bytes: sampleJpeg({ width: 2400, height: 1600, label: `playground photo ${k}` }),
      contentType: 'image/jpeg',
    });
    await stack.sendEvent(
      events.messageReceived(
        {
          messageId,
          chatId,
          chatType: 'group',
          senderOpenId: target.contact,
          messageType: 'image',
          content: { image_key: `img_play_${k}` },
        },
        stack.ids,
      ),
    );
  }
  const videoSize = 6 * 1024 * 1024;
  stack.sim.putResource('om_play_video', 'file_play_video', {
    size: videoSize,
    head: mp4Head(videoSize),
    contentType: 'video/mp4',
  });
  stack.sim.putResource('om_play_video', 'img_play_cover', {
    bytes: sampleJpeg({ width: 640, height: 360, label: 'cover' }),
    contentType: 'image/jpeg',
  });
  await stack.sendEvent(
    events.messageReceived(
      {
        messageId: 'om_play_video',
        chatId,
        chatType: 'group',
        senderOpenId: target.contact,
        messageType: 'media',
        content: {
          file_key: 'file_play_video',
          image_key: 'img_play_cover',
          file_name: '开幕式全程.mp4',
          duration: 63000,
        },
      },
      stack.ids,
    ),
  );
  await stack.bot.worker.drain();
  say(`  6 photos and a video collected in ${target.code} ${target.title}`);

  // A handover under review: the organizer submits through the card, as in chat.
  await stack.sendCard(
    events.cardAction(
      {
        operatorOpenId: target.contact,
        value: { action: 'handover.submit', activityId: target._id, confirm: true },
        openMessageId: 'om_play_card',
        openChatId: chatId,
      },
      stack.ids,
    ),
  );
  await stack.bot.worker.drain();
  const after = await repos.activities.findById(target._id);
  say(`  handover of ${target.code}: ${after?.state ?? '?'}`);

  await repos.summaries.rebuildAll(stack.clock.now());
  return target._id;
}
