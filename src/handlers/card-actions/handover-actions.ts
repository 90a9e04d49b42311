import { randomUUID } from 'node:crypto';
import type { CardAction } from '../../../cards/actions';
import type { Card } from '../../../cards/card';
import { criticismFormCard } from '../../../cards/criticism-form';
import { handoverOriginalsCard } from '../../../cards/handover-originals';
import { noticeCard } from '../../../cards/notice';
import type { AppDeps } from '../../app/deps';
import { parseActivityCode } from '../../domain/activity-code';
import { DEFAULT_RETENTION, isRetention } from '../../domain/archive-number';
import { CRITICISM_LABELS, CRITICISM_REASONS, isCriticismReason } from '../../domain/assessment';
import { DomainError } from '../../domain/errors';
import { displayName, rolesOf } from '../../domain/roles';
import { th } from '../../i18n/messages-handover';
import { enqueueTask } from '../../inbox/intake';
import { loadManaged } from '../../services/activities/manage';
import { decideHandover, type DecisionInput } from '../../services/handover/decide';
import { reviewCardFor } from '../../services/handover/notify';
import { originalsView, receiveOriginal } from '../../services/handover/originals';
import { unitNameOf } from '../../services/handover/transfer-list';
import { toast, type CardActionContext, type CardResponse } from './types';

type Act<K extends CardAction['action']> = (
  a: Extract<CardAction, { action: K }>,
  ctx: CardActionContext,
  deps: AppDeps,
) => Promise<CardResponse>;

/** Task types run by the inbox (handlers/handover-tasks.ts). */
export const HANDOVER_CHECK_TASK = 'task.handover_check';
export const ARCHIVE_EXPORT_TASK = 'task.archive_export';

const raw = (data: Card) => ({ type: 'raw' as const, data });
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Where a task started from a tap answers: the chat of the card, else the person. */
const answerFor = (ctx: CardActionContext) =>
  ctx.openChatId
    ? { target: { chatId: ctx.openChatId } }
    : { target: { openId: ctx.operatorOpenId } };

async function requireArchivist(operator: string, deps: AppDeps): Promise<void> {
  if (!rolesOf(operator, await deps.directory.load()).archivist) {
    throw new DomainError('not_archivist');
  }
}

/** "Submit handover": checks who may, then runs the pre-check in the inbox (it reads every file). */
const submit: Act<'handover.submit'> = async (a, ctx, deps) => {
  await loadManaged(a.activityId, ctx.operatorOpenId, deps);
  // Every tap is its own check (files may have changed); a double submit is stopped by the version's unique id.
  await enqueueTask(deps.repos.inbox, deps.clock, {
    key: `handover-check:${a.activityId}:${randomUUID()}`,
    type: HANDOVER_CHECK_TASK,
    payload: {
      activityId: a.activityId,
      operator: ctx.operatorOpenId,
      confirm: a.confirm === true,
      answer: answerFor(ctx),
    },
  });
  return { toast: toast('info', th('ho.toast.checking')) };
};

/** The decided card, and who decided when the tap lost. */
async function decided(
  submissionId: string,
  won: boolean,
  by: string | undefined,
  wonText: Parameters<typeof th>[0],
  deps: AppDeps,
): Promise<CardResponse> {
  const s = await deps.repos.handover.submission(submissionId);
  if (!s) throw new DomainError('activity_not_found');
  const card = raw(await reviewCardFor(s, deps));
  if (won) return { toast: toast('success', th(wonText)), card };
  const name = displayName(by ?? s.decidedBy ?? '', await deps.directory.load());
  return { toast: toast('info', th('ho.toast.already', { name })), card };
}

const decide =
  (kind: 'accept' | 'return'): Act<'handover.accept' | 'handover.return'> =>
  async (a, ctx, deps) => {
    const form = ctx.formValue ?? {};
    const retention = str(form.retention);
    const reason = str(form.reason).trim();
    if (kind === 'return' && !reason) {
      await requireArchivist(ctx.operatorOpenId, deps);
      return { toast: toast('error', th('ho.toast.reasonRequired')) };
    }
    const input: DecisionInput =
      kind === 'accept'
        ? { kind, retention: isRetention(retention) ? retention : DEFAULT_RETENTION }
        : { kind, reason, minor: str(form.minor) === 'yes' };
    const outcome = await decideHandover(a.submissionId, ctx.operatorOpenId, input, deps);
    return decided(
      a.submissionId,
      outcome.won,
      outcome.decision?.by,
      kind === 'accept' ? 'ho.toast.accepted' : 'ho.toast.returned',
      deps,
    );
  };

