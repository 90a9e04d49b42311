import { sampleJpeg, samplePdf } from '../../../src/simulator/sample-media';
import { groupCommand, json, tap } from '../../support/activity-flows';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { boundActivity, drop } from '../materials/intake-support';
import { answersTo, material } from './support';

let bot: TestBot;

beforeEach(async () => {
  bot = await startTestBot({ now: '2026-03-05T02:00:00Z' });
});
afterEach(async () => {
  bot.sim.assertNoUnmatched();
  await bot.close();
});

const formIdIn = (card: string) => /"formId":"([^"]+)"/.exec(card)?.[1] ?? '';

const plaque = {
  name: '建校六十周年纪念牌匾',
  type: '牌匾',
  quantity: '1',
  description: '铜质，省教育厅赠',
  location: '校史馆展柜',
};

describe('physical items', () => {
  it('registers an item once from the form, and a photo replied to the card is attached', async () => {
    const { activityId, code } = await boundActivity(bot);
    await groupCommand(bot, '登记实物', { messageId: 'om_add' });
    await bot.drain();
    const formMsg = bot.sim.cardsTo('om_add')[0]!;
    const form = JSON.stringify(formMsg.content);
    expect(form).toContain(`登记实物 · ${code}`);
    expect(form).toContain('纪念册');
    const formId = formIdIn(form);
    const submit = { action: 'material.physical.submit', activityId, formId };

    const bad = await tap(bot, 'ou_org1', submit, {
      messageId: formMsg.messageId,
      formValue: { ...plaque, quantity: '0', location: '' },
    });
    expect(bad.toast?.type).toBe('error');
    expect(json(bad.card)).toContain('数量须为正整数');
    expect(json(bad.card)).toContain('请填写此项');

    const ok = await tap(bot, 'ou_org1', submit, {
      messageId: formMsg.messageId,
      formValue: plaque,
    });
    expect(ok.toast?.type).toBe('success');
    expect(json(ok.card)).toContain('已登记实物');
    await tap(bot, 'ou_org1', submit, { messageId: formMsg.messageId, formValue: plaque });
    const item = await material(bot, `p:${formId}`);
    expect(item).toMatchObject({ kind: 'physical', activityId, described: true });
    expect(item.physical).toMatchObject({ name: plaque.name, quantity: 1, location: '校史馆展柜' });

    await drop(
      bot,
      {
        messageId: 'om_plaque_photo',
        messageType: 'image',
        content: { image_key: 'img_plaque' },
        parentId: formMsg.messageId,
      },
      { img_plaque: { bytes: sampleJpeg({ width: 2048, height: 1536, label: 'plaque' }) } },
    );
    await bot.drain();
    expect(answersTo(bot, 'om_plaque_photo')[0]).toContain('已附照片');
    expect(json(bot.sim.currentContent(formMsg.messageId))).toContain('已附照片');
    const withPhoto = await material(bot, `p:${formId}`);
    expect(withPhoto.attachments).toHaveLength(1);
    const photo = await material(bot, withPhoto.attachments![0]!);
    expect(photo).toMatchObject({ kind: 'photo', attachedTo: `p:${formId}`, described: true });
    const counts = await bot.bot.deps.repos.activities.countMaterials(activityId);
    expect(counts.byKind).toEqual({ physical: 1 }); // the photo is part of the item
    const audit = await bot.bot.deps.repos.activities.recentAudit(activityId, 5);
    expect(audit.map((a) => a.action)).toContain('material.added');
  });

  it('asks which activity in a group that is not bound', async () => {
    await groupCommand(bot, 'add item', { chatId: 'oc_other', messageId: 'om_where' });
    await bot.drain();
    expect(answersTo(bot, 'om_where')[0]).toContain('#HD-2026-0001');
  });
});

describe('links', () => {
  it('registers `报道 <url> <title>` at once with the outlet as source, never fetching the page', async () => {
    const { activityId } = await boundActivity(bot);
    await groupCommand(bot, '报道 https://mp.weixin.qq.com/s/abc 我院隆重举行建校六十周年庆典', {
      messageId: 'om_link',
    });
    await bot.drain();
    const card = answersTo(bot, 'om_link')[0]!;
    expect(card).toContain('已登记报道');
    expect(card).toContain('微信公众号');
    const link = await material(bot, 'l:om_link');
    expect(link).toMatchObject({ kind: 'link', activityId, described: true });
    expect(link.link).toEqual({
      url: 'https://mp.weixin.qq.com/s/abc',
      title: '我院隆重举行建校六十周年庆典',
      source: '微信公众号',
    });
    expect(bot.sim.requests.some((r) => r.path.includes('weixin'))).toBe(false);
  });

  it('opens a form for `link <url>`, and a PDF replied to the card is kept as its capture', async () => {
    const { activityId } = await boundActivity(bot);
    await groupCommand(bot, 'link https://www.people.com.cn/n1/2026/0305/c1.html', {
      messageId: 'om_link2',
    });
    await bot.drain();
    const formMsg = bot.sim.cardsTo('om_link2')[0]!;
    const form = JSON.stringify(formMsg.content);
    expect(form).toContain('人民网'); // source prefilled from the host
    const formId = formIdIn(form);
    const ok = await tap(
      bot,
      'ou_org1',
      { action: 'material.link.submit', activityId, formId },
      {
        messageId: formMsg.messageId,
        formValue: {
          url: 'https://www.people.com.cn/n1/2026/0305/c1.html',
          title: '技师学院庆祝建校六十周年',
          source: '人民网',
        },
      },
    );
    expect(ok.toast?.type).toBe('success');
    await drop(
      bot,
      {
        messageId: 'om_capture',
        messageType: 'file',
        content: { file_key: 'file_cap', file_name: '人民网报道.pdf' },
        parentId: formMsg.messageId,
      },
      { file_cap: { bytes: samplePdf('captured report') } },
    );
    await bot.drain();
    expect(answersTo(bot, 'om_capture')[0]).toContain('已附存档');
    const link = await material(bot, `l:${formId}`);
    expect(link.attachments).toHaveLength(1);
    expect(await material(bot, link.attachments![0]!)).toMatchObject({
      mime: 'application/pdf',
      attachedTo: `l:${formId}`,
    });
  });

  it('explains the format when the URL is missing or not a web address', async () => {
    await boundActivity(bot);
    await groupCommand(bot, '报道 校庆新闻', { messageId: 'om_badlink' });
    await bot.drain();
    expect(answersTo(bot, 'om_badlink')[0]).toContain('报道 https://');
  });
});
