import { events } from '../../../src/simulator';
import { LOCAL_CREDENTIALS } from '../../../src/app/local-stack';
import { startTestBot, type TestBot } from '../../support/test-bot';

describe('secrets never reach the log', () => {
  let bot: TestBot;
  const wrongSecret = 'wrong-secret-7d1f0a9c3e';

  beforeAll(async () => {
    bot = await startTestBot({ env: { FEISHU_APP_SECRET: wrongSecret } });
  });
  afterAll(async () => {
    await bot.close();
  });

  it('keeps the app secret out of every log line after a failed token request', async () => {
    await bot.sendEvent(events.botAdded({ chatId: 'oc_s', operatorOpenId: 'ou_org1' }, bot.ids));
    await bot.drain();
    const tokenCalls = bot.sim.requestsTo('/open-apis/auth/v3/tenant_access_token/internal');
    expect(tokenCalls.length).toBeGreaterThan(0);
    expect((tokenCalls[0]!.body as { app_secret: string }).app_secret).toBe(wrongSecret);
    const log = bot.logLines.join('\n');
    expect(log).toContain('feishu.sdk.error');
    expect(log).toContain('inbox.retry');
    expect(log).not.toContain(wrongSecret);
    expect(log).not.toContain(LOCAL_CREDENTIALS.encryptKey);
    expect(log).not.toContain(LOCAL_CREDENTIALS.verificationToken);
  });
});
