import type { ActivityListFilters, RegistrationValues } from '../../../cards/activity-views';
import type { CardAction } from '../../../cards/actions';
import type { Card } from '../../../cards/card';
import { activityCancelFormCard } from '../../../cards/activity-cancel-form';
import { activityEditFormCard } from '../../../cards/activity-edit-form';
import { rebindConfirmCard } from '../../../cards/rebind-confirm';
import type { AppDeps } from '../../app/deps';
import { formatInTz } from '../../domain/deadline';
import { DomainError } from '../../domain/errors';
import { rolesOf } from '../../domain/roles';
import { t } from '../../i18n/t';
import { enqueueTask } from '../../inbox/intake';
import {
  confirmationCardFor,
  listCardFor,
  registrationFormFor,
  statusCardFor,
  type Where,
} from '../../services/activities/cards';
import {
  bindChat,
  cancelActivity,
  editActivity,
  loadManaged,
  restoreActivity,
} from '../../services/activities/manage';
import { registerActivity } from '../../services/activities/register';
import { categoryOptions } from '../../services/activities/view-models';
import { toast, type CardActionContext, type CardResponse } from './types';

type Act<K extends CardAction['action']> = (
  a: Extract<CardAction, { action: K }>,
  ctx: CardActionContext,
  deps: AppDeps,
) => Promise<CardResponse>;

/** Task type for creating an activity's group chat (slow: it goes through the inbox). */
export const CREATE_CHAT_TASK = 'task.activity_create_chat';

/** The callback answer that replaces the tapped card. */
const raw = (data: Card) => ({ type: 'raw' as const, data });
const where = (ctx: CardActionContext, chatType: 'p2p' | 'group' = 'group'): Where => ({
  chatType,
  ...(ctx.openChatId ? { chatId: ctx.openChatId } : {}),
});

const strings = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** What the person typed, echoed back into the form after a validation error. */
function echoValues(form: Record<string, unknown> | undefined): RegistrationValues {
  const f = form ?? {};
  const dt = (v: unknown) => strings(v)?.replace(/ [+-]\d{4}$/, '');
  const out: RegistrationValues = {};
  for (const key of ['title', 'category', 'unit', 'location', 'summary', 'contact'] as const) {
    const value = strings(f[key]);
    if (value !== undefined) out[key] = value;
  }
  if (Array.isArray(f.co_units))
    out.co_units = f.co_units.filter((x): x is string => typeof x === 'string');
  const start = dt(f.start_at);
  const end = dt(f.end_at);
  if (start) out.start_at = start;
  if (end) out.end_at = end;
  return out;
}

const register: Act<'activity.register.submit'> = async (a, ctx, deps) => {
  const outcome = await registerActivity(
    ctx.formValue,
    {
      operator: ctx.operatorOpenId,
      draftId: a.draftId,
      ...(ctx.openChatId ? { chatId: ctx.openChatId } : {}),
    },
    deps,
  );
  if (!outcome.ok) {
    const card = await registrationFormFor(ctx.operatorOpenId, where(ctx, a.chatType), deps, {
      draftId: a.draftId,
      values: echoValues(ctx.formValue),
      errors: outcome.errors,
    });
    return { toast: toast('error', t('errors.validation_failed')), card: raw(card) };
  }
  const card = await confirmationCardFor(
    outcome.activity,
    ctx.operatorOpenId,
    where(ctx, a.chatType),
    deps,
    { justCreated: outcome.created },
  );
  return {
    toast: toast('success', t('activity.registered', { code: outcome.activity.code })),
    card: raw(card),
  };
};

const bind =
  (confirmed: boolean): Act<'activity.bind_chat' | 'activity.bind_chat.confirm'> =>
  async (a, ctx, deps) => {
    if (!ctx.openChatId) return { toast: toast('error', t('activity.notInGroup')) };
    const outcome = await bindChat(
      a.activityId,
      ctx.openChatId,
      ctx.operatorOpenId,
      confirmed,
      deps,
    );
    if (outcome.kind === 'confirm') {
      return {
        card: raw(
          rebindConfirmCard({
            activityId: a.activityId,
            code: outcome.activity.code,
            title: outcome.activity.title,
            currentCode: outcome.current.code,
            currentTitle: outcome.current.title,
          }),
        ),
      };
    }
    const card = await confirmationCardFor(outcome.activity, ctx.operatorOpenId, where(ctx), deps);
    const text =
      outcome.kind === 'already'
        ? t('activity.alreadyBoundHere', { code: outcome.activity.code })
        : t('activity.bound', { code: outcome.activity.code });
    return { toast: toast(outcome.kind === 'already' ? 'info' : 'success', text), card: raw(card) };
  };

const createChat: Act<'activity.create_chat'> = async (a, ctx, deps) => {
  const { activity } = await loadManaged(a.activityId, ctx.operatorOpenId, deps);
  if (activity.chatId) return { toast: toast('info', t('activity.chatExists')) };
  await enqueueTask(deps.repos.inbox, deps.clock, {
    key: `create-chat:${activity._id}`,
    type: CREATE_CHAT_TASK,
    payload: { activityId: activity._id, operator: ctx.operatorOpenId },
  });
  return { toast: toast('info', t('activity.chatCreating')) };
};

