import type {
  CheckOutcome,
  HandoverCheckView,
  HandoverReviewView,
} from '../../../cards/handover-views';
import type { ActivityDoc } from '../../db/models/activity';
import type { HandoverSubmissionDoc } from '../../db/models/handover';
import type { MaterialDoc } from '../../db/models/material';
import { retentionLabel } from '../../domain/archive-number';
import { categoryLabel } from '../../domain/categories';
import { formatInTz } from '../../domain/deadline';
import type { Directory } from '../../domain/directory';
import { propertyOf } from '../../domain/four-property-check';
import {
  checklistGaps,
  emptyKinds,
  type BlockingProblem,
  type PrecheckReport,
  type Warning,
} from '../../domain/handover-precheck';
import { displayName } from '../../domain/roles';
import { timelinessClock, judgeTimeliness, type VersionFacts } from '../../domain/timeliness';
import { FIELD_LABELS, formatBytes, th, thPerLang } from '../../i18n/messages-handover';
import { joinTexts, type I18nText } from '../../i18n/t';
import { unitNameOf } from './transfer-list';

/** One blocking problem as the organizer reads it. */
export function problemText(p: BlockingProblem): I18nText {
  switch (p.code) {
    case 'no_items':
      return th('ho.p.no_items');
    case 'undescribed':
      return thPerLang('ho.p.undescribed', (lang) => ({
        label: p.label,
        fields: p.missing
          .map((f) => FIELD_LABELS[f]?.[lang] ?? f)
          .join(lang === 'zh_cn' ? '、' : ', '),
      }));
    case 'failed_item':
    case 'blob_missing':
    case 'empty':
    case 'format_unknown':
      return th(`ho.p.${p.code}`, { label: p.label });
    case 'hash_mismatch':
      return th('ho.p.hash_mismatch', { label: p.label });
    case 'size_mismatch':
      return th('ho.p.size_mismatch', { label: p.label, expected: p.expected, actual: p.actual });
    case 'format_not_allowed':
    case 'truncated':
    case 'encrypted':
      return th(`ho.p.${p.code}`, { label: p.label, format: p.format });
    case 'format_mismatch':
      return th('ho.p.format_mismatch', {
        label: p.label,
        recorded: p.recorded,
        detected: p.detected,
      });
  }
}

export function warningText(w: Warning): I18nText {
  switch (w.code) {
    case 'checklist_gap':
      return thPerLang('ho.w.checklist_gap', (lang) => ({ item: w[lang] }));
    case 'quality':
      return th('ho.w.quality', { label: w.label, n: w.warnings.length });
  }
}

/** The pre-check card's view. */
export function checkView(
  activity: ActivityDoc,
  report: PrecheckReport,
  outcome: CheckOutcome,
  version?: number,
): HandoverCheckView {
  const failed = new Set(
    report.blocking.map((b) =>
      b.code === 'no_items' || b.code === 'undescribed' || b.code === 'failed_item'
        ? 'integrity'
        : propertyOf(b.code),
    ),
  );
  const t = report.totals;
  return {
    activityId: activity._id,
    code: activity.code,
    title: activity.title,
    outcome,
    blocking: report.blocking.map(problemText),
    warnings: report.warnings.map(warningText),
    toDeliver: report.toDeliver.map((d) =>
      th('ho.w.physical_to_deliver', { label: d.label, quantity: d.quantity }),
    ),
    totals: th('ho.check.totals', {
      items: t.items,
      files: t.files,
      size: formatBytes(t.bytesRead),
      pages: t.pages,
      read: t.filesRead,
    }),
    four: {
      authenticity: !failed.has('authenticity'),
      integrity: !failed.has('integrity'),
      usability: !failed.has('usability'),
      security: !failed.has('security'),
    },
    ...(version !== undefined ? { version } : {}),
  };
}

/** A version as the timeliness rules see it. */
export function versionFacts(s: HandoverSubmissionDoc): VersionFacts {
  return {
    version: s.version,
    submittedAt: s.submittedAt,
    originalDeadline: s.originalDeadline,
    effectiveDeadline: s.effectiveDeadline,
    ...(s.status === 'returned' ? { returned: { minor: s.minor === true } } : {}),
  };
}

