import { randomUUID } from 'node:crypto';
import type {
  ActivityListFilters,
  MaterialCountsView,
  RegistrationValues,
} from '../../../cards/activity-views';
import { activityConfirmationCard } from '../../../cards/activity-confirmation';
import { activityListCard } from '../../../cards/activity-list';
import { activityStatusCard } from '../../../cards/activity-status';
import type { Card } from '../../../cards/card';
import { registrationFormCard } from '../../../cards/registration-form';
import type { AppDeps } from '../../app/deps';
import type { ActivityQuery } from '../../db/activity-repo';
import type { ActivityDoc } from '../../db/models/activity';
import type { ExtensionRequestDoc } from '../../db/models/extension';
import { formatInTz } from '../../domain/deadline';
import { td } from '../../i18n/messages-deadline';
import { ACTIVITY_STATES, isActivityState, stateLabel } from '../../domain/activity-lifecycle';
import { activityButtons } from '../../domain/activity-permissions';
import { isCategoryCode } from '../../domain/categories';
import { rolesOf } from '../../domain/roles';
import { withCurrentState } from './lifecycle';
import { acceptedStatusText } from '../handover/originals';
import { t, type I18nText } from '../../i18n/t';
import {
  auditLine,
  categoryOptions,
  checklistLines,
  listItem,
  summaryView,
  unitOptions,
  type ViewContext,
} from './view-models';

export interface Where {
  chatType: 'p2p' | 'group';
  chatId?: string;
}

export const LIST_PAGE_SIZE = 10;

const NO_MATERIALS = {
  documents: 0,
  photos: 0,
  audio: 0,
  video: 0,
  links: 0,
  physical: 0,
  undescribed: 0,
};

async function context(deps: AppDeps): Promise<ViewContext> {
  return { dir: await deps.directory.load(), tz: deps.config.tz, now: deps.clock.now() };
}

/** The registration form, prefilled with the sender's unit and themselves as contact. */
export async function registrationFormFor(
  viewer: string,
  where: Where,
  deps: AppDeps,
  prior?: {
    draftId: string;
    values: RegistrationValues;
    errors: Partial<Record<keyof RegistrationValues, I18nText>>;
  },
): Promise<Card> {
  const dir = await deps.directory.load();
  const roles = rolesOf(viewer, dir);
  const candidates = [...new Set([viewer, ...dir.units.flatMap((u) => u.contacts)])];
  return registrationFormCard({
    draftId: prior?.draftId ?? randomUUID().replace(/-/g, '').slice(0, 20),
    units: unitOptions(dir),
    categories: categoryOptions(),
    contactCandidates: candidates,
    values: prior?.values ?? { ...(roles.unit ? { unit: roles.unit } : {}), contact: viewer },
    ...(prior?.errors ? { errors: prior.errors } : {}),
    chatType: where.chatType,
  });
}

/** An activity's materials counted by kind, as the cards show them. */
export async function materialCounts(a: ActivityDoc, deps: AppDeps): Promise<MaterialCountsView> {
  const { byKind, undescribed } = await deps.repos.activities.countMaterials(a._id);
  const n = (k: string) => byKind[k] ?? 0;
  return {
    documents: n('document'),
    photos: n('photo'),
    audio: n('audio'),
    video: n('video'),
    links: n('link'),
    physical: n('physical'),
    undescribed,
  };
}

/** The card that replaces the registration form after a successful submit. */
export async function confirmationCardFor(
  a: ActivityDoc,
  viewer: string,
  where: Where,
  deps: AppDeps,
  opts: { justCreated?: boolean } = {},
): Promise<Card> {
  const ctx = await context(deps);
  // An activity created a moment ago has no materials yet; skip the count on the registration hot path.
  const counts = opts.justCreated ? NO_MATERIALS : await materialCounts(a, deps);
  return activityConfirmationCard({
    ...summaryView(a, ctx),
    checklist: checklistLines(a, counts),
    buttons: activityButtons(rolesOf(viewer, ctx.dir), a, { ...where, showStatus: true }),
    ...(where.chatId && a.chatId === where.chatId
      ? { boundChatName: a.chatName ?? where.chatId }
      : {}),
  });
}

