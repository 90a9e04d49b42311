import {
  descriptionDefaults,
  isDescribed,
  mergeDescription,
  missingFields,
  pagesApply,
  requiredFields,
  titleFromFileName,
} from '../../../src/domain/material-description';
import {
  linesToPatches,
  parseDescriptionText,
  parseDocType,
  parseLooseDate,
  parsePages,
} from '../../../src/domain/material-description-text';
import { formPatchFor, parseDescribeForm } from '../../../src/domain/material-describe-form';

const TZ = 'Asia/Shanghai';
const ctx = { tz: TZ, defaultYear: 2026 };
const at = (iso: string) => new Date(iso);

describe('required fields per kind', () => {
  it.each([
    ['photo', undefined, ['takenAt', 'place', 'people', 'event', 'photographer']],
    ['audio', undefined, ['takenAt', 'place', 'people', 'event', 'photographer']],
    ['video', undefined, ['takenAt', 'place', 'people', 'event', 'photographer']],
    ['document', 'application/pdf', ['title', 'docType', 'docDate', 'pages']],
    [
      'document',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ['title', 'docType', 'docDate', 'pages'],
    ],
    [
      'document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ['title', 'docType', 'docDate'],
    ],
    ['document', undefined, ['title', 'docType', 'docDate']],
    ['link', undefined, []],
    ['physical', undefined, []],
  ] as const)('%s (%s) needs %j', (kind, mime, fields) => {
    expect(requiredFields({ kind, ...(mime ? { mime } : {}) })).toEqual(fields);
  });

  it('pages apply to paged formats only', () => {
    expect(pagesApply('application/pdf')).toBe(true);
    expect(pagesApply('application/zip')).toBe(false);
    expect(pagesApply(undefined)).toBe(false);
  });
});

describe('isDescribed', () => {
  const photo = {
    takenAt: at('2026-03-05T01:00:00Z'),
    place: '礼堂',
    people: '张三',
    event: '校庆',
    photographer: '李四',
  };
  it('a photo with all five fields is described; one missing is not', () => {
    expect(isDescribed({ kind: 'photo', description: photo })).toBe(true);
    const { people: _people, ...rest } = photo;
    expect(isDescribed({ kind: 'photo', description: rest })).toBe(false);
    expect(missingFields({ kind: 'photo', description: rest })).toEqual(['people']);
  });
  it('a PDF needs its page count; a spreadsheet does not', () => {
    const doc = { title: '方案', docType: '方案', docDate: at('2026-03-01T00:00:00Z') };
    expect(isDescribed({ kind: 'document', mime: 'application/pdf', description: doc })).toBe(
      false,
    );
    expect(
      isDescribed({ kind: 'document', mime: 'application/pdf', description: { ...doc, pages: 3 } }),
    ).toBe(true);
    expect(isDescribed({ kind: 'document', mime: 'text/csv', description: doc })).toBe(true);
  });
  it('links and physical items are described by their own record', () => {
    expect(
      isDescribed({ kind: 'link', link: { url: 'https://a.cn', title: 't', source: 's' } }),
    ).toBe(true);
    expect(isDescribed({ kind: 'link', link: { url: 'https://a.cn', title: 't' } })).toBe(false);
    expect(
      isDescribed({
        kind: 'physical',
        physical: { name: '牌匾', type: '牌匾', quantity: 1, description: 'x', location: '档案室' },
      }),
    ).toBe(true);
  });
  it('an invalid date or zero pages does not count as filled', () => {
    expect(
      isDescribed({
        kind: 'document',
        mime: 'application/pdf',
        description: { title: 't', docType: '文件', docDate: new Date(NaN), pages: 0 },
      }),
    ).toBe(false);
  });
});

