import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { handoverCheckCard } from '../../../cards/handover-check';
import { noticeCard } from '../../../cards/notice';
import type { Card } from '../../../cards/card';
import type { AppDeps } from '../../app/deps';
import { formatInTz } from '../../domain/deadline';
import { FILE_UPLOAD_LIMIT_BYTES, sendFile } from '../../feishu/file-sender';
import type { Target } from '../../feishu/messenger';
import { joinTexts } from '../../i18n/t';
import { formatBytes, th, thPerLang } from '../../i18n/messages-handover';
import { stateLabel } from '../../domain/activity-lifecycle';
import { exportArchiveZip } from './export-zip';
import { finalizeAcceptance } from './finalize';
import { announceSubmission, notifyAccepted, notifyReturned } from './notify';
import { submitHandover } from './submit';
import { checkView } from './views';

/** Where a task answers: a reply to a message, else a chat or a person. */
export type Answer = { replyTo: string; chatId: string } | { target: Target };

export async function answerCard(a: Answer, card: Card, key: string, deps: AppDeps) {
  if ('replyTo' in a) return deps.messenger.replyCard(a.replyTo, card, key, a.chatId);
  return deps.messenger.sendCard(a.target, card, key);
}

const answerTarget = (a: Answer): Target => ('replyTo' in a ? { chatId: a.chatId } : a.target);

/**
 * Runs the pre-check (and the submit when nothing blocks) for a person who asked, and answers with
 * the check card; a submission also sends the transfer list and the archivists' review cards.
 */
export async function runHandoverCheck(
  input: { activityId: string; operator: string; confirm: boolean; answer: Answer },
  key: string,
  deps: AppDeps,
): Promise<void> {
  const outcome = await submitHandover(
    input.activityId,
    input.operator,
    { confirm: input.confirm },
    deps,
  );
  if (outcome.kind === 'already') {
    const a = outcome.activity;
    const text = thPerLang('ho.cmd.state', (lang) => ({
      title: a.title,
      state: stateLabel(a.state, lang),
    }));
    const card = noticeCard(th('ho.check.title', { code: a.code }), text, 'grey');
    await answerCard(input.answer, card, `${key}:already`, deps);
    return;
  }
  const view = checkView(
    outcome.activity,
    outcome.report,
    outcome.kind === 'submitted' ? 'submitted' : outcome.kind,
    outcome.kind === 'submitted' ? outcome.submission.version : undefined,
  );
  await answerCard(input.answer, handoverCheckCard(view), `${key}:check`, deps);
  if (outcome.kind === 'submitted') {
    await announceSubmission(outcome.submission, answerTarget(input.answer), deps);
  }
}

/** After an acceptance: numbers, the regenerated list, and the notices. */
export async function runFinalize(submissionId: string, deps: AppDeps): Promise<void> {
  const { activity, submission, items } = await finalizeAcceptance(submissionId, deps);
  await notifyAccepted(submission, activity, items, deps);
}

export async function runReturned(submissionId: string, deps: AppDeps): Promise<void> {
  await notifyReturned(submissionId, deps);
}

/**
 * Exports an accepted activity as a ZIP into DATA_DIR/exports (streamed to disk, hashed on the
 * way), sends it to the archivist when it fits Feishu's 30 MB file limit, else says where it is,
 * and logs the export in the audit log.
 */
export async function runExport(
  input: { activityId: string; operator: string; answer: Answer },
  key: string,
  deps: AppDeps,
): Promise<{ path: string; sha256: string; size: number }> {
  const dir = resolve(deps.config.dataDir, 'exports');
  mkdirSync(dir, { recursive: true });
  const now = deps.clock.now();
  const stamp = formatInTz(now, deps.config.tz, 'YYYYMMDD-HHmmss');
  const activity = await deps.repos.activities.findById(input.activityId);
  const path = join(dir, `${activity?.code ?? input.activityId}-${stamp}.zip`);
  const summary = await exportArchiveZip(
    input.activityId,
    input.operator,
    createWriteStream(path),
    deps,
  );
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  const sha256 = hash.digest('hex');
  const size = statSync(path).size;
  await deps.repos.activities.recordAudit({
    activityId: input.activityId,
    at: now,
    actor: input.operator,
    action: 'archive_exported',
    changes: [
      { field: 'zip', after: path },
      { field: 'sha256', after: sha256 },
      { field: 'files', after: summary.files },
    ],
  });
  const code = summary.activity.code;
  const body = th('ho.export.done', { n: summary.files, size: formatBytes(size), sha: sha256 });
  const tooLarge = size > FILE_UPLOAD_LIMIT_BYTES;
  const card = noticeCard(
    th('ho.export.title', { code }),
    tooLarge ? joinTexts([body, th('ho.export.kept', { path })]) : body,
    'indigo',
  );
  await answerCard(input.answer, card, `${key}:export`, deps);
  if (!tooLarge) {
    const parts: Buffer[] = [];
    for await (const chunk of createReadStream(path)) parts.push(chunk as Buffer);
    await sendFile(
      { api: deps.api, deliveries: deps.repos.deliveries, clock: deps.clock },
      answerTarget(input.answer),
      { name: `${code}.zip`, bytes: Buffer.concat(parts) },
      `${key}:zip`,
    );
  }
  return { path, sha256, size };
}