/** The status card's extension line: pending (to which date), approved (new deadline), rejected, or none. */
function extensionLine(
  a: ActivityDoc,
  latest: ExtensionRequestDoc | null,
  ctx: ViewContext,
  deps: AppDeps,
): I18nText {
  if (latest?.status === 'pending')
    return td('ext.status.pending', {
      date: formatInTz(latest.requestedDeadline, deps.config.tz, 'YYYY-MM-DD'),
    });
  if (a.extendedDeadline) return t('extension.approved', { date: summaryView(a, ctx).deadline });
  if (latest?.status === 'rejected') return td('ext.status.rejected_line');
  return t('extension.none');
}

/** Everything about one activity at a glance, with the next steps this viewer may take. */
export async function statusCardFor(
  current: ActivityDoc,
  viewer: string,
  where: Where,
  deps: AppDeps,
): Promise<Card> {
  const a = await withCurrentState(current, deps);
  const ctx = await context(deps);
  const [counts, audit, extensionRequest] = await Promise.all([
    materialCounts(a, deps),
    deps.repos.activities.recentAudit(a._id, 5),
    deps.repos.extensions.latestFor(a._id),
  ]);
  const handover =
    (await acceptedStatusText(a, deps)) ??
    (a.state === 'accepted'
      ? t('handover.accepted')
      : a.state === 'handover_submitted'
        ? t('handover.submitted')
        : a.state === 'returned'
          ? t('handover.returned')
          : t('handover.none'));
  return activityStatusCard({
    ...summaryView(a, ctx),
    materials: counts,
    checklist: checklistLines(a, counts),
    extension: extensionLine(a, extensionRequest, ctx, deps),
    handover,
    ...(a.cancelReason ? { cancelReason: a.cancelReason } : {}),
    recentChanges: audit.map((e) => auditLine(e, ctx)),
    // One request at a time: while one waits, the button would only say so.
    buttons: activityButtons(rolesOf(viewer, ctx.dir), a, { ...where, showStatus: false }).filter(
      (b) => b !== 'request_extension' || extensionRequest?.status !== 'pending',
    ),
  });
}

/** Turns the list card's filter values into a repository query. */
export function toQuery(filters: ActivityListFilters | undefined, now: Date): ActivityQuery {
  const q: ActivityQuery = {};
  if (filters?.state && isActivityState(filters.state)) q.state = filters.state;
  if (filters?.category && isCategoryCode(Number(filters.category)))
    q.category = Number(filters.category);
  if (filters?.unit) q.unit = filters.unit;
  if (filters?.year && /^\d{4}$/.test(filters.year)) q.year = Number(filters.year);
  if (filters?.overdue === true) q.overdueAt = now;
  if (filters?.overdue === false) q.notOverdueAt = now;
  if (filters?.q?.trim()) q.q = filters.q.trim();
  return q;
}

/** "My activities" (registered or handled by the viewer) or, for archivists, all activities with filters. */
export async function listCardFor(
  scope: 'mine' | 'all',
  viewer: string,
  page: number,
  filters: ActivityListFilters | undefined,
  deps: AppDeps,
): Promise<Card> {
  const ctx = await context(deps);
  const query = scope === 'mine' ? { person: viewer } : toQuery(filters, ctx.now);
  const result = await deps.repos.activities.list(query, page, LIST_PAGE_SIZE);
  const pageCount = Math.max(1, Math.ceil(result.total / LIST_PAGE_SIZE));
  const years = scope === 'all' ? await deps.repos.activities.years() : [];
  return activityListCard({
    scope,
    items: result.items.map((a) => listItem(a, ctx)),
    page,
    pageCount,
    total: result.total,
    ...(scope === 'all'
      ? {
          filters: filters ?? {},
          filterOptions: {
            states: ACTIVITY_STATES.map((s) => ({
              value: s,
              label: { zh_cn: stateLabel(s, 'zh_cn'), en_us: stateLabel(s, 'en_us') },
            })),
            categories: categoryOptions(),
            units: unitOptions(ctx.dir),
            years: years.map((y) => ({
              value: String(y),
              label: { zh_cn: `${y}年`, en_us: String(y) },
            })),
          },
        }
      : {}),
  });
}
