import { parseActivityEdit, parseRegistrationForm } from '../../../src/domain/activity-input';

const options = { unitCodes: ['jwc', 'xcc', 'dazs'], senderOpenId: 'ou_sender' };
const valid = {
  title: '  2026 年全市职业技能大赛开幕式  ',
  category: '4',
  unit: 'jwc',
  co_units: ['xcc'],
  start_at: '2026-05-10 09:00 +0800',
  end_at: '2026-05-10 17:30 +0800',
  location: '学院体育馆',
  summary: '全市 20 个代表队参赛。',
};

const han = /[\u4e00-\u9fff]/;
function expectBilingual(text: { zh_cn: string; en_us: string } | undefined) {
  expect(text).toBeDefined();
  expect(text!.zh_cn).toMatch(han);
  expect(text!.en_us).toMatch(/^[A-Z]/);
}

describe('parseRegistrationForm: valid', () => {
  it('parses, trims and defaults the contact to the sender', () => {
    expect(parseRegistrationForm(valid, options)).toEqual({
      ok: true,
      value: {
        title: '2026 年全市职业技能大赛开幕式',
        category: 4,
        unit: 'jwc',
        coUnits: ['xcc'],
        startAt: new Date('2026-05-10T01:00:00Z'),
        endAt: new Date('2026-05-10T09:30:00Z'),
        location: '学院体育馆',
        summary: '全市 20 个代表队参赛。',
        contact: 'ou_sender',
      },
    });
  });

  it.each([
    ['blank optionals are absent', { location: '', summary: ' ', co_units: [] }, { coUnits: [] }],
    ['no co_units at all', { co_units: undefined }, { coUnits: [] }],
    ['a single co_unit as a string', { co_units: 'xcc' }, { coUnits: ['xcc'] }],
    [
      'duplicate co_units collapse',
      { co_units: ['xcc', 'xcc', 'dazs'] },
      { coUnits: ['xcc', 'dazs'] },
    ],
    ['a picked contact', { contact: 'ou_abc123' }, { contact: 'ou_abc123' }],
    ['a picked contact as a list', { contact: ['ou_abc123'] }, { contact: 'ou_abc123' }],
    [
      'end equal to start',
      { end_at: '2026-05-10 09:00 +0800' },
      { endAt: new Date('2026-05-10T01:00:00Z') },
    ],
    [
      'date-only pickers',
      { start_at: '2026-05-10 +0800', end_at: '2026-05-11 +0800' },
      { startAt: new Date('2026-05-09T16:00:00Z') },
    ],
    ['category 10', { category: '10' }, { category: 10 }],
    ['100 characters of title', { title: '档'.repeat(100) }, { title: '档'.repeat(100) }],
    ['100 emoji count as 100', { title: '🎉'.repeat(100) }, { title: '🎉'.repeat(100) }],
  ])('%s', (_name, overrides, expected) => {
    const result = parseRegistrationForm({ ...valid, ...overrides }, options);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject(expected);
  });
});

it('leaves blank location and summary out of the value', () => {
  const result = parseRegistrationForm({ ...valid, location: '', summary: '  ' }, options);
  expect(result.ok && Object.keys(result.value)).not.toContain('location');
  expect(result.ok && Object.keys(result.value)).not.toContain('summary');
});