describe('parseDescriptionText', () => {
  it('reads one field per line with full- and half-width colons, Chinese and English names', () => {
    const { lines, issues } = parseDescriptionText(
      '时间：2026-03-05 14:30\nPlace: 学院礼堂\n人物:张三、李四\nevent： 开幕式\n摄影者：王五',
    );
    expect(issues).toEqual([]);
    expect(lines).toEqual([
      { field: 'time', value: '2026-03-05 14:30' },
      { field: 'place', value: '学院礼堂' },
      { field: 'people', value: '张三、李四' },
      { field: 'event', value: '开幕式' },
      { field: 'photographer', value: '王五' },
    ]);
  });

  it('reads several fields on one line', () => {
    const { lines } = parseDescriptionText('地点：礼堂 人物：张三 李四，事由：校庆');
    expect(lines).toEqual([
      { field: 'place', value: '礼堂' },
      { field: 'people', value: '张三 李四' },
      { field: 'event', value: '校庆' },
    ]);
  });

  it('aims #N and 第N张 lines at one item', () => {
    const { lines } = parseDescriptionText('#2 人物：张三\n第3张 人物：李四\n1. 人物：王五');
    expect(lines).toEqual([
      { item: 2, field: 'people', value: '张三' },
      { item: 3, field: 'people', value: '李四' },
      { item: 1, field: 'people', value: '王五' },
    ]);
  });

  it('prefers the longer field name (拍摄时间 over 时间, 摄影者 over 摄影)', () => {
    expect(parseDescriptionText('拍摄时间：3月5日').lines).toEqual([
      { field: 'time', value: '3月5日' },
    ]);
    expect(parseDescriptionText('摄影者：王五').lines).toEqual([
      { field: 'photographer', value: '王五' },
    ]);
  });

  it('reports an unknown field name and text without any field', () => {
    expect(parseDescriptionText('天气：晴\n人物：张三').issues).toEqual([
      { code: 'unknown_field', name: '天气' },
    ]);
    expect(parseDescriptionText('谢谢').issues).toEqual([{ code: 'no_fields' }]);
  });
});

describe('parseLooseDate (Asia/Shanghai)', () => {
  it.each([
    ['2026-03-05', '2026-03-04T16:00:00.000Z', false],
    ['2026/3/5 14:30', '2026-03-05T06:30:00.000Z', true],
    ['2026.3.5', '2026-03-04T16:00:00.000Z', false],
    ['2026年3月5日', '2026-03-04T16:00:00.000Z', false],
    ['2026年3月5日 下午2点30分', '2026-03-05T06:30:00.000Z', true],
    ['3月5日 9:00', '2026-03-05T01:00:00.000Z', true],
    ['２０２６－０３－０５ １４：３０', '2026-03-05T06:30:00.000Z', true],
    ['2026-03-05 14:30 +0800', '2026-03-05T06:30:00.000Z', true],
    ['2026-03-05 +0800', '2026-03-04T16:00:00.000Z', false],
  ])('%s → %s', (text, iso, hasTime) => {
    const parsed = parseLooseDate(text, TZ, 2026);
    expect(parsed?.date.toISOString()).toBe(iso);
    expect(parsed?.hasTime).toBe(hasTime);
  });

  it.each(['2026-02-30', '2026-13-01', '2026-03-05 25:00', 'tomorrow', '1800-01-01', ''])(
    '%s is refused',
    (text) => {
      expect(parseLooseDate(text, TZ, 2026)).toBeUndefined();
    },
  );
});

describe('values', () => {
  it.each([
    ['纪要', '纪要'],
    ['会议纪要', '纪要'],
    ['Minutes', '纪要'],
    ['speech', '讲话'],
    ['报道', '宣传报道'],
    ['备忘', undefined],
  ])('doc type %s → %s', (text, type) => {
    expect(parseDocType(text)).toBe(type);
  });
  it.each([
    ['12', 12],
    ['12页', 12],
    ['３ pages', 3],
    ['0', undefined],
    ['1.5', undefined],
    ['many', undefined],
  ])('pages %s → %s', (text, n) => {
    expect(parsePages(text)).toBe(n);
  });
  it('the default title is the file name without its extension', () => {
    expect(titleFromFileName('活动方案.docx')).toBe('活动方案');
    expect(titleFromFileName(undefined)).toBeUndefined();
  });
});

