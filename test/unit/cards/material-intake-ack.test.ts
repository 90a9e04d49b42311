import {
  ACK_LIST_LIMIT,
  materialIntakeAckCard,
  type IntakeAckView,
} from '../../../cards/material-intake-ack';
import { intakeMessages } from '../../../src/i18n/messages-intake';
import { expectValidCard, nodes } from './support';

const name = (s: string) => ({ zh_cn: s, en_us: s });

const view = (over: Partial<IntakeAckView> = {}): IntakeAckView => ({
  batchId: 'b_0123456789abcdef0123',
  activity: { id: 'act_d1', code: 'HD-2026-0001', title: '校庆典礼' },
  stored: [{ name: name('照片 1') }, { name: name('讲话.pdf') }],
  duplicates: [{ name: name('照片 2'), original: name('照片'), at: '2026-03-05 10:00' }],
  failed: [{ name: name('录像.mp4'), reason: { zh_cn: '超过 100 MB', en_us: 'over 100 MB' } }],
  warnings: [],
  ...over,
});

const buttons = (card: unknown) =>
  nodes(card)
    .filter((n) => n.tag === 'button')
    .map((n) => (n.behaviors as { value: { action: string } }[])[0]!.value);

describe('materialIntakeAckCard', () => {
  it('says in both languages what was stored, duplicated and refused, with a describe button', () => {
    const card = materialIntakeAckCard(view());
    expectValidCard(card);
    const text = JSON.stringify(card);
    expect(text).toContain('本批已存档 **2** 项，重复 **1** 项，未存档 **1** 项。');
    expect(text).toContain('This batch: **2** stored, **1** duplicates, **1** not stored.');
    expect(text).toContain('· 照片 2：与 2026-03-05 10:00 归档的「照片」内容相同');
    expect(text).toContain('· 录像.mp4：超过 100 MB');
    expect(text).toContain('HD-2026-0001');
    expect(buttons(card)).toEqual([
      { action: 'material.describe.open', activityId: 'act_d1', batchId: 'b_0123456789abcdef0123' },
    ]);
    expect(card.header?.template).toBe('orange');
  });

  it('has no describe button for an unfiled batch or when nothing was stored', () => {
    expect(buttons(materialIntakeAckCard(view({ activity: undefined })))).toEqual([]);
    const none = materialIntakeAckCard(view({ stored: [], duplicates: [] }));
    expect(buttons(none)).toEqual([]);
    expect(none.header?.template).toBe('red');
    expect(JSON.stringify(none)).toContain('材料未能全部存档');
  });

  it('lists at most ten lines per section and counts the rest', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ name: name(`照片 ${i + 1}`) }));
    const text = JSON.stringify(materialIntakeAckCard(view({ stored: many })));
    expect(text).toContain(`照片 ${ACK_LIST_LIMIT}`);
    expect(text).not.toContain(`照片 ${ACK_LIST_LIMIT + 1}\\n`);
    expect(text).toContain('…… 另有 15 项');
    expect(text).toContain('… and 15 more');
  });

  it('has every intake text in both languages', () => {
    for (const [key, entry] of Object.entries(intakeMessages)) {
      expect([key, entry.zh_cn.length > 0, entry.en_us.length > 0]).toEqual([key, true, true]);
    }
  });
});