const originals: Act<'handover.originals'> = async (a, ctx, deps) => {
  await requireArchivist(ctx.operatorOpenId, deps);
  const activity = await deps.repos.activities.findById(a.activityId);
  if (!activity) throw new DomainError('activity_not_found');
  const items = await deps.repos.handover.liveMaterials(activity._id);
  return { card: raw(handoverOriginalsCard(originalsView(activity, items, deps.config.tz))) };
};

const receive: Act<'handover.receive'> = async (a, ctx, deps) => {
  const { activity, changed } = await receiveOriginal(
    a.activityId,
    a.materialId,
    ctx.operatorOpenId,
    deps,
  );
  const items = await deps.repos.handover.liveMaterials(activity._id);
  return {
    toast: toast(
      changed ? 'success' : 'info',
      th(changed ? 'ho.orig.toast' : 'ho.orig.toast.already'),
    ),
    card: raw(handoverOriginalsCard(originalsView(activity, items, deps.config.tz))),
  };
};

const exportZip: Act<'archive.export'> = async (a, ctx, deps) => {
  await requireArchivist(ctx.operatorOpenId, deps);
  await enqueueTask(deps.repos.inbox, deps.clock, {
    key: `export:${a.activityId}:${randomUUID()}`,
    type: ARCHIVE_EXPORT_TASK,
    payload: { activityId: a.activityId, operator: ctx.operatorOpenId, answer: answerFor(ctx) },
  });
  return { toast: toast('info', th('ho.export.toast')) };
};

async function criticismForm(year: number, deps: AppDeps, error?: boolean) {
  const dir = await deps.directory.load();
  return criticismFormCard({
    year,
    units: dir.units
      .filter((u) => u.active)
      .map((u) => ({ value: u.code, label: { zh_cn: u.name, en_us: `${u.name} (${u.code})` } })),
    reasons: CRITICISM_REASONS.map((r) => ({ value: r, label: CRITICISM_LABELS[r] })),
    ...(error ? { error: th('ho.crit.invalid') } : {}),
  });
}

const criticizeOpen: Act<'assessment.criticize.open'> = async (a, ctx, deps) => {
  await requireArchivist(ctx.operatorOpenId, deps);
  return { card: raw(await criticismForm(a.year, deps)) };
};

/** Records a criticism for the year's assessment and writes it to the audit log. */
const criticizeSubmit: Act<'assessment.criticize.submit'> = async (a, ctx, deps) => {
  await requireArchivist(ctx.operatorOpenId, deps);
  const form = ctx.formValue ?? {};
  const unit = str(form.unit);
  const reason = str(form.reason);
  const dir = await deps.directory.load();
  if (!dir.units.some((u) => u.code === unit) || !isCriticismReason(reason)) {
    return {
      toast: toast('error', th('ho.crit.invalid')),
      card: raw(await criticismForm(a.year, deps, true)),
    };
  }
  const code = parseActivityCode(str(form.activity));
  const activity = code ? await deps.repos.activities.findByCode(code) : null;
  const note = str(form.note).trim().slice(0, 500);
  const now = deps.clock.now();
  await deps.repos.handover.addCriticism({
    unit,
    year: activity?.year ?? a.year,
    reason,
    ...(note ? { note } : {}),
    ...(activity ? { activityId: activity._id, activityCode: activity.code } : {}),
    by: ctx.operatorOpenId,
    at: now,
  });
  await deps.repos.activities.recordAudit({
    activityId: activity?._id ?? `unit:${unit}`,
    at: now,
    actor: ctx.operatorOpenId,
    action: 'criticism_recorded',
    changes: [
      { field: 'unit', after: unit },
      { field: 'reason', after: reason },
    ],
    ...(note ? { reason: note } : {}),
  });
  const saved = th('ho.crit.saved', {
    unit: unitNameOf(unit, dir),
    reason: CRITICISM_LABELS[reason].zh_cn,
    year: activity?.year ?? a.year,
  });
  return {
    toast: toast('success', saved),
    card: raw(noticeCard(th('ho.crit.title'), saved, 'red')),
  };
};

/** Handover, archive and assessment card actions, merged into the router's table. */
export const handoverActions = {
  'handover.submit': submit,
  'handover.accept': decide('accept'),
  'handover.return': decide('return'),
  'handover.originals': originals,
  'handover.receive': receive,
  'archive.export': exportZip,
  'assessment.criticize.open': criticizeOpen,
  'assessment.criticize.submit': criticizeSubmit,
};
