import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MissingScopeError, readOrgChart, resolveUserIds } from '../../../src/feishu/contacts';
import { sampleCollege } from '../../../src/simulator';
import { importDirectoryFile } from '../../../src/services/directory-import';
import {
  applySyncPlan,
  formatSyncChanges,
  proposeSync,
  type SyncContext,
} from '../../../src/services/directory-sync';
import { startTestBot, type TestBot } from '../../support/test-bot';

/**
 * The directory from Feishu's contacts, through the real node-sdk against the simulator's sample
 * college: the file names people by mobile and email, the sync proposes units, leaders and people,
 * applies only when asked, keeps what the file set, and a failure changes nothing.
 */
let bot: TestBot;
let ctx: SyncContext;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'directory-sync-'));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
const resolver = () => (refs: { mobiles: string[]; emails: string[] }) =>
  resolveUserIds(bot.bot.deps.api, refs);

/** The college's own file: 钱副院长 (by mobile) is 教务处's leader in charge, not its head 李处长. */
const COLLEGE_FILE = `
units:
  - code: jwc
    name: 教务处
    leaderInCharge: 138 0000 0002
    contacts: [zhang@lcjsxy.edu.cn]
  - code: daj
    name: 综合档案室
archivists: [zheng@LCJSXY.edu.cn, "+8613800000007"]
publicity: [13800000013]
admins: [ou_c_zhou]
archiveChatId: oc_archive_room
`;

