import type { I18nText } from '../src/i18n/t';
import type { Retention } from '../src/domain/archive-number';

/**
 * View models of the handover cards. Services fill them (texts already localized through the
 * handover catalogue, dates formatted in the business time zone); builders only lay them out.
 */

export type CheckOutcome = 'blocked' | 'warnings' | 'passed' | 'submitted';

export interface HandoverCheckView {
  activityId: string;
  code: string;
  title: string;
  outcome: CheckOutcome;
  /** One line per blocking problem, item by item (the card shows the first 30). */
  blocking: I18nText[];
  warnings: I18nText[];
  /** Physical items to bring to the archive room (information). */
  toDeliver: I18nText[];
  totals: I18nText;
  /** Whether each of the four properties passed. */
  four: { authenticity: boolean; integrity: boolean; usability: boolean; security: boolean };
  /** Set once submitted. */
  version?: number;
}

export interface HandoverReviewView {
  submissionId: string;
  activityId: string;
  code: string;
  title: string;
  unitName: string;
  category: I18nText;
  version: number;
  by: string;
  /** `YYYY-MM-DD HH:mm` */
  at: string;
  deadline: I18nText;
  timeliness: I18nText;
  totals: I18nText;
  listFile: string;
  digest: string;
  gaps?: I18nText;
  originals?: I18nText;
  retention: Retention;
  /** Set once decided: what happened, and the archive numbers once assigned. */
  decided?: { text: I18nText; numbers?: I18nText; numbering?: boolean; accepted: boolean };
}

export interface HandoverNoticeView {
  activityId: string;
  title: I18nText;
  body: I18nText;
  color: 'red' | 'orange' | 'green';
  extra?: I18nText;
  /** Offer "submit again" (after a return). */
  resubmit?: boolean;
}

export interface OriginalLine {
  materialId: string;
  text: I18nText;
  /** `YYYY-MM-DD HH:mm` once received. */
  receivedAt?: string;
}

export interface OriginalsView {
  activityId: string;
  code: string;
  lines: OriginalLine[];
  /** Lines not shown (the card holds 30). */
  more: number;
}

export interface ArchiveSearchView {
  query: I18nText;
  items: { activityId: string; text: I18nText }[];
  more: boolean;
  limit: number;
}

export interface AssessmentRowView {
  rank: number;
  unitName: string;
  score: number;
  registered: number;
  onTime: number;
  lateWithExtension: number;
  lateWithout: number;
  overdue: number;
  /** `95%` or `—`. */
  completeness: string;
  returns: number;
  criticisms: number;
}

export interface AssessmentView {
  year: number;
  asOf: string;
  rulesFile: string;
  rows: AssessmentRowView[];
  reportFile?: string;
  noticeSent: boolean;
}

export interface CriticismFormView {
  year: number;
  units: { value: string; label: I18nText }[];
  reasons: { value: string; label: I18nText }[];
  error?: I18nText;
}
