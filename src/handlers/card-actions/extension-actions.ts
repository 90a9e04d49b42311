import type { CardAction } from '../../../cards/actions';
import type { AppDeps } from '../../app/deps';
import { tdPerLang } from '../../i18n/messages-deadline';
import { t } from '../../i18n/t';
import { decideExtensionRequest } from '../../services/extensions/decide-extension';
import { openExtensionForm, submitExtension } from '../../services/extensions/request-extension';
import { remindContactNow } from '../../services/deadlines/remind-now';
import { toast, type CardActionContext, type CardResponse } from './types';
import { extensionSubmittedCard } from '../../../cards/extension-form';
import { formatInTz } from '../../domain/deadline';

type Act<K extends CardAction['action']> = (
  a: Extract<CardAction, { action: K }>,
  ctx: CardActionContext,
  deps: AppDeps,
) => Promise<CardResponse>;

const open: Act<'extension.open'> = async (a, ctx, deps) => {
  const outcome = await openExtensionForm(a.activityId, ctx.operatorOpenId, deps);
  if (outcome.kind === 'pending') return { toast: toast('info', outcome.text) };
  return { card: { type: 'raw', data: outcome.card } };
};

const submit: Act<'extension.submit'> = async (a, ctx, deps) => {
  const outcome = await submitExtension(a.activityId, ctx.operatorOpenId, ctx.formValue, deps);
  if (outcome.kind === 'invalid') {
    return {
      toast: toast('error', t('errors.validation_failed')),
      card: { type: 'raw', data: outcome.card },
    };
  }
  if (outcome.kind === 'pending') return { toast: toast('info', outcome.text) };
  const date = formatInTz(outcome.request.requestedDeadline, deps.config.tz, 'YYYY-MM-DD');
  return {
    toast: toast(
      'success',
      tdPerLang('ext.toast.sent', (l) => ({ decider: outcome.decider[l] })),
    ),
    card: {
      type: 'raw',
      data: extensionSubmittedCard({
        code: outcome.activity.code,
        title: outcome.activity.title,
        date,
        decider: outcome.decider,
      }),
    },
  };
};

const decide: Act<'extension.decide'> = async (a, ctx, deps) => {
  const comment = typeof ctx.formValue?.comment === 'string' ? ctx.formValue.comment : undefined;
  const outcome = await decideExtensionRequest(
    a.requestId,
    a.decision,
    comment,
    ctx.operatorOpenId,
    deps,
  );
  return {
    toast: toast(outcome.toast.type, outcome.toast.text),
    ...(outcome.card ? { card: { type: 'raw' as const, data: outcome.card } } : {}),
  };
};

const remindNow: Act<'deadline.remind_now'> = async (a, ctx, deps) => {
  const outcome = await remindContactNow(a.activityId, ctx.operatorOpenId, deps);
  return { toast: toast(outcome.sent ? 'success' : 'info', outcome.text) };
};

/** Extension and overdue card actions, merged into the router's table. */
export const extensionActions = {
  'extension.open': open,
  'extension.submit': submit,
  'extension.decide': decide,
  'deadline.remind_now': remindNow,
};
