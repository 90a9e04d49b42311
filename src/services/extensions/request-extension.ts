import { extensionFormCard, type ExtensionFormView } from '../../../cards/extension-form';
import type { Card } from '../../../cards/card';
import type { AppDeps } from '../../app/deps';
import { ExtensionRepo } from '../../db/extension-repo';
import type { ActivityDoc } from '../../db/models/activity';
import type { ExtensionRequestDoc } from '../../db/models/extension';
import { formatInTz, parseFeishuDate } from '../../domain/deadline';
import { DomainError } from '../../domain/errors';
import { EXTENDABLE_STATES, requestExtension } from '../../domain/extension';
import { td, tdPerLang } from '../../i18n/messages-deadline';
import type { I18nText } from '../../i18n/t';
import { enqueueTask } from '../../inbox/intake';
import { deciderLabel } from './extension-views';

/** Inbox task that sends the decision card(s) of a new request. */
export const EXTENSION_REQUESTED_TASK = 'task.extension_requested';

/** Loads the activity, refusing anyone but its registrant or contact (the domain rule's first check). */
async function loadForRequest(activityId: string, operator: string, deps: AppDeps) {
  const [activity, dir] = await Promise.all([
    deps.repos.activities.findById(activityId),
    deps.directory.load(),
  ]);
  if (!activity) throw new DomainError('activity_not_found');
  if (operator !== activity.registrant && operator !== activity.contact)
    throw new DomainError('not_allowed', { action: 'request_extension' });
  return { activity, dir };
}

function formView(
  activity: ActivityDoc,
  decider: I18nText,
  deps: AppDeps,
  extra: Pick<ExtensionFormView, 'values' | 'errors'> = {},
): ExtensionFormView {
  return {
    activityId: activity._id,
    code: activity.code,
    title: activity.title,
    deadline: formatInTz(activity.effectiveDeadline, deps.config.tz, 'YYYY-MM-DD'),
    decider,
    ...extra,
  };
}

export type OpenFormOutcome = { kind: 'form'; card: Card } | { kind: 'pending'; text: I18nText };

/** The request form, or a note that a request is already waiting (one at a time per activity). */
export async function openExtensionForm(
  activityId: string,
  operator: string,
  deps: AppDeps,
): Promise<OpenFormOutcome> {
  const { activity, dir } = await loadForRequest(activityId, operator, deps);
  const latest = await deps.repos.extensions.latestFor(activity._id);
  const decider = deciderLabel(activity.unit, dir);
  if (latest?.status === 'pending') {
    const date = formatInTz(latest.requestedDeadline, deps.config.tz, 'YYYY-MM-DD');
    return {
      kind: 'pending',
      text: tdPerLang('ext.form.pending', (lang) => ({ decider: decider[lang], date })),
    };
  }
  // The submit runs the full rule; the form is not even offered once the deadline no longer runs.
  if (!EXTENDABLE_STATES.includes(activity.state))
    throw new DomainError('invalid_transition', {
      from: activity.state,
      event: 'request_extension',
    });
  return { kind: 'form', card: extensionFormCard(formView(activity, decider, deps)) };
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export type SubmitOutcome =
  | { kind: 'invalid'; card: Card }
  | { kind: 'pending'; text: I18nText }
  | { kind: 'submitted'; request: ExtensionRequestDoc; activity: ActivityDoc; decider: I18nText };

/**
 * Validates the form (domain rule), stores the request once (a double submit races for the same
 * `_id`), records it in the activity's history and queues the decision card for the decider.
 */
export async function submitExtension(
  activityId: string,
  operator: string,
  form: Record<string, unknown> | undefined,
  deps: AppDeps,
): Promise<SubmitOutcome> {
  const { activity, dir } = await loadForRequest(activityId, operator, deps);
  const decider = deciderLabel(activity.unit, dir);
  const latest = await deps.repos.extensions.latestFor(activity._id);
  if (latest?.status === 'pending') {
    const date = formatInTz(latest.requestedDeadline, deps.config.tz, 'YYYY-MM-DD');
    if (latest.requester === operator && latest.reason === text(form?.reason).trim())
      return { kind: 'submitted', request: latest, activity, decider };
    return {
      kind: 'pending',
      text: tdPerLang('ext.form.pending', (lang) => ({ decider: decider[lang], date })),
    };
  }
  const rawDate = text(form?.new_date).trim();
  const values = { date: rawDate.slice(0, 10), reason: text(form?.reason) };
  const now = deps.clock.now();
  const invalid = (errors: ExtensionFormView['errors']): SubmitOutcome => ({
    kind: 'invalid',
    card: extensionFormCard(formView(activity, decider, deps, { values, errors })),
  });
  const day = parseFeishuDate(rawDate, deps.config.tz);
  if (!day) return invalid({ date: true, ...(values.reason.trim() ? {} : { reason: true }) });
  let valid;
  try {
    valid = requestExtension({
      activityState: activity.state,
      currentDeadline: activity.effectiveDeadline,
      requestedDate: day,
      reason: values.reason,
      requester: operator,
      registrant: activity.registrant,
      contact: activity.contact,
      tz: deps.config.tz,
      now,
    });
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    if (err.code === 'validation_failed' && err.details?.field === 'reason')
      return invalid({ reason: true });
    if (err.code === 'extension_not_later' || err.code === 'validation_failed')
      return invalid({ date: true });
    throw err;
  }
  const seq = (latest?.seq ?? 0) + 1;
  const request: ExtensionRequestDoc = {
    _id: ExtensionRepo.requestId(activity._id, seq),
    activityId: activity._id,
    seq,
    unit: activity.unit,
    requester: operator,
    currentDeadline: activity.effectiveDeadline,
    requestedDeadline: valid.newDeadline,
    reason: valid.reason,
    status: 'pending',
    createdAt: now,
    cards: [],
  };
  if (!(await deps.repos.extensions.create(request))) {
    const winner = await deps.repos.extensions.findById(request._id);
    return winner
      ? { kind: 'submitted', request: winner, activity, decider }
      : { kind: 'pending', text: td('ext.toast.pending') };
  }
  await deps.repos.activities.recordAudit({
    activityId: activity._id,
    at: now,
    actor: operator,
    action: 'extension.requested',
    changes: [{ field: 'deadline', before: activity.effectiveDeadline, after: valid.newDeadline }],
    reason: valid.reason,
  });
  await enqueueTask(deps.repos.inbox, deps.clock, {
    key: `ext-requested:${request._id}`,
    type: EXTENSION_REQUESTED_TASK,
    payload: { requestId: request._id },
  });
  return { kind: 'submitted', request, activity, decider };
}
