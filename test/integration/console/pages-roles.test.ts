import { ConsoleClient } from '../../support/console-client';
import { addConsoleUsers, seedActivity } from '../../support/console-fixtures';
import { startTestBot, TEST_DIRECTORY, type TestBot } from '../../support/test-bot';

/** Every console page × every role: allowed (200), refused (403), or sent to sign in. */
const PAGES = [
  '/console/activities',
  '/console/activities.xlsx',
  '/console/tasks',
  '/console/tasks.xlsx',
];

const ROLES: [role: string, openId: string | null, allowed: boolean][] = [
  ['archivist', 'ou_arch1', true],
  ['admin', 'ou_admin', true],
  ['leader in charge', 'ou_leader', true],
  ['organizer', 'ou_org1', true],
  ['contact', 'ou_contact2', true],
  ['publicity (no activities)', 'ou_pub1', false],
  ['not signed in', null, false],
];

describe('console pages × roles', () => {
  let bot: TestBot;
  const clients = new Map<string, ConsoleClient>();

  beforeAll(async () => {
    bot = await startTestBot({
      directory: {
        ...TEST_DIRECTORY,
        people: [...TEST_DIRECTORY.people, { openId: 'ou_contact2', name: '钱老师' }],
      },
    });
    addConsoleUsers(bot);
    await seedActivity(bot, { title: '开学典礼', contact: 'ou_contact2', registrant: 'ou_org1' });
    for (const [, openId] of ROLES) {
      if (!openId) continue;
      const c = new ConsoleClient(bot);
      await c.signIn(openId);
      clients.set(openId, c);
    }
  });
  afterAll(() => bot.close());

  const cases = PAGES.flatMap((page) =>
    ROLES.map(([role, openId, ok]) => [page, role, openId, ok] as const),
  );

  it.each(cases)('%s as %s', async (page, _role, openId, ok) => {
    const c = openId ? clients.get(openId)! : new ConsoleClient(bot);
    const res = await c.request(page, { follow: false });
    if (!openId) {
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toMatch(/^\/console\/login\?next=/);
    } else {
      expect(res.status).toBe(ok ? 200 : 403);
      if (!ok) expect(res.text).toContain('没有权限');
    }
  });
});
