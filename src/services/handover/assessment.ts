import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AssessmentRowView, AssessmentView } from '../../../cards/handover-views';
import type { ArchiveConfig } from '../../config/archive';
import { loadAssessmentRules } from '../../config/assessment-rules';
import type { ArchiveRepo } from '../../db/archive-repo';
import type { Directory } from '../../domain/directory';
import type { HandoverRepo } from '../../db/handover-repo';
import {
  assessUnits,
  CRITICISM_LABELS,
  criticismNoticeDraft,
  type AssessedActivity,
  type UnitAssessment,
} from '../../domain/assessment';
import { formatInTz } from '../../domain/deadline';
import { timelinessClock } from '../../domain/timeliness';
import { versionFacts } from './views';

/** What computing an assessment needs: the web process passes its deps, the CLI builds these. */
export interface AssessmentDeps {
  archives: ArchiveRepo;
  handover: HandoverRepo;
  /** The bot passes its directory cache, the report command the repository. */
  directory: { load(): Promise<Directory> };
  archive: ArchiveConfig;
  tz: string;
  now: Date;
}

export interface AssessmentResult {
  year: number;
  asOf: Date;
  rows: UnitAssessment[];
  notice: string;
}

/**
 * Scores every unit for a calendar year (activities whose year it is), from the rules file: the
 * handovers' timeliness (versions and returns), description completeness, criticisms. Pure rules
 * in domain/assessment.ts; this gathers the facts.
 */
export async function computeAssessment(
  year: number,
  d: AssessmentDeps,
): Promise<AssessmentResult> {
  const rules = loadAssessmentRules(d.archive.assessmentRulesFile);
  const [activities, dir, criticisms] = await Promise.all([
    d.archives.activitiesOfYear(year),
    d.directory.load(),
    d.handover.criticismsOf(year),
  ]);
  const ids = activities.map((a) => a._id);
  const [versions, counts] = await Promise.all([
    d.handover.versionsOf(ids),
    d.archives.descriptionCounts(ids),
  ]);
  const assessed: AssessedActivity[] = activities.map((a) => {
    const docs = versions.get(a._id) ?? [];
    const facts = docs.map(versionFacts);
    const clock = timelinessClock(facts);
    const clockDoc = docs.find((v) => v.version === clock?.version) ?? docs.at(-1);
    const c = counts.get(a._id) ?? { items: 0, described: 0 };
    return {
      id: a._id,
      code: a.code,
      title: a.title,
      unit: a.unit,
      state: a.state,
      effectiveDeadline: a.effectiveDeadline,
      versions: facts,
      checklistGaps: clockDoc?.checklistGaps ?? 0,
      items: c.items,
      described: c.described,
    };
  });
  const rows = assessUnits({
    units: dir.units.filter((u) => u.active).map((u) => ({ code: u.code, name: u.name })),
    activities: assessed,
    criticisms: criticisms.map((c) => ({
      unit: c.unit,
      reason: c.reason,
      ...(c.note ? { note: c.note } : {}),
      ...(c.activityCode ? { activityCode: c.activityCode } : {}),
    })),
    rules,
    now: d.now,
    tz: d.tz,
  });
  const notice = criticismNoticeDraft(rows, {
    year,
    roomName: d.archive.roomName,
    date: formatInTz(d.now, d.tz, 'YYYY年M月D日'),
  });
  return { year, asOf: d.now, rows, notice };
}

const percent = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);

/** The card's view of an assessment. */
export function assessmentView(
  r: AssessmentResult,
  opts: { tz: string; rulesFile: string; reportFile?: string; noticeSent: boolean },
): AssessmentView {
  const rows: AssessmentRowView[] = r.rows.map((u) => ({
    rank: u.rank,
    unitName: u.unitName,
    score: u.score,
    registered: u.registered,
    onTime: u.onTime,
    lateWithExtension: u.lateWithExtension,
    lateWithout: u.lateWithout,
    overdue: u.overdueNotHandedOver,
    completeness: percent(u.descriptionCompleteness),
    returns: u.returns,
    criticisms: u.criticisms,
  }));
  return {
    year: r.year,
    asOf: formatInTz(r.asOf, opts.tz),
    rulesFile: opts.rulesFile,
    rows,
    ...(opts.reportFile ? { reportFile: opts.reportFile } : {}),
    noticeSent: opts.noticeSent,
  };
}

export const SUMMARY_SHEET = '汇总';
export const SUMMARY_COLUMNS = [
  '名次',
  '单位',
  '单位代码',
  '得分',
  '登记活动',
  '按期移交',
  '延期内移交',
  '逾期移交',
  '逾期未移交',
  '进行中',
  '说明完整率',
  '退回次数',
  '通报批评',
] as const;

const OUTCOME_LABELS: Record<string, string> = {
  on_time_complete: '按期移交（清单齐全）',
  on_time_with_gaps: '按期移交（清单有缺项）',
  late_with_extension: '延期内移交',
  late: '逾期移交',
  overdue: '逾期未移交',
  in_progress: '进行中',
};

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the book. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || 'unit';
  let out = base;
  for (let i = 2; used.has(out); i++) out = `${base}~${i}`;
  used.add(out);
  return out;
}

/**
 * The assessment as XLSX (streaming writer): a summary sheet ranking the units, then one sheet per
 * unit listing its activities (outcome, days late, returns, points) and its criticisms, and the
 * draft notice. Ends `sink`.
 */
export async function writeAssessmentXlsx(r: AssessmentResult, sink: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true });
  const used = new Set<string>([SUMMARY_SHEET]);
  const summary = wb.addWorksheet(SUMMARY_SHEET);
  summary.addRow([`${r.year} 年度重大活动档案移交考核汇总`]).commit();
  summary.addRow([`统计截至`, r.asOf.toISOString()]).commit();
  summary.addRow([...SUMMARY_COLUMNS]).commit();
  for (const u of r.rows) {
    summary
      .addRow([
        u.rank,
        u.unitName,
        u.unit,
        u.score,
        u.registered,
        u.onTime,
        u.lateWithExtension,
        u.lateWithout,
        u.overdueNotHandedOver,
        u.inProgress,
        u.descriptionCompleteness ?? '',
        u.returns,
        u.criticisms,
      ])
      .commit();
  }
  summary.commit();
  for (const u of r.rows) {
    const ws = wb.addWorksheet(sheetName(u.unitName, used));
    ws.addRow([u.unitName, `得分 ${u.score}`, `名次 ${u.rank}`]).commit();
    ws.addRow([
      '活动编号',
      '活动名称',
      '结果',
      '逾期天数',
      '退回',
      '轻微退回',
      '得分',
      '待验收',
    ]).commit();
    for (const a of u.activities) {
      ws.addRow([
        a.code,
        a.title,
        OUTCOME_LABELS[a.outcome] ?? a.outcome,
        a.days,
        a.returns,
        a.minorReturns,
        a.points,
        a.provisional ? '是' : '',
      ]).commit();
    }
    if (u.criticismLines.length) {
      ws.addRow([]).commit();
      ws.addRow(['通报批评', '原因', '活动', '说明']).commit();
      for (const c of u.criticismLines) {
        ws.addRow([
          '',
          CRITICISM_LABELS[c.reason].zh_cn,
          c.activityCode ?? '',
          c.note ?? '',
        ]).commit();
      }
    }
    ws.commit();
  }
  if (r.notice) {
    const ws = wb.addWorksheet(sheetName('通报草稿', used));
    for (const line of r.notice.split('\n')) ws.addRow([line]).commit();
    ws.commit();
  }
  await wb.commit();
}