describe('parseRegistrationForm: errors', () => {
  it.each([
    ['missing title', { title: undefined }, 'title', '请填写活动名称'],
    ['blank title', { title: '   ' }, 'title', '请填写活动名称'],
    ['title not a string', { title: 42 }, 'title', '格式不正确'],
    ['too long title', { title: 'x'.repeat(101) }, 'title', '100'],
    ['missing category', { category: '' }, 'category', '请选择活动类别'],
    ['category 0', { category: '0' }, 'category', '1–10'],
    ['category 11', { category: '11' }, 'category', '1–10'],
    ['category letters', { category: 'meeting' }, 'category', '1–10'],
    ['missing unit', { unit: undefined }, 'unit', '请选择主办'],
    ['unknown unit', { unit: 'nope' }, 'unit', '名录'],
    ['unknown co_unit', { co_units: ['xcc', 'ghost', 'phantom'] }, 'co_units', 'ghost, phantom'],
    ['co_unit equal to unit', { co_units: ['xcc', 'jwc'] }, 'co_units', '不能与主办单位相同'],
    ['co_units not a list of strings', { co_units: [1, 2] }, 'co_units', '格式不正确'],
    ['missing start', { start_at: undefined }, 'start_at', '请选择开始时间'],
    ['bad start string', { start_at: 'next monday' }, 'start_at', '开始时间格式不正确'],
    [
      'impossible start date',
      { start_at: '2026-02-30 09:00 +0800' },
      'start_at',
      '开始时间格式不正确',
    ],
    ['missing end', { end_at: '' }, 'end_at', '请选择结束时间'],
    ['bad end string', { end_at: '2026-05-10T17:30:00Z' }, 'end_at', '结束时间格式不正确'],
    ['end before start', { end_at: '2026-05-10 08:59 +0800' }, 'end_at', '不能早于开始时间'],
    ['location too long', { location: '地'.repeat(201) }, 'location', '200'],
    ['summary too long', { summary: '述'.repeat(1001) }, 'summary', '1000'],
    ['contact not an open_id', { contact: 'zhangsan' }, 'contact', '飞书用户'],
  ])('%s → error on %s', (_name, overrides, field, zhFragment) => {
    const result = parseRegistrationForm({ ...valid, ...overrides }, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)).toEqual([field]);
    const error = result.errors[field as keyof typeof result.errors];
    expectBilingual(error);
    expect(error!.zh_cn).toContain(zhFragment);
  });

  it('names the unknown co_units in English too', () => {
    const result = parseRegistrationForm({ ...valid, co_units: ['ghost'] }, options);
    expect(!result.ok && result.errors.co_units?.en_us).toContain('ghost');
  });

  it('reports every bad field at once', () => {
    const result = parseRegistrationForm(
      {
        title: '',
        category: '12',
        unit: 'nope',
        start_at: 'x',
        end_at: '2026-05-10 09:00 +0800',
        summary: 's'.repeat(1001),
      },
      options,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(
      ['category', 'start_at', 'summary', 'title', 'unit'].sort(),
    );
    Object.values(result.errors).forEach(expectBilingual);
  });

  it.each([null, undefined, 'form', [valid]])('treats %j as an empty form', (formValue) => {
    const result = parseRegistrationForm(formValue, options);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(
      ['category', 'end_at', 'start_at', 'title', 'unit'].sort(),
    );
  });
});

describe('parseActivityEdit', () => {
  const current = {
    startAt: new Date('2026-05-10T01:00:00Z'),
    endAt: new Date('2026-05-10T09:30:00Z'),
  };

  it.each([
    ['nothing submitted', {}, {}],
    ['blank dates and category are unchanged', { category: '', start_at: '', end_at: '' }, {}],
    ['a new title', { title: ' 新名称 ' }, { title: '新名称' }],
    ['a new category', { category: '5' }, { category: 5 }],
    [
      'cleared location and summary',
      { location: '', summary: ' ' },
      { location: null, summary: null },
    ],
    [
      'a later end',
      { end_at: '2026-05-11 12:00 +0800' },
      { endAt: new Date('2026-05-11T04:00:00Z') },
    ],
    [
      'both dates',
      { start_at: '2026-06-01 09:00 +0800', end_at: '2026-06-02 09:00 +0800' },
      { startAt: new Date('2026-06-01T01:00:00Z'), endAt: new Date('2026-06-02T01:00:00Z') },
    ],
  ])('%s', (_name, formValue, expected) => {
    expect(parseActivityEdit(formValue, { current })).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['blank title', { title: '' }, 'title'],
    ['too long title', { title: 'x'.repeat(101) }, 'title'],
    ['bad category', { category: '99' }, 'category'],
    ['bad start', { start_at: 'soon' }, 'start_at'],
    [
      'end before start',
      { start_at: '2026-06-02 09:00 +0800', end_at: '2026-06-01 09:00 +0800' },
      'end_at',
    ],
    ['end before the stored start', { end_at: '2026-05-09 09:00 +0800' }, 'end_at'],
    ['start after the stored end', { start_at: '2026-05-11 09:00 +0800' }, 'start_at'],
    ['location too long', { location: '地'.repeat(201) }, 'location'],
    ['summary too long', { summary: '述'.repeat(1001) }, 'summary'],
  ])('%s → error on %s', (_name, formValue, field) => {
    const result = parseActivityEdit(formValue, { current });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)).toEqual([field]);
    expectBilingual(result.errors[field as keyof typeof result.errors]);
  });

  it('without stored dates, a lone date is accepted', () => {
    expect(parseActivityEdit({ start_at: '2026-05-11 09:00 +0800' })).toEqual({
      ok: true,
      value: { startAt: new Date('2026-05-11T01:00:00Z') },
    });
  });
});
