import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  AssessmentRulesError,
  loadAssessmentRules,
  parseAssessmentRules,
} from '../../../src/config/assessment-rules';
import {
  assessActivity,
  assessUnits,
  bandPoints,
  criticismNoticeDraft,
  type AssessmentRules,
} from '../../../src/domain/assessment';
import {
  ASSESSMENT_ACTIVITIES,
  ASSESSMENT_CRITICISMS,
  ASSESSMENT_NOW,
  ASSESSMENT_UNITS,
  EXPECTED_RANKING,
} from '../../support/assessment-fixture';

const RULES_FILE = join(__dirname, '../../../src/config/assessment-rules.yaml');
const rules: AssessmentRules = loadAssessmentRules(RULES_FILE);
const SH = 'Asia/Shanghai';

describe('assessment rules file', () => {
  it('the shipped file is valid', () => {
    expect(rules.points.onTimeComplete).toBe(10);
    expect(rules.deductions.overdueDayBands).toEqual([
      { upToDays: 7, points: 1 },
      { upToDays: 30, points: 3 },
      { points: 6 },
    ]);
  });

  it('names every problem by path: unknown keys, negative points, bad bands', () => {
    const raw = parse(readFileSync(RULES_FILE, 'utf8')) as AssessmentRules &
      Record<string, unknown>;
    const bad = {
      ...raw,
      bonus: 3,
      points: { ...raw.points, late: -1 },
      deductions: {
        ...raw.deductions,
        overdueDayBands: [
          { upToDays: 30, points: 1 },
          { upToDays: 7, points: 2 },
        ],
      },
    };
    try {
      parseAssessmentRules(bad, 'rules.yaml');
      throw new Error('expected an error');
    } catch (err) {
      expect(err).toBeInstanceOf(AssessmentRulesError);
      const problems = (err as AssessmentRulesError).problems.join('\n');
      expect(problems).toMatch(/bonus/);
      expect(problems).toMatch(/points\.late/);
      expect(problems).toMatch(/overdueDayBands\.1\.upToDays/);
    }
  });

  it('a missing file is an error, not zero points', () => {
    expect(() => loadAssessmentRules('no/such/rules.yaml')).toThrow(AssessmentRulesError);
  });
});

describe('assessment of units (第九条), worked by hand', () => {
  const rows = assessUnits({
    units: ASSESSMENT_UNITS,
    activities: ASSESSMENT_ACTIVITIES,
    criticisms: ASSESSMENT_CRITICISMS,
    rules,
    now: ASSESSMENT_NOW,
    tz: SH,
  });

  it('ranks and counts every unit as worked out in the fixture', () => {
    expect(
      rows.map(({ activities: _a, criticismLines: _c, unitName: _n, ...rest }) => rest),
    ).toEqual(EXPECTED_RANKING);
  });

  it('scores each activity', () => {
    const byCode = Object.fromEntries(
      rows.flatMap((r) => r.activities).map((a) => [a.code, [a.outcome, a.days, a.points]]),
    );
    expect(byCode).toEqual({
      'HD-2026-0001': ['on_time_complete', 0, 10],
      'HD-2026-0002': ['on_time_with_gaps', 0, 8],
      'HD-2026-0003': ['overdue', 10, -8],
      'HD-2026-0005': ['late_with_extension', 0, 7],
      'HD-2026-0006': ['late', 15, 2],
      'HD-2026-0007': ['on_time_complete', 0, 10],
      'HD-2026-0008': ['in_progress', 0, 0],
    });
    const b3 = rows.flatMap((r) => r.activities).find((a) => a.code === 'HD-2026-0007');
    expect(b3?.provisional).toBe(true);
  });

  it('equal scores share a rank', () => {
    const tied = assessUnits({
      units: [
        { code: 'a', name: 'A' },
        { code: 'b', name: 'B' },
        { code: 'c', name: 'C' },
      ],
      activities: [
        ASSESSMENT_ACTIVITIES[0]!,
        { ...ASSESSMENT_ACTIVITIES[0]!, id: 'x', unit: 'b' },
      ].map((a, i) => ({ ...a, unit: i === 0 ? 'a' : 'b' })),
      criticisms: [],
      rules,
      now: ASSESSMENT_NOW,
      tz: SH,
    });
    expect(tied.map((r) => [r.unit, r.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ]);
  });

  it('day bands: the first band covering the days applies', () => {
    const bands = rules.deductions.overdueDayBands;
    expect([0, 1, 7, 8, 30, 31, 400].map((d) => bandPoints(bands, d))).toEqual([
      0, 1, 1, 3, 3, 6, 6,
    ]);
  });

  it('changing the rules file changes the scores (nothing hard-coded)', () => {
    const generous: AssessmentRules = {
      ...rules,
      points: { ...rules.points, onTimeComplete: 20 },
    };
    const a1 = ASSESSMENT_ACTIVITIES[0]!;
    expect(assessActivity(a1, generous, ASSESSMENT_NOW, SH).points).toBe(20);
  });

  it('drafts a notice of criticism in Chinese listing units and reasons', () => {
    const text = criticismNoticeDraft(rows, {
      year: 2026,
      roomName: '综合档案室',
      date: '2026年6月30日',
    });
    expect(text).toContain('关于2026年度重大活动档案移交情况的通报（草稿）');
    expect(text).toContain('宣传部：逾期移交 1 项（HD-2026-0006 逾期 15 天）');
    expect(text).toContain(
      '教务处：档案损毁、丢失或擅自销毁（HD-2026-0003）：部分照片遗失；逾期未移交 1 项（HD-2026-0003「技能大赛」逾期 10 天）',
    );
    expect(text).toContain('招生处：将档案据为己有、不按规定移交');
    expect(criticismNoticeDraft([], { year: 2026, roomName: 'x', date: 'y' })).toBe('');
  });
});