describe('linesToPatches', () => {
  const items = [
    { kind: 'photo' as const },
    { kind: 'photo' as const },
    { kind: 'document' as const },
  ];

  it('shares unnumbered lines, aims numbered ones, resolves 时间 per kind', () => {
    const { lines } = parseDescriptionText(
      '时间：2026-03-05\n地点：礼堂\n#2 人物：张三\n#3 页数：4',
    );
    const { patches, issues } = linesToPatches(items, lines, ctx);
    expect(issues).toEqual([]);
    expect(patches[0]).toEqual({ takenAt: at('2026-03-04T16:00:00Z'), place: '礼堂' });
    expect(patches[1]).toEqual({
      takenAt: at('2026-03-04T16:00:00Z'),
      place: '礼堂',
      people: '张三',
    });
    expect(patches[2]).toEqual({ docDate: at('2026-03-04T16:00:00Z'), place: '礼堂', pages: 4 });
  });

  it('reports a bad date, a bad type, an item number out of range, pages aimed at a photo', () => {
    const { lines } = parseDescriptionText('时间：明天\n类型：备忘\n#9 人物：张三\n#1 页数：3');
    const { issues } = linesToPatches(items, lines, ctx);
    expect(issues).toEqual([
      { code: 'invalid_date', value: '明天' },
      { code: 'invalid_doc_type', value: '备忘' },
      { code: 'item_out_of_range', item: 9, count: 3 },
      { code: 'not_applicable', field: 'pages', item: 1 },
    ]);
  });

  it('refuses an over-long value', () => {
    const { lines } = parseDescriptionText(`地点：${'长'.repeat(201)}`);
    expect(linesToPatches([{ kind: 'photo' }], lines, ctx).issues).toEqual([
      { code: 'too_long', field: 'place' },
    ]);
  });
});

describe('defaults and merging', () => {
  const d = {
    activityTitle: '校庆',
    activityLocation: '礼堂',
    activityStart: at('2026-03-05T01:00:00Z'),
    senderName: '张老师',
  };
  it('photos default to EXIF time, the activity place and title, the sender as photographer', () => {
    expect(descriptionDefaults('photo', { ...d, exifTakenAt: at('2026-03-05T02:03:04Z') })).toEqual(
      {
        takenAt: at('2026-03-05T02:03:04Z'),
        place: '礼堂',
        event: '校庆',
        photographer: '张老师',
      },
    );
    expect(descriptionDefaults('video', d).takenAt).toEqual(d.activityStart);
  });
  it('documents default to the file name and the activity day', () => {
    expect(descriptionDefaults('document', { ...d, fileName: '讲话稿.pdf' })).toEqual({
      title: '讲话稿',
      docDate: d.activityStart,
    });
  });
  it('later layers win and empty values never erase', () => {
    expect(mergeDescription({ place: 'a', event: 'e' }, { place: 'b', event: '' })).toEqual({
      place: 'b',
      event: 'e',
    });
  });
});

describe('the batch form', () => {
  const pageItems = [
    { kind: 'photo' as const },
    { kind: 'document' as const, mime: 'application/pdf' },
  ];
  it('parses shared and per-item values; EXIF wins over the shared time', () => {
    const r = parseDescribeForm(
      {
        event: '开幕式',
        place: '礼堂',
        taken_at: '2026-03-05 09:00 +0800',
        photographer: '王五',
        people_all: '全体师生',
        people_0: '张三',
        doc_type: '讲话',
        doc_date: '2026-03-05 +0800',
        title_1: '院长讲话',
        pages_1: '3',
      },
      pageItems,
      ctx,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const photo = formPatchFor(
      { kind: 'photo', exifTakenAt: at('2026-03-05T02:00:00Z') },
      r.value,
      r.value.own[0],
    );
    expect(photo).toEqual({
      event: '开幕式',
      place: '礼堂',
      takenAt: at('2026-03-05T02:00:00Z'),
      photographer: '王五',
      people: '张三',
    });
    expect(formPatchFor({ kind: 'photo' }, r.value, undefined)).toMatchObject({
      takenAt: at('2026-03-05T01:00:00Z'),
      people: '全体师生',
    });
    expect(formPatchFor(pageItems[1]!, r.value, r.value.own[1])).toEqual({
      docType: '讲话',
      docDate: at('2026-03-04T16:00:00Z'),
      title: '院长讲话',
      pages: 3,
    });
  });

  it('names each bad field', () => {
    const r = parseDescribeForm(
      { taken_at: 'soon', doc_type: 'memo', pages_1: 'x' },
      pageItems,
      ctx,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['doc_type', 'pages_1', 'taken_at']);
  });
});
