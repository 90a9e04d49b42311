/**
 * The yearly assessment of units (第九条): handovers count in each organizing unit's performance
 * assessment — points for complete, timely handovers; deductions for late, overdue, returned and
 * criticised work. The numbers come from a rules file (src/config/assessment-rules.yaml, validated by
 * src/config/assessment-rules.ts); nothing here is hard-coded but the arithmetic.
 *
 * Per activity (cancelled ones do not count):
 * - handed over (accepted, under review, or returned only for minor corrections): judged by its
 *   timeliness clock (timeliness.ts): on time (complete = no checklist gaps) / late with an approved
 *   extension / late, minus the day band of the days late;
 * - not handed over and past its effective deadline at `now`: overdue, minus the day band;
 * - otherwise in progress: no points yet.
 * Each return costs `perReturn` (or `perMinorReturn` when marked minor); each criticism `perCriticism`.
 */
import { daysOverdue, judgeTimeliness, timelinessClock, type VersionFacts } from './timeliness';
import type { ActivityState } from './activity-lifecycle';

export interface DayBand {
  /** Inclusive upper bound in calendar days; absent on the last, open-ended band. */
  upToDays?: number;
  points: number;
}

export interface AssessmentRules {
  points: {
    onTimeComplete: number;
    onTimeWithGaps: number;
    lateWithExtension: number;
    late: number;
  };
  deductions: {
    overdueDayBands: DayBand[];
    overdueNotHandedOver: number;
    perReturn: number;
    perMinorReturn: number;
    perCriticism: number;
  };
}

export const CRITICISM_REASONS = ['not_kept', 'withheld', 'lost'] as const;
export type CriticismReason = (typeof CRITICISM_REASONS)[number];

export const CRITICISM_LABELS: Record<CriticismReason, { zh_cn: string; en_us: string }> = {
  not_kept: { zh_cn: '未按规定留存材料', en_us: 'material not kept' },
  withheld: { zh_cn: '将档案据为己有、不按规定移交', en_us: 'material withheld' },
  lost: { zh_cn: '档案损毁、丢失或擅自销毁', en_us: 'material lost or destroyed' },
};

export const isCriticismReason = (v: unknown): v is CriticismReason =>
  typeof v === 'string' && (CRITICISM_REASONS as readonly string[]).includes(v);

export interface AssessedActivity {
  id: string;
  code: string;
  title: string;
  unit: string;
  state: ActivityState;
  effectiveDeadline: Date;
  /** Every submitted version with its return, if any. */
  versions: VersionFacts[];
  /** Required checklist items missing on the version whose clock counts. */
  checklistGaps: number;
  items: number;
  described: number;
}

export interface CriticismFacts {
  unit: string;
  reason: CriticismReason;
  note?: string;
  activityCode?: string;
}

export type ActivityOutcome =
  | 'on_time_complete'
  | 'on_time_with_gaps'
  | 'late_with_extension'
  | 'late'
  | 'overdue'
  | 'in_progress';

export interface ActivityLine {
  code: string;
  title: string;
  outcome: ActivityOutcome;
  /** Days late or overdue (0 otherwise). */
  days: number;
  returns: number;
  minorReturns: number;
  /** Handed over but not accepted yet: the outcome may still change. */
  provisional: boolean;
  points: number;
}

export interface UnitAssessment {
  unit: string;
  unitName: string;
  rank: number;
  score: number;
  registered: number;
  onTime: number;
  lateWithExtension: number;
  lateWithout: number;
  overdueNotHandedOver: number;
  inProgress: number;
  /** Described items / items, over the unit's activities; null when there are none. */
  descriptionCompleteness: number | null;
  returns: number;
  criticisms: number;
  activities: ActivityLine[];
  criticismLines: CriticismFacts[];
}