beforeEach(async () => {
  bot = await startTestBot({ now: '2026-12-03T02:00:00Z', directory: null });
  bot.sim.setContacts(sampleCollege());
  ctx = {
    api: bot.bot.deps.api,
    directory: bot.bot.deps.repos.directory,
    plans: bot.bot.deps.repos.directorySync,
  };
});
afterEach(async () => {
  bot.sim.assertNoUnmatched();
  await bot.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('reading the contacts', () => {
  it('reads every department and person once, page by page, without the resigned teacher', async () => {
    const org = await readOrgChart(bot.bot.deps.api);
    expect(org.departments.map((d) => d.name)).toEqual([
      '院领导',
      '党政办公室',
      '综合档案室',
      '教务处',
      '考务科',
      '学生处',
      '宣传部',
      '机电工程系',
      '信息工程系',
    ]);
    expect(org.users).toHaveLength(16 + 62);
    expect(org.users.some((u) => u.name === '黄老师')).toBe(false);
    const zhang = org.users.find((u) => u.name === '张老师')!;
    expect(zhang.departments).toHaveLength(2);
    // 机电工程系 has 63 members: two pages of at most 50.
    const pages = bot.sim.requestsTo('/open-apis/contact/v3/users/find_by_department');
    expect(pages.filter((r) => r.query.page_token)).toHaveLength(1);
    expect(pages.every((r) => Number(r.query.page_size) <= 50)).toBe(true);
  });
});

describe('importing a file that names people by mobile and email', () => {
  it('resolves each through batch_get_id', async () => {
    const result = await importDirectoryFile(
      write('college.yaml', COLLEGE_FILE),
      ctx.directory,
      bot.clock.now(),
      resolver(),
    );
    expect(result).toMatchObject({ ok: true, units: 2, resolved: 5 });
    const loaded = await ctx.directory.load();
    expect(loaded.units.find((u) => u.code === 'jwc')).toMatchObject({
      leaderInCharge: 'ou_c_qian',
      leaderSource: 'file',
      contacts: ['ou_c_zhang'],
    });
    expect(loaded.archivists).toEqual(['ou_c_zheng', 'ou_c_feng']);
    expect(loaded.publicity).toEqual(['ou_c_lin']);
    const calls = bot.sim.requestsTo('/open-apis/contact/v3/users/batch_get_id');
    expect(calls).toHaveLength(1);
  });

  it('names each person it cannot resolve, by line and path, and imports nothing', async () => {
    const file = write(
      'unknown.yaml',
      [
        'units:',
        '  - { code: jwc, name: 教务处, leaderInCharge: "13900000000" }',
        'archivists: [huang@lcjsxy.edu.cn]',
        'people:',
        '  - { mobile: 13800000009, name: 张老师, unit: jwc }',
        '  - { email: nobody@lcjsxy.edu.cn }',
      ].join('\n'),
    );
    const result = await importDirectoryFile(file, ctx.directory, bot.clock.now(), resolver());
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual([
      expect.stringMatching(
        /unknown\.yaml:2: units\[0\]\.leaderInCharge: 13900000000: no Feishu user/,
      ),
      expect.stringMatching(
        /unknown\.yaml:3: archivists\[0\]: huang@lcjsxy\.edu\.cn: no Feishu user.*resigned/,
      ),
      expect.stringMatching(
        /unknown\.yaml:6: people\[1\]\.email: nobody@lcjsxy\.edu\.cn: no Feishu user/,
      ),
    ]);
    expect((await ctx.directory.load()).units).toEqual([]);
  });
});

describe('a sync', () => {
  beforeEach(async () => {
    const imported = await importDirectoryFile(
      write('college.yaml', COLLEGE_FILE),
      ctx.directory,
      bot.clock.now(),
      resolver(),
    );
    expect(imported.ok).toBe(true);
  });

  it('proposes units, leaders and people, applies only when asked, and keeps what the file set', async () => {
    const before = await ctx.directory.load();
    const proposal = await proposeSync(ctx, 'ou_c_zhou', bot.clock.now());
    expect(await ctx.directory.load()).toEqual(before); // proposing changes nothing
    const c = proposal.changes;
    expect(c.unitsAdded.map((u) => [u.code, u.name, u.leaderInCharge])).toEqual([
      ['yld', '院领导', 'ou_c_zhao'],
      ['dzb', '党政办公室', 'ou_c_zhou'],
      ['xsc', '学生处', 'ou_c_liu'],
      ['xcb', '宣传部', 'ou_c_lin'],
      ['jdx', '机电工程系', 'ou_c_ma'],
      ['ufee4', '信息工程系', 'ou_c_gao'],
    ]);
    expect(c.unitsAdded.find((u) => u.name === '信息工程系')?.generatedCode).toBe(true);
    expect(c.unitsChanged.map((ch) => ch.after)).toEqual([
      {
        code: 'daj',
        name: '综合档案室',
        departmentId: expect.stringMatching(/^od-/),
        leaderInCharge: 'ou_c_zheng',
        leaderSource: 'head',
      },
      {
        code: 'jwc',
        name: '教务处',
        departmentId: expect.stringMatching(/^od-/),
        leaderInCharge: 'ou_c_qian',
        leaderSource: 'file',
      },
    ]);
    expect(c.peopleAdded).toHaveLength(78);
    const text = formatSyncChanges(c, (id) => id);
    expect(text).toContain('units added (6)');
    expect(text).toContain('code made up');

    const applied = await applySyncPlan(ctx, proposal.planId, 'ou_c_zhou', bot.clock.now());
    expect(applied.status).toBe('applied');
    const after = await ctx.directory.load();
    expect(after.units.filter((u) => u.active)).toHaveLength(8);
    expect(after.units.find((u) => u.code === 'jwc')).toMatchObject({
      leaderInCharge: 'ou_c_qian',
      contacts: ['ou_c_zhang'],
    });
    expect(after.archivists).toEqual(before.archivists);
    expect(after.publicity).toEqual(before.publicity);
    expect(after.admins).toEqual(['ou_c_zhou']);
    expect(after.archiveChatId).toBe('oc_archive_room');
    expect(after.people.find((p) => p.openId === 'ou_c_zhang')).toMatchObject({
      name: '张老师',
      unit: 'jwc',
    });
    expect(after.people.find((p) => p.openId === 'ou_c_feng')).toMatchObject({ unit: 'daj' });
    // The bot's cached directory follows at once: the head of 学生处 leads it now.
    const actor = await bot.bot.deps.directory.actor('ou_c_liu');
    expect(actor.unitsLed).toEqual(['xsc']);

    // Again: nothing to change; applying the old plan twice does nothing.
    expect((await proposeSync(ctx, 'ou_c_zhou', bot.clock.now())).empty).toBe(true);
    expect((await applySyncPlan(ctx, proposal.planId, 'ou_c_zhou', bot.clock.now())).status).toBe(
      'already_applied',
    );
  });

  it('deactivates who left and warns about the roles they still hold', async () => {
    await applySyncPlan(
      ctx,
      (await proposeSync(ctx, 'cli', bot.clock.now())).planId,
      'cli',
      bot.clock.now(),
    );
    const college = sampleCollege();
    const feng = college.users.find((u) => u.openId === 'ou_c_feng')!;
    feng.resigned = true;
    feng.departments = [];
    bot.sim.setContacts(college);
    const proposal = await proposeSync(ctx, 'cli', bot.clock.now());
    expect(proposal.changes.peopleDeactivated).toEqual([{ openId: 'ou_c_feng', name: '冯档案员' }]);
    expect(proposal.changes.departedWithRoles).toEqual([
      { openId: 'ou_c_feng', name: '冯档案员', roles: [{ role: 'archivist' }] },
    ]);
    await applySyncPlan(ctx, proposal.planId, 'cli', bot.clock.now());
    expect((await ctx.directory.load()).people.find((p) => p.openId === 'ou_c_feng')?.active).toBe(
      false,
    );
  });

  it('refuses a plan the directory has moved past', async () => {
    const proposal = await proposeSync(ctx, 'cli', bot.clock.now());
    await importDirectoryFile(
      write('again.yaml', COLLEGE_FILE),
      ctx.directory,
      bot.clock.now(),
      resolver(),
    );
    const before = await ctx.directory.load();
    expect((await applySyncPlan(ctx, proposal.planId, 'cli', bot.clock.now())).status).toBe(
      'stale',
    );
    expect(await ctx.directory.load()).toEqual(before);
  });

  it('that fails halfway through the reads applies and stores nothing', async () => {
    const before = await ctx.directory.load();
    bot.sim.inject({
      path: '/open-apis/contact/v3/users/find_by_department',
      skip: 4,
      status: 400,
      body: { code: 40003, msg: 'department not found' },
    });
    await expect(proposeSync(ctx, 'cli', bot.clock.now())).rejects.toThrow(/40003/);
    expect(await ctx.directory.load()).toEqual(before);
    expect(await bot.connection.collection('directory_sync_plans').countDocuments()).toBe(0);
  });

  it.each([
    ['contact:user.base:readonly', '/open-apis/contact/v3/users/find_by_department'],
    ['contact:department.base:readonly', '/open-apis/contact/v3/departments/0/children'],
  ])('without %s names the missing scope and changes nothing', async (scope) => {
    bot.sim.revokeScope(scope);
    const before = await ctx.directory.load();
    const err = await proposeSync(ctx, 'cli', bot.clock.now()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MissingScopeError);
    expect((err as MissingScopeError).scopes).toContain(scope);
    expect(await ctx.directory.load()).toEqual(before);
  });
});
