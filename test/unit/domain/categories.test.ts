import {
  CATEGORIES,
  CATEGORY_CODES,
  categoryLabel,
  categoryOf,
  isCategoryCode,
  materialChecklist,
  type CategoryCode,
  type MaterialKind,
} from '../../../src/domain/categories';

const han = /[\u4e00-\u9fff]/;

describe('categories (第五条)', () => {
  it('are the ten of the rule, numbered 1–10 in order', () => {
    expect(CATEGORY_CODES).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(CATEGORIES.map((c) => c.code)).toEqual([...CATEGORY_CODES]);
  });

  it.each(CATEGORY_CODES)('category %i has full and short names in both languages', (code) => {
    const c = categoryOf(code);
    expect(c.zh_cn).toMatch(han);
    expect(c.short_zh).toMatch(han);
    expect(c.en_us).toMatch(/^[A-Z]/);
    expect(c.short_en).toMatch(/^[A-Z]/);
    expect(c.short_zh.length).toBeLessThanOrEqual(c.zh_cn.length);
  });

  it.each<[CategoryCode, 'zh_cn' | 'en_us', 'full' | 'short' | undefined, string]>([
    [1, 'zh_cn', undefined, '党和国家领导人来院视察'],
    [1, 'en_us', 'full', 'Visits by national leaders'],
    [9, 'zh_cn', 'short', '省级科研项目'],
    [10, 'en_us', 'short', 'Other'],
  ])('categoryLabel(%i, %s, %s) → %s', (code, lang, length, expected) => {
    expect(categoryLabel(code, lang, length)).toBe(expected);
  });

  it.each([
    [1, true],
    [10, true],
    [0, false],
    [11, false],
    [1.5, false],
    ['1', false],
    [undefined, false],
  ])('isCategoryCode(%j) → %s', (value, expected) => {
    expect(isCategoryCode(value)).toBe(expected);
  });
});

describe('materialChecklist (第六条)', () => {
  const rank: Record<MaterialKind, number> = {
    document: 0,
    link: 0,
    photo: 1,
    audio: 1,
    video: 1,
    physical: 2,
  };

  it.each(CATEGORY_CODES)('category %i: well-formed, ordered, with something required', (code) => {
    const list = materialChecklist(code);
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list.map((i) => i.key)).size).toBe(list.length);
    expect(list.some((i) => i.required)).toBe(true);
    for (const i of list) {
      expect(i.key).toMatch(/^[a-z_]+$/);
      expect(i.zh_cn).toMatch(han);
      expect(i.en_us).toMatch(/^[A-Z]/);
    }
    const ranks = list.map((i) => rank[i.kind]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it.each<[CategoryCode, string, MaterialKind, boolean]>([
    [1, 'reception_plan', 'document', true],
    [1, 'schedule', 'document', true],
    [1, 'leader_remarks', 'document', true],
    [1, 'briefing', 'document', true],
    [1, 'photos', 'photo', true],
    [1, 'video', 'video', true],
    [1, 'press_reports', 'document', true],
    [1, 'inscription', 'physical', false],
    [2, 'reception_plan', 'document', true],
    [2, 'inscription', 'physical', false],
    [4, 'meeting_notice', 'document', true],
    [4, 'agenda', 'document', true],
    [4, 'attendee_list', 'document', true],
    [4, 'speeches', 'document', true],
    [4, 'minutes', 'document', true],
    [4, 'photos', 'photo', true],
    [4, 'audio', 'audio', false],
    [4, 'video', 'video', false],
    [4, 'press_reports', 'document', true],
    [4, 'emblem_badges', 'physical', false],
    [6, 'ceremony_plan', 'document', true],
    [6, 'speeches', 'document', true],
    [6, 'foundation_stone', 'physical', false],
    [7, 'application', 'document', true],
    [7, 'approval', 'document', true],
    [7, 'certificate_plaque', 'physical', false],
    [7, 'photos', 'photo', false],
    [8, 'situation_report', 'document', true],
    [8, 'handling_record', 'document', false],
    [8, 'media_links', 'link', false],
    [9, 'application', 'document', true],
    [9, 'approval_notice', 'document', false],
    [9, 'acceptance', 'document', false],
    [9, 'certificate', 'physical', false],
  ])('category %i lists %s (%s, required %s)', (code, key, kind, required) => {
    expect(materialChecklist(code).find((i) => i.key === key)).toMatchObject({ kind, required });
  });
});