const status: Act<'activity.status'> = async (a, ctx, deps) => {
  const activity = await deps.repos.activities.findById(a.activityId);
  if (!activity) throw new DomainError('activity_not_found');
  return { card: raw(await statusCardFor(activity, ctx.operatorOpenId, where(ctx), deps)) };
};

const editOpen: Act<'activity.edit.open'> = async (a, ctx, deps) => {
  const { activity } = await loadManaged(a.activityId, ctx.operatorOpenId, deps);
  const tz = deps.config.tz;
  return {
    card: raw(
      activityEditFormCard({
        activityId: activity._id,
        code: activity.code,
        categories: categoryOptions(),
        values: {
          title: activity.title,
          category: String(activity.category),
          start_at: formatInTz(activity.startAt, tz),
          end_at: formatInTz(activity.endAt, tz),
          ...(activity.location ? { location: activity.location } : {}),
          ...(activity.summary ? { summary: activity.summary } : {}),
        },
      }),
    ),
  };
};

const editSubmit: Act<'activity.edit.submit'> = async (a, ctx, deps) => {
  const outcome = await editActivity(a.activityId, ctx.formValue, ctx.operatorOpenId, deps);
  if (!outcome.ok) {
    const { activity } = await loadManaged(a.activityId, ctx.operatorOpenId, deps);
    const values = echoValues(ctx.formValue);
    return {
      toast: toast('error', t('errors.validation_failed')),
      card: raw(
        activityEditFormCard({
          activityId: activity._id,
          code: activity.code,
          categories: categoryOptions(),
          values,
          errors: outcome.errors,
        }),
      ),
    };
  }
  const card = await statusCardFor(outcome.activity, ctx.operatorOpenId, where(ctx), deps);
  return {
    toast: toast(
      'success',
      outcome.changed.length ? t('activity.edited') : t('activity.noChanges'),
    ),
    card: raw(card),
  };
};

const cancelOpen: Act<'activity.cancel.open'> = async (a, ctx, deps) => {
  const { activity } = await loadManaged(a.activityId, ctx.operatorOpenId, deps);
  return {
    card: raw(
      activityCancelFormCard({
        activityId: activity._id,
        code: activity.code,
        title: activity.title,
      }),
    ),
  };
};

const cancelSubmit: Act<'activity.cancel.submit'> = async (a, ctx, deps) => {
  const reason = strings(ctx.formValue?.reason)?.trim() ?? '';
  if (!reason) {
    const { activity } = await loadManaged(a.activityId, ctx.operatorOpenId, deps);
    return {
      toast: toast('error', t('activity.cancelReasonRequired')),
      card: raw(
        activityCancelFormCard({
          activityId: activity._id,
          code: activity.code,
          title: activity.title,
          error: t('activity.cancelReasonRequired'),
        }),
      ),
    };
  }
  const activity = await cancelActivity(
    a.activityId,
    reason.slice(0, 500),
    ctx.operatorOpenId,
    deps,
  );
  return {
    toast: toast('success', t('activity.cancelled')),
    card: raw(await statusCardFor(activity, ctx.operatorOpenId, where(ctx), deps)),
  };
};

const restore: Act<'activity.restore'> = async (a, ctx, deps) => {
  const activity = await restoreActivity(a.activityId, ctx.operatorOpenId, deps);
  return {
    toast: toast('success', t('activity.restored')),
    card: raw(await statusCardFor(activity, ctx.operatorOpenId, where(ctx), deps)),
  };
};

async function requireArchivist(operator: string, deps: AppDeps): Promise<void> {
  if (!rolesOf(operator, await deps.directory.load()).archivist)
    throw new DomainError('not_archivist');
}

const list: Act<'activity.list'> = async (a, ctx, deps) => {
  if (a.scope === 'all') await requireArchivist(ctx.operatorOpenId, deps);
  return { card: raw(await listCardFor(a.scope, ctx.operatorOpenId, a.page, a.filters, deps)) };
};

const listFilter: Act<'activity.list.filter'> = async (_a, ctx, deps) => {
  await requireArchivist(ctx.operatorOpenId, deps);
  const f = ctx.formValue ?? {};
  const filters: ActivityListFilters = {};
  for (const key of ['state', 'category', 'unit', 'year', 'q'] as const) {
    const value = strings(f[key])?.trim();
    if (value) filters[key] = value.slice(0, 100);
  }
  if (strings(f.overdue) === 'yes') filters.overdue = true;
  if (strings(f.overdue) === 'no') filters.overdue = false;
  return { card: raw(await listCardFor('all', ctx.operatorOpenId, 1, filters, deps)) };
};

/** Activity card actions, merged into the router's table. */
export const activityActions = {
  'activity.register.submit': register,
  'activity.bind_chat': bind(false),
  'activity.bind_chat.confirm': bind(true),
  'activity.create_chat': createChat,
  'activity.status': status,
  'activity.edit.open': editOpen,
  'activity.edit.submit': editSubmit,
  'activity.cancel.open': cancelOpen,
  'activity.cancel.submit': cancelSubmit,
  'activity.restore': restore,
  'activity.list': list,
  'activity.list.filter': listFilter,
};
