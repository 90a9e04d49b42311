import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { activityMessages, ta, taPerLang } from '../../../src/i18n/messages-activity';
import { messages } from '../../../src/i18n/messages';

const han = /[\u4e00-\u9fff]/;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('activity card catalogue', () => {
  it.each(Object.entries(activityMessages))('%s is Chinese first, English beside', (_k, m) => {
    const words = m.zh_cn.replace(/\{\w+\}/g, '');
    expect(han.test(words) || !/[A-Za-z]/.test(words)).toBe(true);
    expect(m.en_us).not.toMatch(han);
    expect(placeholders(m.en_us)).toEqual(placeholders(m.zh_cn));
  });

  it('merges into messages.ts without clashing keys', () => {
    const clash = Object.keys(activityMessages).filter((k) => k in messages);
    expect(clash).toEqual([]);
  });

  it('fills placeholders like t()', () => {
    expect(ta('card.confirm.title', { code: 'HD-2026-0001' })).toEqual({
      zh_cn: '已登记 HD-2026-0001',
      en_us: 'Registered HD-2026-0001',
    });
    expect(ta('card.confirm.title')).toEqual({
      zh_cn: '已登记 {code}',
      en_us: 'Registered {code}',
    });
    expect(taPerLang('card.list.page', (l) => ({ page: l === 'zh_cn' ? 1 : 2, pages: 3 }))).toEqual(
      {
        zh_cn: '第 1/3 页',
        en_us: 'Page 2 of 3',
      },
    );
  });

  it('keeps literal Chinese out of the builders', () => {
    const files = [
      'registration-form',
      'activity-confirmation',
      'activity-status',
      'activity-list',
      'rebind-confirm',
      'activity-edit-form',
      'activity-cancel-form',
      'activity-common',
    ];
    for (const f of files) {
      const src = readFileSync(join(__dirname, '../../../cards', `${f}.ts`), 'utf8');
      const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      expect([f, code.match(/.*[\u4e00-\u9fff].*/)?.[0]]).toEqual([f, undefined]);
    }
  });
});
