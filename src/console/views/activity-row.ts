import type { ActivitySummaryDoc } from '../../db/models/activity-summary';
import { stateLabel } from '../../domain/activity-lifecycle';
import { categoryLabel } from '../../domain/categories';
import { deadlineState, formatInTz } from '../../domain/deadline';
import type { Directory } from '../../domain/directory';
import type { ConsoleLang, Translate } from '../i18n';

/** One table row as plain strings (shared by the HTML table and the XLSX export). */
export interface ActivityRowView {
  id: string;
  code: string;
  title: string;
  category: string;
  unit: string;
  start: string;
  end: string;
  state: string;
  deadline: string;
  /** "剩 5 天" / "逾期 3 天" / "—", and how urgent (for the badge). */
  daysLeft: string;
  urgency: 'bad' | 'warn' | 'ok' | 'none';
  materials: number;
  undescribed: number;
  extension: string;
  handover: string;
  contact: string;
}

export interface RowContext {
  lang: ConsoleLang;
  t: Translate;
  tz: string;
  now: Date;
  dir: Directory;
}

const handoverKey = {
  registered: 'console.handover.none',
  collecting: 'console.handover.none',
  ended: 'console.handover.none',
  cancelled: 'console.handover.none',
  handover_submitted: 'console.handover.submitted',
  returned: 'console.handover.returned',
  accepted: 'console.handover.accepted',
} as const;

export function activityRow(s: ActivitySummaryDoc, c: RowContext): ActivityRowView {
  const day = (d: Date) => formatInTz(d, c.tz, 'YYYY-MM-DD');
  const closed = s.state === 'accepted' || s.state === 'cancelled';
  const ds = deadlineState({
    deadline: s.effectiveDeadline,
    now: c.now,
    tz: c.tz,
    ...(s.state === 'accepted' ? { acceptedAt: s.effectiveDeadline } : {}),
    ...(s.state === 'handover_submitted' ? { handedOverAt: s.effectiveDeadline } : {}),
  });
  let daysLeft = c.t('console.days.done');
  let urgency: ActivityRowView['urgency'] = 'none';
  if (!closed) {
    if (ds.kind === 'overdue') {
      daysLeft = c.t('console.days.overdue', { days: ds.daysOverdue });
      urgency = 'bad';
    } else if (ds.kind === 'due_today') {
      daysLeft = c.t('console.days.today');
      urgency = 'warn';
    } else if (ds.kind === 'due_soon' || ds.kind === 'on_time') {
      daysLeft = c.t('console.days.left', { days: ds.daysLeft });
      urgency = ds.kind === 'due_soon' ? 'warn' : 'ok';
    }
  }
  const extension = s.extensionPending
    ? c.t('console.extension.pending')
    : s.extendedDeadline
      ? c.t('console.extension.granted', { date: day(s.extendedDeadline) })
      : c.t('console.extension.none');
  return {
    id: s._id,
    code: s.code,
    title: s.title,
    category: categoryLabel(s.category, c.lang, 'short'),
    unit: c.dir.units.find((u) => u.code === s.unit)?.name ?? s.unit,
    start: day(s.startAt),
    end: day(s.endAt),
    state: stateLabel(s.state, c.lang),
    deadline: day(s.effectiveDeadline),
    daysLeft,
    urgency,
    materials: s.materials,
    undescribed: s.undescribed,
    extension,
    handover: c.t(handoverKey[s.state]),
    contact: c.dir.people.find((p) => p.openId === s.contact)?.name ?? s.contact,
  };
}
