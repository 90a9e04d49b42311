import { sampleCollege } from '../../../src/simulator';
import { groupCommand, json, privateCommand, tap } from '../../support/activity-flows';
import { startTestBot, TEST_DIRECTORY, type TestBot } from '../../support/test-bot';

/**
 * What people see in chat: `我的ID`, `本群ID` (admins), the admins' `通讯录` card and its sync button,
 * the list of changes with apply / discard, and the result.
 */
let bot: TestBot;
const repliesTo = (messageId: string) => bot.sim.cardsTo(messageId).map((m) => json(m.content));
const cardsTo = (openId: string) =>
  bot.sim
    .sentMessages()
    .filter((m) => m.msgType === 'interactive' && m.receiveId === openId)
    .map((m) => json(m.content));

beforeEach(async () => {
  bot = await startTestBot({ now: '2026-12-03T02:00:00Z' });
  bot.sim.setContacts(sampleCollege());
});
afterEach(async () => {
  bot.sim.assertNoUnmatched();
  await bot.close();
});

describe('ids', () => {
  it('我的ID shows anyone their open_id, name and roles', async () => {
    await privateCommand(bot, '我的ID', 'ou_org1', 'om_who');
    await bot.drain();
    const card = repliesTo('om_who')[0]!;
    expect(card).toContain('`ou_org1`');
    expect(card).toContain('张老师');
    expect(card).toContain('单位经办人（教务处）');
    expect(card).toContain('open_id');
  });

  it('whoami works for a stranger too', async () => {
    await privateCommand(bot, 'whoami', 'ou_newcomer', 'om_who2');
    await bot.drain();
    expect(repliesTo('om_who2')[0]).toContain('`ou_newcomer`');
  });

  it('本群ID shows an admin the chat_id, refuses anyone else, and asks for a group in private', async () => {
    await groupCommand(bot, '本群ID', {
      chatId: 'oc_archive_grp',
      sender: 'ou_admin',
      messageId: 'om_c1',
    });
    await groupCommand(bot, 'chat id', {
      chatId: 'oc_archive_grp',
      sender: 'ou_arch1',
      messageId: 'om_c2',
    });
    await privateCommand(bot, '本群ID', 'ou_admin', 'om_c3');
    await bot.drain();
    expect(repliesTo('om_c1')[0]).toContain('`oc_archive_grp`');
    expect(repliesTo('om_c1')[0]).toContain('archiveChatId');
    expect(repliesTo('om_c2')[0]).toContain('只有管理员可以查询群 ID');
    expect(repliesTo('om_c2')[0]).not.toContain('oc_archive_grp`');
    expect(repliesTo('om_c3')[0]).toContain('请在要查询的群里');
  });
});

