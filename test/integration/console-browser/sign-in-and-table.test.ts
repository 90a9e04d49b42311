import type { Browser } from 'playwright-core';
import { launchBrowser, newProfile, screenshot, signInAs } from '../../support/browser';
import { addConsoleUsers, seedActivity } from '../../support/console-fixtures';
import { startTestBot, TEST_DIRECTORY, type TestBot } from '../../support/test-bot';

/** In a real browser: sign-in as each role through the simulator's Feishu page, refusals, the table. */
describe('console in a browser: sign-in, roles, CSRF, the activities table', () => {
  let bot: TestBot;
  let browser: Browser;

  beforeAll(async () => {
    bot = await startTestBot({
      directory: {
        ...TEST_DIRECTORY,
        people: [...TEST_DIRECTORY.people, { openId: 'ou_contact2', name: '钱老师', unit: 'jwc' }],
      },
    });
    addConsoleUsers(bot);
    bot.sim.addUser('ou_contact2', '钱老师');
    await seedActivity(bot, { title: '春季开学典礼', unit: 'jwc', start: '2026-02-20T01:00:00Z' });
    await seedActivity(bot, {
      title: '教学成果展',
      unit: 'jwc',
      contact: 'ou_contact2',
      registrant: 'ou_org1',
      start: '2026-01-12T01:00:00Z',
      state: 'handover_submitted',
    });
    await seedActivity(bot, {
      title: '宣传月启动仪式',
      unit: 'xcb',
      contact: 'ou_other',
      start: '2025-12-01T01:00:00Z',
      state: 'accepted',
    });
    await seedActivity(bot, {
      title: '校运会',
      unit: 'xcb',
      category: 6,
      contact: 'ou_other',
      start: '2026-01-05T01:00:00Z',
      state: 'ended',
    });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await bot.close();
  });

  const titlesOn = async (page: import('playwright-core').Page) =>
    page.locator('#activities tbody td.title').allTextContents();

  it.each([
    ['archivist', '王档案员', ['春季开学典礼', '教学成果展', '宣传月启动仪式', '校运会']],
    ['admin', '赵管理员', ['春季开学典礼', '教学成果展', '宣传月启动仪式', '校运会']],
    ['leader', '李副院长', ['春季开学典礼', '教学成果展']],
    ['organizer', '张老师', ['春季开学典礼', '教学成果展']],
    ['contact', '钱老师', ['教学成果展']],
  ])('signs in as the %s and shows what that role may see', async (role, name, expected) => {
    const profile = await newProfile(browser);
    const page = await profile.newPage();
    await signInAs(page, bot, name);
    expect(new URL(page.url()).pathname).toBe('/console/activities');
    expect(await page.locator('header.top .who').textContent()).toContain(name);
    expect((await titlesOn(page)).sort()).toEqual([...expected].sort());
    await screenshot(page, `signin-${role}`);
    await profile.close();
  });

  it('refuses a stranger with a page that says the directory does not know them', async () => {
    const profile = await newProfile(browser);
    const page = await profile.newPage();
    await signInAs(page, bot, '陌生人');
    expect(await page.locator('h1').textContent()).toContain('通讯录中没有您');
    expect(await page.locator('main').textContent()).toContain('ou_stranger');
    expect((await profile.cookies()).some((c) => c.name === 'console_session')).toBe(false);
    await screenshot(page, 'refused-stranger');
    // Someone in the directory with no activities of their own: the 403 page.
    const other = await newProfile(browser);
    const p2 = await other.newPage();
    await signInAs(p2, bot, '宣传干事');
    expect(await p2.locator('h1').textContent()).toContain('没有权限');
    await screenshot(p2, 'refused-403');
    await profile.close();
    await other.close();
  });

  it('refuses a form posted without its CSRF token and stays signed in', async () => {
    const profile = await newProfile(browser);
    const page = await profile.newPage();
    await signInAs(page, bot, '王档案员');
    await page.evaluate(
      'document.querySelector(\'form[action="/console/logout"] input[name="_csrf"]\').remove()',
    );
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('h1').textContent()).toContain('请求未被接受');
    await screenshot(page, 'refused-csrf');
    await page.goto(`${bot.url}/console/activities`);
    expect(await page.locator('h1').textContent()).toContain('活动');
    // With its token the same button signs out.
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('h1').textContent()).toContain('已退出登录');
    await profile.close();
  });

  it('filters, searches and sorts the table, in Chinese and in English, on a laptop and a phone', async () => {
    const profile = await newProfile(browser);
    const page = await profile.newPage();
    await signInAs(page, bot, '王档案员');
    await page.getByLabel('状态').selectOption({ label: '已提交移交' });
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(await titlesOn(page)).toEqual(['教学成果展']);
    await screenshot(page, 'table-filtered');

    await page.goto(`${bot.url}/console/activities`);
    await page.getByLabel('搜索名称或编号').fill('典礼');
    await page.getByLabel('搜索名称或编号').press('Enter');
    await page.waitForLoadState('domcontentloaded');
    expect(await titlesOn(page)).toEqual(['春季开学典礼']);

    await page.goto(`${bot.url}/console/activities`);
    await page.getByRole('link', { name: /^开始/ }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(await titlesOn(page)).toEqual([
      '宣传月启动仪式',
      '校运会',
      '教学成果展',
      '春季开学典礼',
    ]);
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('link', { name: /^开始/ }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(await titlesOn(page)).toEqual([
      '春季开学典礼',
      '教学成果展',
      '校运会',
      '宣传月启动仪式',
    ]);
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    await screenshot(page, 'table-sorted');

    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('h1').textContent()).toContain('Activities');
    expect(await page.getByRole('link', { name: /^Start/ }).count()).toBe(1);
    await screenshot(page, 'table-english');

    const phone = await newProfile(browser, { phone: true });
    const pp = await phone.newPage();
    await signInAs(pp, bot, '王档案员');
    expect(await pp.locator('#activities tbody tr').count()).toBe(4);
    // On a phone each cell carries its column name (the header row is hidden).
    expect(
      await pp.locator('#activities tbody td[data-label="活动名称"]').first().isVisible(),
    ).toBe(true);
    await screenshot(pp, 'table-phone');
    await phone.close();
    await profile.close();
  });
});