/** "On time" / "within the extension" / "n days late", with the clock note when it was kept. */
export function timelinessText(
  versions: readonly HandoverSubmissionDoc[],
  current: HandoverSubmissionDoc,
  tz: string,
): I18nText {
  const upTo = versions.filter((v) => v.version <= current.version).map(versionFacts);
  const clock = timelinessClock(upTo);
  if (!clock) return th('ho.t.on_time');
  const t = judgeTimeliness(clock, tz);
  const main =
    t.kind === 'on_time'
      ? th('ho.t.on_time')
      : t.kind === 'late_with_extension'
        ? th('ho.t.late_with_extension', { days: t.daysAfterOriginal })
        : th(t.extended ? 'ho.t.late_extended' : 'ho.t.late', { days: t.daysLate });
  if (clock.version === current.version) return main;
  return joinTexts([main, th('ho.t.clock', { date: formatInTz(clock.submittedAt, tz) })], '');
}

/** The archivists' review card for one version. */
export function reviewView(input: {
  activity: ActivityDoc;
  submission: HandoverSubmissionDoc;
  versions: readonly HandoverSubmissionDoc[];
  materials: readonly MaterialDoc[];
  dir: Directory;
  tz: string;
  numbers?: { first: string; last: string; n: number };
}): HandoverReviewView {
  const { activity: a, submission: s, dir, tz } = input;
  const extended = s.effectiveDeadline.getTime() > s.originalDeadline.getTime();
  const day = (d: Date) => formatInTz(d, tz, 'YYYY-MM-DD');
  const inList = new Set(s.materialIds);
  const listed = input.materials.filter((m) => inList.has(m._id) && !m.attachedTo);
  const physical = listed.filter((m) => m.kind === 'physical').length;
  const paper = listed.filter((m) => m.kind === 'document').length;
  const byKind = emptyKinds();
  for (const m of listed) byKind[m.kind] += 1;
  const gaps = checklistGaps(a.category, byKind);
  const view: HandoverReviewView = {
    submissionId: s._id,
    activityId: a._id,
    code: a.code,
    title: a.title,
    unitName: unitNameOf(a.unit, dir),
    category: {
      zh_cn: `${a.category}. ${categoryLabel(a.category, 'zh_cn')}`,
      en_us: `${a.category}. ${categoryLabel(a.category, 'en_us')}`,
    },
    version: s.version,
    by: displayName(s.submittedBy, dir),
    at: formatInTz(s.submittedAt, tz),
    deadline: extended
      ? th('ho.deadline.extended', {
          date: day(s.effectiveDeadline),
          original: day(s.originalDeadline),
        })
      : th('ho.deadline', { date: day(s.effectiveDeadline) }),
    timeliness: timelinessText(input.versions, s, tz),
    totals: th('ho.totals', {
      items: s.totals.items,
      pages: s.totals.pages,
      files: s.totals.files,
      size: formatBytes(s.totals.bytes),
    }),
    listFile: (s.acceptedList ?? s.list).fileName,
    digest: (s.acceptedList ?? s.list).digest,
    retention: s.retention,
    ...(gaps.length > 0
      ? {
          gaps: thPerLang('ho.review.gaps', (lang) => ({
            n: gaps.length,
            items: gaps.map((g) => g[lang]).join(lang === 'zh_cn' ? '、' : ', '),
          })),
        }
      : {}),
    ...(physical + paper > 0
      ? { originals: th('ho.review.physical', { n: physical, m: paper }) }
      : {}),
  };
  if (s.status === 'accepted') {
    view.decided = {
      accepted: true,
      text: thPerLang('ho.review.accepted', (lang) => ({
        name: displayName(s.decidedBy ?? '', dir),
        at: s.decidedAt ? formatInTz(s.decidedAt, tz) : '',
        retention: retentionLabel(s.retention)[lang],
      })),
      ...(input.numbers
        ? { numbers: th('ho.review.numbers', { ...input.numbers }) }
        : { numbering: !s.finalizedAt }),
    };
  } else if (s.status === 'returned') {
    view.decided = {
      accepted: false,
      text: thPerLang('ho.review.returned', (lang) => ({
        name: displayName(s.decidedBy ?? '', dir),
        at: s.decidedAt ? formatInTz(s.decidedAt, tz) : '',
        reason: s.returnReason ?? '',
        minor: s.minor ? th('ho.review.minorTag')[lang] : '',
      })),
    };
  }
  return view;
}