describe('the directory card and the sync', () => {
  it('refuses anyone but an admin', async () => {
    await privateCommand(bot, '通讯录', 'ou_arch1', 'om_d0');
    await bot.drain();
    expect(repliesTo('om_d0')[0]).toContain('只有管理员可以查看和同步通讯录');
    const tapped = await tap(bot, 'ou_arch1', { action: 'directory.sync.start' });
    expect(tapped.toast?.type).toBe('error');
    await bot.drain();
    expect(bot.sim.requestsTo(/\/contact\/v3\//)).toHaveLength(0);
  });

  it('shows the directory, proposes the changes, and applies them when an admin confirms', async () => {
    await privateCommand(bot, '通讯录', 'ou_admin', 'om_d1');
    await bot.drain();
    const overview = repliesTo('om_d1')[0]!;
    expect(overview).toContain('**单位**：2 个在用（0 个与飞书部门对应）');
    expect(overview).toContain('从未同步');
    expect(overview).toContain('已收录至 2026 年');
    expect(overview).toContain('**2027 年尚未收录**');
    expect(overview).toContain('directory.sync.start');

    const started = await tap(bot, 'ou_admin', { action: 'directory.sync.start' });
    expect(started.toast?.content).toContain('正在读取飞书通讯录');
    await tap(bot, 'ou_admin', { action: 'directory.sync.start' }); // a double tap reads once
    await bot.drain();
    expect(bot.sim.requestsTo('/open-apis/contact/v3/departments/0/children')).toHaveLength(1);
    const plans = cardsTo('ou_admin');
    expect(plans).toHaveLength(1);
    const plan = plans[0]!;
    expect(plan).toContain('单位：新增 **5**，变更 **2**');
    expect(plan).toContain('jwc · 教务处 · 对应飞书部门');
    expect(plan).toContain('xcb · 宣传部 · — → 林部长');
    expect(plan).toContain('王档案员：档案员');
    expect(plan).toContain('dzb 党政办公室，分管领导 周主任');
    expect(plan).toContain('代码为自动生成');
    expect(plan).toContain('……另有');
    expect(plan).toContain('directory.sync.apply');
    const planId = /"planId":"([^"]+)"/.exec(plan)![1]!;
    // Nothing changed yet.
    expect((await bot.bot.deps.directory.load()).units).toHaveLength(2);

    const stranger = await tap(bot, 'ou_org1', { action: 'directory.sync.apply', planId });
    expect(stranger.toast?.type).toBe('error');
    const applying = await tap(bot, 'ou_admin', { action: 'directory.sync.apply', planId });
    expect(applying.toast?.content).toContain('正在应用');
    expect(json(applying.card)).not.toContain('directory.sync.apply');
    await tap(bot, 'ou_admin', { action: 'directory.sync.apply', planId });
    await bot.drain();
    const results = cardsTo('ou_admin').filter((c) => c.includes('通讯录已同步'));
    expect(results).toHaveLength(1);
    expect(results[0]).toContain('已由');

    const dir = await bot.bot.deps.directory.load();
    expect(dir.units.filter((u) => u.active && u.departmentId)).toHaveLength(7);
    // Hand-set roles survive.
    expect(dir.archivists).toEqual(TEST_DIRECTORY.archivists);
    expect(dir.admins).toEqual(['ou_admin']);
    expect(dir.units.find((u) => u.code === 'jwc')).toMatchObject({
      leaderInCharge: 'ou_leader',
      leaderSource: 'file',
      contacts: ['ou_org1'],
    });
    // People of the test directory who are not in the sample college's contacts are deactivated.
    expect(dir.people.find((p) => p.openId === 'ou_org1')?.active).toBe(false);

    await privateCommand(bot, '通讯录', 'ou_admin', 'om_d2');
    await bot.drain();
    expect(repliesTo('om_d2')[0]).toContain('2026-12-03 10:00');
  });

  it('discard changes nothing and the plan cannot be applied afterwards', async () => {
    await tap(bot, 'ou_admin', { action: 'directory.sync.start' });
    await bot.drain();
    const planId = /"planId":"([^"]+)"/.exec(cardsTo('ou_admin')[0]!)![1]!;
    const discarded = await tap(bot, 'ou_admin', { action: 'directory.sync.discard', planId });
    expect(json(discarded.card)).toContain('已放弃');
    const again = await tap(bot, 'ou_admin', { action: 'directory.sync.apply', planId });
    expect(json(again.card)).toContain('已放弃');
    await bot.drain();
    expect((await bot.bot.deps.directory.load()).units).toHaveLength(2);
  });

  it('names a missing scope on a card and changes nothing', async () => {
    bot.sim.revokeScope('contact:department.base:readonly');
    await tap(bot, 'ou_admin', { action: 'directory.sync.start' });
    await bot.drain();
    const cards = cardsTo('ou_admin');
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain('无法读取飞书通讯录');
    expect(cards[0]).toContain('contact:department.base:readonly');
    expect(cards[0]).toContain('The app lacks the scope');
    expect(await bot.connection.collection('directory_sync_plans').countDocuments()).toBe(0);
  });
});
