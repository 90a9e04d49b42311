import { ConsoleClient } from '../../support/console-client';
import { addConsoleUsers, seedActivity } from '../../support/console-fixtures';
import { startTestBot, type TestBot } from '../../support/test-bot';

describe('console: sign-in with Feishu, sessions and CSRF', () => {
  let bot: TestBot;

  beforeAll(async () => {
    bot = await startTestBot();
    addConsoleUsers(bot);
    await seedActivity(bot, { title: '春季开学典礼', unit: 'jwc', contact: 'ou_org1' });
    await seedActivity(bot, {
      title: '宣传月启动仪式',
      unit: 'xcb',
      contact: 'ou_other',
      registrant: 'ou_other',
    });
  });
  afterAll(() => bot.close());

  it('signs an archivist in through the authorize page and shows every activity', async () => {
    const c = new ConsoleClient(bot);
    const page = await c.signIn('ou_arch1');
    expect(page.status).toBe(200);
    expect(page.url).toBe(`${bot.url}/console/activities`);
    expect(page.text).toContain('王档案员');
    expect(page.text).toContain('春季开学典礼');
    expect(page.text).toContain('宣传月启动仪式');
    // The flow went through Feishu's three endpoints, with PKCE.
    const authorize = bot.sim.requestsTo('/open-apis/authen/v1/authorize', 'GET')[0]!;
    expect(authorize.query.client_id).toBe(bot.config.feishu.appId);
    expect(authorize.query.redirect_uri).toBe(`${bot.url}/console/auth/callback`);
    expect(authorize.query.code_challenge_method).toBe('S256');
    expect(bot.sim.requestsTo('/open-apis/authen/v2/oauth/token', 'POST')).toHaveLength(1);
    expect(bot.sim.requestsTo('/open-apis/authen/v1/user_info', 'GET')).toHaveLength(1);
  });

  it('sets an HttpOnly, SameSite=Lax, signed, expiring session cookie; Secure behind https', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const login = await fetch(`${bot.url}/console/login?hint=ou_arch1`, {
      redirect: 'manual',
      headers: https,
    });
    const signinCookie = login.headers.getSetCookie()[0]!;
    expect(signinCookie).toMatch(/^console_signin=.*HttpOnly.*SameSite=Lax.*Secure/);
    const authorize = await fetch(login.headers.get('location')!, { redirect: 'manual' });
    // The proxy terminates TLS: the browser opens https://…, the bot sees http with X-Forwarded-Proto.
    const callback = authorize.headers.get('location')!;
    expect(callback.startsWith('https://')).toBe(true);
    const res = await fetch(callback.replace(/^https:/, 'http:'), {
      redirect: 'manual',
      headers: { ...https, cookie: signinCookie.split(';')[0]! },
    });
    expect(res.status).toBe(302);
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith('console_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).toMatch(/Path=\/console/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/^console_session=[\w-]+\.[\w-]+;/);
  });

  it('shows a leader their units, an organizer their own, and refuses everyone else', async () => {
    const leader = new ConsoleClient(bot);
    const lp = await leader.signIn('ou_leader');
    expect(lp.text).toContain('春季开学典礼');
    expect(lp.text).not.toContain('宣传月启动仪式');

    const organizer = new ConsoleClient(bot);
    const op = await organizer.signIn('ou_org1');
    expect(op.text).toContain('春季开学典礼');
    expect(op.text).not.toContain('宣传月启动仪式');

    const publicity = new ConsoleClient(bot);
    const pp = await publicity.signIn('ou_pub1');
    expect(pp.status).toBe(403);
    expect(pp.text).toContain('没有权限');
  });

  it('tells a person the directory does not know, and gives them no session', async () => {
    const c = new ConsoleClient(bot);
    const page = await c.signIn('ou_stranger');
    expect(page.status).toBe(403);
    expect(page.text).toContain('通讯录中没有您');
    expect(page.text).toContain('ou_stranger');
    expect(c.jar.has('console_session')).toBe(false);
    const again = await c.request('/console/activities', { follow: false });
    expect(again.status).toBe(302);
  });

  it('refuses a forged state on the callback and signs nobody in', async () => {
    const c = new ConsoleClient(bot);
    const login = await c.request('/console/login?hint=ou_arch1', { follow: false });
    const authorize = await fetch(login.headers.get('location')!, { redirect: 'manual' });
    const callback = new URL(authorize.headers.get('location')!);
    callback.searchParams.set('state', 'forged-state');
    const page = await c.request(callback.toString(), { follow: false });
    expect(page.status).toBe(400);
    expect(page.text).toContain('登录未完成');
    expect(c.jar.has('console_session')).toBe(false);
    // Without the sign-in cookie at all (another browser), the same.
    const other = new ConsoleClient(bot);
    const page2 = await other.request(callback.toString(), { follow: false });
    expect(page2.status).toBe(400);
  });

  it('answers a tampered cookie and an expired session with a 401 page', async () => {
    const c = new ConsoleClient(bot);
    await c.signIn('ou_arch1');
    const good = c.jar.get('console_session')!;
    c.jar.set('console_session', `${good.slice(0, -2)}xx`);
    const tampered = await c.request('/console/activities', { follow: false });
    expect(tampered.status).toBe(401);
    expect(tampered.text).toContain('登录信息无效');

    c.jar.set('console_session', good);
    expect((await c.request('/console/activities')).status).toBe(200);
    bot.clock.advance(13 * 3600_000);
    try {
      const expired = await c.request('/console/activities', { follow: false });
      expect(expired.status).toBe(401);
      expect(expired.text).toContain('登录已过期');
    } finally {
      bot.clock.advance(-13 * 3600_000);
    }
  });

  it('refuses a state-changing request without the CSRF token and changes nothing', async () => {
    const c = new ConsoleClient(bot);
    const page = await c.signIn('ou_arch1');
    const refused = await c.request('/console/logout', { form: {} });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('安全令牌');
    const wrong = await c.request('/console/logout', { form: { _csrf: 'not-the-token' } });
    expect(wrong.status).toBe(403);
    expect((await c.request('/console/activities')).status).toBe(200); // still signed in

    const out = await c.request('/console/logout', {
      form: { _csrf: ConsoleClient.csrfOf(page.text) },
    });
    expect(out.status).toBe(200);
    expect(out.text).toContain('已退出登录');
    expect((await c.request('/console/activities', { follow: false })).status).toBe(302);
  });

  it('switches to English and remembers it', async () => {
    const c = new ConsoleClient(bot);
    await c.signIn('ou_arch1');
    const en = await c.request('/console/activities?lang=en_us');
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain('Activities');
    const again = await c.request('/console/activities');
    expect(again.text).toContain('Sign out');
  });
});
