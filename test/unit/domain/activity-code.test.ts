import { formatActivityCode, parseActivityCode } from '../../../src/domain/activity-code';

describe('formatActivityCode', () => {
  it.each([
    [2026, 7, 'HD-2026-0007'],
    [2026, 1, 'HD-2026-0001'],
    [2026, 9999, 'HD-2026-9999'],
    [2026, 10000, 'HD-2026-10000'],
    [2027, 123456, 'HD-2027-123456'],
  ])('%i, %i → %s', (year, seq, expected) => {
    expect(formatActivityCode(year, seq)).toBe(expected);
  });

  it.each([
    [2026, 0],
    [2026, -1],
    [2026, 1.5],
    [99, 1],
    [20260, 1],
  ])('refuses year %p, seq %p', (year, seq) => {
    expect(() => formatActivityCode(year, seq)).toThrow(RangeError);
  });
});

describe('parseActivityCode', () => {
  it.each([
    ['#HD-2026-0007', 'HD-2026-0007'],
    ['HD-2026-0007', 'HD-2026-0007'],
    ['hd-2026-0007', 'HD-2026-0007'],
    ['#hD-2026-0007 的照片', 'HD-2026-0007'],
    ['请把照片归入 #HD-2026-0007 谢谢', 'HD-2026-0007'],
    ['归入HD-2026-0007的活动', 'HD-2026-0007'],
    ['see (HD-2026-0007).', 'HD-2026-0007'],
    ['HD-2026-12345', 'HD-2026-12345'],
    ['HD-2026-00007', 'HD-2026-0007'],
    ['＃HD－2026－0007', 'HD-2026-0007'],
    ['HD-2026-0000 then HD-2026-0003', 'HD-2026-0003'],
    ['HD-2026-0001 and HD-2026-0002', 'HD-2026-0001'],
    ['XHD-2026-0007', undefined],
    ['HD-2026-007', undefined],
    ['HD-26-0007', undefined],
    ['HD-2026-0000', undefined],
    ['HD2026-0007', undefined],
    ['no code here', undefined],
    ['', undefined],
  ])('%j → %s', (text, expected) => {
    expect(parseActivityCode(text)).toBe(expected);
  });

  it.each([
    [2026, 7],
    [2030, 10000],
  ])('round-trips %i/%i', (year, seq) => {
    const code = formatActivityCode(year, seq);
    expect(parseActivityCode(`#${code}`)).toBe(code);
  });
});
