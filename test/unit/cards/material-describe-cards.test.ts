import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardActionSchema } from '../../../cards/actions';
import type { Card } from '../../../cards/card';
import { materialDescribeFormCard } from '../../../cards/material-describe-form';
import { materialDescribeReplyCard } from '../../../cards/material-described';
import { materialLinkFormCard } from '../../../cards/material-link';
import { materialListCard, materialRemovedCard } from '../../../cards/material-list';
import { materialPhysicalFormCard } from '../../../cards/material-physical';
import { publicityFilingCard } from '../../../cards/material-publicity';
import type { DescribeFormView } from '../../../cards/material-views';
import { messages } from '../../../src/i18n/messages';
import { activityMessages } from '../../../src/i18n/messages-activity';
import {
  describeMessages,
  materialsDescribeMessages,
} from '../../../src/i18n/messages-materials-describe';
import { materialsItemsMessages } from '../../../src/i18n/messages-materials-items';
import { actions, buttons, components, interactive, payload, texts } from './support';

const han = /[\u4e00-\u9fff]/;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function formView(n: number): DescribeFormView {
  return {
    activityId: 'act_1',
    batchId: 'b_1',
    code: 'HD-2026-0001',
    activityTitle: '建校六十周年庆典',
    total: 25,
    undescribed: 20,
    page: 2,
    pageCount: 3,
    hasMedia: true,
    hasDocs: true,
    shared: { place: '学院礼堂', takenAt: '2026-03-05 09:00', photographer: '张老师' },
    items: Array.from({ length: n }, (_, i) => ({
      id: `f:om_${'x'.repeat(30)}_${i}:img_v3_${'y'.repeat(40)}`,
      n: 11 + i,
      kind: i % 3 === 2 ? ('document' as const) : ('photo' as const),
      name: `很长的文件名称${'名'.repeat(60)}_${i}.jpg`,
      ...(i === 0 ? { exifTime: '2026-03-05 10:15' } : {}),
      described: i === 1,
      pagesApply: true,
    })),
  };
}

/** Every form control's name, which Feishu wants unique across a card. */
const names = (card: Card) =>
  interactive(card.body.elements)
    .map((n) => n.name)
    .filter((x): x is string => typeof x === 'string');

