import {
  downloadFailReason,
  privateChatTarget,
  resourcesIn,
  takesMaterials,
} from '../../../src/domain/material-intake';

describe('resourcesIn: what a received message holds (feishu-platform.md §4)', () => {
  it.each([
    ['image', { image_key: 'img_1' }, [{ fileKey: 'img_1', type: 'image', hint: 'image' }]],
    [
      'file',
      { file_key: 'file_1', file_name: '讲话.docx' },
      [{ fileKey: 'file_1', type: 'file', hint: 'file', fileName: '讲话.docx' }],
    ],
    [
      'audio',
      { file_key: 'file_a', duration: 3000 },
      [{ fileKey: 'file_a', type: 'file', hint: 'audio' }],
    ],
    [
      'media',
      { file_key: 'file_v', image_key: 'img_cover', file_name: 'v.mp4', duration: 1 },
      [{ fileKey: 'file_v', type: 'file', hint: 'video', fileName: 'v.mp4' }],
    ],
    ['sticker', { file_key: 'file_s' }, []],
    ['text', { text: 'hi' }, []],
    ['image', {}, []],
  ] as const)('%s %j', (type, content, expected) => {
    expect(resourcesIn(type, content)).toEqual(expected);
  });

  it('takes every img and media of a post once, plain or locale-wrapped', () => {
    const rows = [
      [
        { tag: 'text', text: '现场' },
        { tag: 'img', image_key: 'img_a' },
      ],
      [{ tag: 'media', file_key: 'file_b', image_key: 'img_b_cover' }],
      [
        { tag: 'img', image_key: 'img_a' },
        { tag: 'at', user_id: '@_user_1' },
      ],
    ];
    const expected = [
      { fileKey: 'img_a', type: 'image', hint: 'image' },
      { fileKey: 'file_b', type: 'file', hint: 'video' },
    ];
    expect(resourcesIn('post', { title: 't', content: rows })).toEqual(expected);
    expect(resourcesIn('post', { en_us: { title: 't', content: rows } })).toEqual(expected);
    expect(resourcesIn('post', { title: 'nothing' })).toEqual([]);
  });
});

describe('where materials may go', () => {
  it.each([
    ['registered', true],
    ['collecting', true],
    ['ended', true],
    ['handover_submitted', true],
    ['returned', true],
    ['accepted', false],
    ['cancelled', false],
  ] as const)('%s takes materials: %s', (state, expected) => {
    expect(takesMaterials(state)).toBe(expected);
  });

  it('files a private chat under the one open activity, else asks', () => {
    expect(
      privateChatTarget([
        { _id: 'a', state: 'collecting' },
        { _id: 'b', state: 'accepted' },
      ]),
    ).toEqual({
      kind: 'one',
      activityId: 'a',
    });
    expect(privateChatTarget([{ _id: 'b', state: 'cancelled' }])).toEqual({ kind: 'none' });
    expect(
      privateChatTarget([
        { _id: 'a', state: 'collecting' },
        { _id: 'c', state: 'ended' },
      ]),
    ).toEqual({ kind: 'many', count: 2 });
  });

  it.each([
    [234037, 'intake.fail.too_large'],
    [234043, 'intake.fail.unsupported'],
    [234038, 'intake.fail.unsupported'],
    [500, 'intake.fail.download_failed'],
    [undefined, 'intake.fail.download_failed'],
  ])('a download refused with %p fails as %s', (code, reason) => {
    expect(downloadFailReason(code)).toBe(reason);
  });
});
