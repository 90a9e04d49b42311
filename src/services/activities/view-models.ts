import { td } from '../../i18n/messages-deadline';
import type {
  ActivityListItem,
  ActivitySummaryView,
  AuditLine,
  ChecklistLine,
  MaterialCountsView,
  Option,
} from '../../../cards/activity-views';
import type { ActivityDoc, AuditEventDoc } from '../../db/models/activity';
import { stateLabel } from '../../domain/activity-lifecycle';
import {
  CATEGORIES,
  categoryOf,
  materialChecklist,
  type MaterialKind,
} from '../../domain/categories';
import { deadlineState, formatInTz } from '../../domain/deadline';
import type { Directory } from '../../domain/directory';
import { displayName } from '../../domain/roles';
import { t, tPerLang, type I18nText } from '../../i18n/t';
import { materialAuditText } from '../materials/audit-text';

export interface ViewContext {
  dir: Directory;
  tz: string;
  now: Date;
}

const unitName = (code: string, dir: Directory) =>
  dir.units.find((u) => u.code === code)?.name ?? code;

/** Deadline note and tone from the pure deadline rules. */
export function deadlineNote(
  a: ActivityDoc,
  ctx: ViewContext,
): { note: I18nText; tone: ActivitySummaryView['deadlineTone'] } {
  if (a.state === 'cancelled') return { note: t('deadline.cancelled'), tone: 'done' };
  const state = deadlineState({
    deadline: a.effectiveDeadline,
    now: ctx.now,
    tz: ctx.tz,
    ...(a.state === 'accepted' ? { acceptedAt: a.updatedAt } : {}),
    ...(a.state === 'handover_submitted' ? { handedOverAt: a.updatedAt } : {}),
  });
  switch (state.kind) {
    case 'accepted':
      return { note: t('deadline.accepted'), tone: 'done' };
    case 'handed_over':
      return { note: t('deadline.handedOver'), tone: 'done' };
    case 'due_today':
      return { note: t('deadline.today'), tone: 'soon' };
    case 'overdue':
      return { note: t('deadline.overdue', { days: state.daysOverdue }), tone: 'overdue' };
    case 'due_soon':
      return { note: t('deadline.left', { days: state.daysLeft }), tone: 'soon' };
    case 'on_time':
      return { note: t('deadline.left', { days: state.daysLeft }), tone: 'ok' };
  }
}

const stateText = (a: ActivityDoc): I18nText => ({
  zh_cn: stateLabel(a.state, 'zh_cn'),
  en_us: stateLabel(a.state, 'en_us'),
});

/** The common fields every activity card shows. */
export function summaryView(a: ActivityDoc, ctx: ViewContext): ActivitySummaryView {
  const category = categoryOf(a.category);
  const { note, tone } = deadlineNote(a, ctx);
  return {
    activityId: a._id,
    code: a.code,
    title: a.title,
    category: { zh_cn: category.zh_cn, en_us: category.en_us },
    unit: unitName(a.unit, ctx.dir),
    coUnits: a.coUnits.map((c) => unitName(c, ctx.dir)),
    startAt: formatInTz(a.startAt, ctx.tz),
    endAt: formatInTz(a.endAt, ctx.tz),
    ...(a.location ? { location: a.location } : {}),
    contactName: displayName(a.contact, ctx.dir),
    state: stateText(a),
    deadline: formatInTz(a.effectiveDeadline, ctx.tz, 'YYYY-MM-DD'),
    deadlineNote: note,
    deadlineTone: tone,
  };
}

export function listItem(a: ActivityDoc, ctx: ViewContext): ActivityListItem {
  const s = summaryView(a, ctx);
  return {
    activityId: s.activityId,
    code: s.code,
    title: s.title,
    unit: s.unit,
    state: s.state,
    deadline: s.deadline,
    deadlineNote: s.deadlineNote,
    deadlineTone: s.deadlineTone,
  };
}

const KIND_COUNT: Record<MaterialKind, keyof MaterialCountsView> = {
  document: 'documents',
  photo: 'photos',
  audio: 'audio',
  video: 'video',
  link: 'links',
  physical: 'physical',
};

/** The category's checklist; an entry counts as done when material of its kind exists. */
export function checklistLines(a: ActivityDoc, counts: MaterialCountsView): ChecklistLine[] {
  return materialChecklist(a.category).map((item) => ({
    label: { zh_cn: item.zh_cn, en_us: item.en_us },
    done: counts[KIND_COUNT[item.kind]] > 0,
    required: item.required,
  }));
}

export function categoryOptions(): Option[] {
  return CATEGORIES.map((c) => ({
    value: String(c.code),
    label: { zh_cn: `${c.code}. ${c.short_zh}`, en_us: `${c.code}. ${c.short_en}` },
  }));
}

export function unitOptions(dir: Directory): Option[] {
  return dir.units
    .filter((u) => u.active)
    .map((u) => ({ value: u.code, label: { zh_cn: u.name, en_us: `${u.name} (${u.code})` } }));
}

const FIELD_KEYS = ['title', 'category', 'start_at', 'end_at', 'location', 'summary'] as const;

/** One line of the audit log as people read it. */
export function auditLine(e: AuditEventDoc, ctx: ViewContext): AuditLine {
  const base = {
    at: formatInTz(e.at, ctx.tz, 'MM-DD HH:mm'),
    actorName: displayName(e.actor, ctx.dir),
  };
  const chat = String(
    (e.changes.find((c) => c.field === 'chat')?.after as string | undefined) ?? '',
  );
  switch (e.action) {
    case 'registered':
      return { ...base, text: t('audit.registered') };
    case 'cancelled':
      return { ...base, text: t('audit.cancelled', { reason: e.reason ?? '' }) };
    case 'restored':
      return { ...base, text: t('audit.restored') };
    case 'bound':
      return { ...base, text: t('audit.bound', { chat }) };
    case 'rebound':
      return { ...base, text: t('audit.rebound', { chat }) };
    case 'extension.requested':
    case 'extension.approved':
    case 'extension.rejected':
    case 'deadline.reminded': {
      const after = e.changes.find((c) => c.field === 'deadline')?.after;
      const date = after instanceof Date ? formatInTz(after, ctx.tz, 'YYYY-MM-DD') : '';
      return { ...base, text: td(`audit.${e.action}`, { date }) };
    }
    case 'material.added':
    case 'material.removed':
    case 'material.replaced':
    case 'material.filed':
      return { ...base, text: materialAuditText(e) };
    case 'unbound': {
      const before = e.changes[0]?.before;
      return {
        ...base,
        text: t('audit.unbound', { chat: typeof before === 'string' ? before : '' }),
      };
    }
    default: {
      const fields = e.changes
        .map((c) => c.field)
        .filter((f): f is (typeof FIELD_KEYS)[number] =>
          (FIELD_KEYS as readonly string[]).includes(f),
        );
      return {
        ...base,
        text: tPerLang('audit.edited', (lang) => ({
          fields: fields.map((f) => t(`field.${f}`)[lang]).join(lang === 'zh_cn' ? '、' : ', '),
        })),
      };
    }
  }
}