describe('material description catalogue', () => {
  it.each(Object.entries(materialsDescribeMessages))(
    '%s is Chinese first, English beside',
    (_k, m) => {
      const words = m.zh_cn.replace(/\{\w+\}/g, '').replace(/`[^`]*`/g, '');
      expect(han.test(words) || !/[A-Za-z]/.test(words)).toBe(true);
      expect(m.en_us.replace(/e\.g\. .*$/, '')).not.toMatch(/[\u4e00-\u9fff]{3,}/);
      expect(placeholders(m.en_us)).toEqual(placeholders(m.zh_cn));
    },
  );

  it('does not clash with the other catalogues', () => {
    const keys = Object.keys(materialsDescribeMessages);
    expect(Object.keys(describeMessages).filter((k) => k in materialsItemsMessages)).toEqual([]);
    expect(keys.filter((k) => k in messages || k in activityMessages)).toEqual([]);
  });

  it('keeps literal Chinese out of the builders', () => {
    for (const f of [
      'material-describe-form',
      'material-described',
      'material-physical',
      'material-link',
      'material-publicity',
      'material-list',
      'material-common',
    ]) {
      const src = readFileSync(join(__dirname, '../../../cards', `${f}.ts`), 'utf8');
      const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      expect([f, code.match(/.*[\u4e00-\u9fff].*/)?.[0]]).toEqual([f, undefined]);
    }
  });
});

describe('batch description form', () => {
  it('holds ten items per page within the platform limits, names unique, both languages', () => {
    const card = materialDescribeFormCard(formView(10));
    expect(components(card).length).toBeLessThanOrEqual(200);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(30 * 1024);
    const all = names(card);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(
      expect.arrayContaining(['event', 'place', 'taken_at', 'people_0', 'title_2', 'pages_2']),
    );
    for (const t of texts(card)) {
      expect(t.content).toBe(t.zh_cn);
      expect(t.en_us).toBeTruthy();
    }
  });

  it('submits the page items with the batch; previous and next pages are buttons', () => {
    const card = materialDescribeFormCard(formView(3));
    const submit = buttons(card).find(
      (b) => (payload(b) as { action: string }).action === 'material.describe.submit',
    )!;
    const value = cardActionSchema.parse(payload(submit));
    expect(value).toMatchObject({ batchId: 'b_1', page: 2 });
    expect((value as { items: string[] }).items).toHaveLength(3);
    expect(actions(card).filter((a) => a === 'material.describe.page')).toHaveLength(2);
    const s = JSON.stringify(card);
    expect(s).toContain('拍摄于 2026-03-05 10:15');
    expect(s).toContain('✅ 已说明');
    expect(s).toContain('"initial_datetime":"2026-03-05 09:00"');
  });
});

describe('other material cards', () => {
  it('the physical item form offers the eight types and carries its form id', () => {
    const card = materialPhysicalFormCard({
      activityId: 'act_1',
      formId: 'f1',
      code: 'HD-2026-0001',
      values: {},
    });
    const s = JSON.stringify(card);
    for (const type of ['印章', '题词', '牌匾', '奖杯', '活动标志', '证书', '纪念册', '其他'])
      expect(s).toContain(`"value":"${type}"`);
    expect(s).toContain('"formId":"f1"');
  });

  it('the link form keeps what was typed and shows errors', () => {
    const card = materialLinkFormCard({
      activityId: 'act_1',
      formId: 'f2',
      code: 'HD-2026-0001',
      values: { url: 'nope' },
      errors: { url: { zh_cn: '网址错误', en_us: 'bad url' } },
    });
    expect(JSON.stringify(card)).toContain('"default_value":"nope"');
    expect(JSON.stringify(card)).toContain('网址错误');
  });

  it('the filing card has one file button per activity and a search', () => {
    const card = publicityFilingCard({
      batchId: 'b_1',
      count: 3,
      kinds: { zh_cn: '照片 3', en_us: 'Photo 3' },
      senderName: '宣传部小李',
      options: [
        { activityId: 'a1', code: 'HD-2026-0002', title: '运动会', date: '2026-03-01' },
        { activityId: 'a2', code: 'HD-2026-0001', title: '校庆', date: '2026-02-20' },
      ],
    });
    expect(actions(card)).toEqual([
      'material.publicity.search',
      'material.publicity.file',
      'material.publicity.file',
    ]);
  });

  it('the list shows remove buttons only while the activity is open', () => {
    const view = {
      activityId: 'act_1',
      code: 'HD-2026-0001',
      title: '校庆',
      total: 1,
      undescribed: 1,
      page: 1,
      pageCount: 1,
      items: [
        {
          id: 'm1',
          n: 1,
          kind: 'photo' as const,
          name: 'a.jpg',
          senderName: '张老师',
          described: false,
        },
      ],
    };
    expect(actions(materialListCard({ ...view, editable: true }))).toEqual([
      'material.remove.open',
    ]);
    const locked = materialListCard({ ...view, editable: false });
    expect(actions(locked)).toEqual([]);
    expect(JSON.stringify(locked)).toContain('不能再修改');
  });

  it('escapes people text so it cannot inject markup', () => {
    const card = materialRemovedCard({
      code: 'HD-2026-0001',
      kind: 'photo',
      name: '<at id=all></at>.jpg',
      reason: '<font>x</font>',
    });
    expect(JSON.stringify(card)).not.toContain('<at id=all>');
    const reply = materialDescribeReplyCard({
      code: 'HD-2026-0001',
      lines: [
        {
          n: 1,
          kind: 'photo',
          name: 'a.jpg',
          summary: { zh_cn: '人物 <at id=all></at>', en_us: 'People <at id=all></at>' },
        },
      ],
      more: 0,
      problems: [],
      left: 0,
    });
    expect(JSON.stringify(reply)).not.toContain('<at id=all>');
  });
});