/** Deduction for `days` past a deadline: the first band that covers it. */
export function bandPoints(bands: readonly DayBand[], days: number): number {
  if (days <= 0) return 0;
  const band = bands.find((b) => b.upToDays === undefined || days <= b.upToDays);
  return band?.points ?? 0;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Handed over in a way the clock counts: accepted, under review, or returned only as minor. */
function handedOver(a: AssessedActivity): boolean {
  if (a.state === 'accepted' || a.state === 'handover_submitted') return true;
  const last = [...a.versions].sort((x, y) => y.version - x.version)[0];
  return a.state === 'returned' && last?.returned?.minor === true;
}

/** One activity's outcome and points under `rules` at `now`. */
export function assessActivity(
  a: AssessedActivity,
  rules: AssessmentRules,
  now: Date,
  tz: string,
): ActivityLine {
  const returns = a.versions.filter((v) => v.returned && !v.returned.minor).length;
  const minorReturns = a.versions.filter((v) => v.returned?.minor).length;
  // `|| 0` turns −0 (no returns) into 0.
  const returnPoints =
    -(returns * rules.deductions.perReturn + minorReturns * rules.deductions.perMinorReturn) || 0;
  const base = { code: a.code, title: a.title, returns, minorReturns };
  const clock = handedOver(a) ? timelinessClock(a.versions) : undefined;
  if (clock) {
    const t = judgeTimeliness(clock, tz);
    const provisional = a.state !== 'accepted';
    if (t.kind === 'on_time') {
      const complete = a.checklistGaps === 0;
      return {
        ...base,
        outcome: complete ? 'on_time_complete' : 'on_time_with_gaps',
        days: 0,
        provisional,
        points:
          (complete ? rules.points.onTimeComplete : rules.points.onTimeWithGaps) + returnPoints,
      };
    }
    if (t.kind === 'late_with_extension') {
      return {
        ...base,
        outcome: 'late_with_extension',
        days: 0,
        provisional,
        points: rules.points.lateWithExtension + returnPoints,
      };
    }
    return {
      ...base,
      outcome: 'late',
      days: t.daysLate,
      provisional,
      points:
        rules.points.late - bandPoints(rules.deductions.overdueDayBands, t.daysLate) + returnPoints,
    };
  }
  const days = daysOverdue(a.effectiveDeadline, now, tz);
  if (days > 0) {
    return {
      ...base,
      outcome: 'overdue',
      days,
      provisional: false,
      points:
        -rules.deductions.overdueNotHandedOver -
        bandPoints(rules.deductions.overdueDayBands, days) +
        returnPoints,
    };
  }
  return { ...base, outcome: 'in_progress', days: 0, provisional: false, points: returnPoints };
}

/**
 * Scores every unit: the directory's units plus any unit that organized an activity, ranked by
 * score (highest first; equal scores share a rank), then by unit code.
 */
export function assessUnits(input: {
  units: readonly { code: string; name: string }[];
  activities: readonly AssessedActivity[];
  criticisms: readonly CriticismFacts[];
  rules: AssessmentRules;
  now: Date;
  tz: string;
}): UnitAssessment[] {
  const names = new Map(input.units.map((u) => [u.code, u.name]));
  for (const a of input.activities) if (!names.has(a.unit)) names.set(a.unit, a.unit);
  for (const c of input.criticisms) if (!names.has(c.unit)) names.set(c.unit, c.unit);
  const rows = [...names].map(([unit, unitName]) => {
    const acts = input.activities.filter((a) => a.unit === unit && a.state !== 'cancelled');
    const lines = acts.map((a) => assessActivity(a, input.rules, input.now, input.tz));
    const crit = input.criticisms.filter((c) => c.unit === unit);
    const items = acts.reduce((n, a) => n + a.items, 0);
    const described = acts.reduce((n, a) => n + a.described, 0);
    const count = (...o: ActivityOutcome[]) => lines.filter((l) => o.includes(l.outcome)).length;
    const score =
      lines.reduce((n, l) => n + l.points, 0) - crit.length * input.rules.deductions.perCriticism;
    return {
      unit,
      unitName,
      rank: 0,
      score: round2(score),
      registered: acts.length,
      onTime: count('on_time_complete', 'on_time_with_gaps'),
      lateWithExtension: count('late_with_extension'),
      lateWithout: count('late'),
      overdueNotHandedOver: count('overdue'),
      inProgress: count('in_progress'),
      descriptionCompleteness: items === 0 ? null : round2(described / items),
      returns: lines.reduce((n, l) => n + l.returns + l.minorReturns, 0),
      criticisms: crit.length,
      activities: lines,
      criticismLines: crit,
    } satisfies UnitAssessment;
  });
  rows.sort((a, b) => b.score - a.score || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  rows.forEach((row, i) => {
    const prev = rows[i - 1];
    row.rank = prev && prev.score === row.score ? prev.rank : i + 1;
  });
  return rows;
}

/**
 * A draft notice of criticism (通报) in Chinese for the archivists to edit: the units criticised and
 * why, and the units with overdue or late handovers. Empty string when there is nothing to report.
 */
export function criticismNoticeDraft(
  rows: readonly UnitAssessment[],
  ctx: { year: number; roomName: string; date: string },
): string {
  const entries: string[] = [];
  for (const r of rows) {
    const reasons: string[] = [];
    for (const c of r.criticismLines) {
      const about = c.activityCode ? `（${c.activityCode}）` : '';
      reasons.push(`${CRITICISM_LABELS[c.reason].zh_cn}${about}${c.note ? `：${c.note}` : ''}`);
    }
    const overdue = r.activities.filter((a) => a.outcome === 'overdue');
    const late = r.activities.filter((a) => a.outcome === 'late');
    if (overdue.length) {
      reasons.push(
        `逾期未移交 ${overdue.length} 项（${overdue.map((a) => `${a.code}「${a.title}」逾期 ${a.days} 天`).join('；')}）`,
      );
    }
    if (late.length) {
      reasons.push(
        `逾期移交 ${late.length} 项（${late.map((a) => `${a.code} 逾期 ${a.days} 天`).join('；')}）`,
      );
    }
    if (reasons.length)
      entries.push(`${entries.length + 1}. ${r.unitName}：${reasons.join('；')}。`);
  }
  if (entries.length === 0) return '';
  return [
    `关于${ctx.year}年度重大活动档案移交情况的通报（草稿）`,
    '',
    `根据《重大活动档案管理办法》第七条、第九条，${ctx.roomName}对${ctx.year}年度各单位重大活动档案的收集、整理和移交情况进行了检查。现将存在问题的单位通报如下：`,
    '',
    ...entries,
    '',
    '请上述单位高度重视，于收到本通报后及时整改，按规定向综合档案室移交完整的档案材料。对不按规定收集、整理、移交，或有损毁、丢失、擅自销毁档案行为的，将依据有关规定追究责任。',
    '',
    ctx.roomName,
    ctx.date,
  ].join('\n');
}
