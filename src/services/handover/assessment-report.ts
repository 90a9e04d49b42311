import { assessmentCard } from '../../../cards/assessment-card';
import { noticeCard } from '../../../cards/notice';
import type { AppDeps } from '../../app/deps';
import { AssessmentRulesError } from '../../config/assessment-rules';
import { formatInTz } from '../../domain/deadline';
import { sendFile } from '../../feishu/file-sender';
import { th } from '../../i18n/messages-handover';
import {
  assessmentView,
  computeAssessment,
  writeAssessmentXlsx,
  type AssessmentResult,
} from './assessment';
import { answerCard, type Answer } from './tasks';

/** The assessment's period from the command's words: a four-digit year, else this year. */
export function assessmentYear(args: string, now: Date, tz: string): number {
  const m = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(args);
  return m ? Number(m[1]) : Number(formatInTz(now, tz, 'YYYY'));
}

export const reportFileName = (year: number) => `重大活动档案移交考核-${year}.xlsx`;

/**
 * `评估` / `assessment` for archivists: computes the year's scores, sends the XLSX report (a summary
 * and one sheet per unit) and, when there is anything to report, the draft notice of criticism as
 * plain text to edit; answers with the ranking card and its bar chart. An invalid rules file is
 * answered with its problems, nothing else.
 */
export async function sendAssessment(
  year: number,
  answer: Answer,
  key: string,
  deps: AppDeps,
): Promise<AssessmentResult | undefined> {
  let result: AssessmentResult;
  try {
    result = await computeAssessment(year, {
      archives: deps.repos.archives,
      handover: deps.repos.handover,
      directory: deps.directory,
      archive: deps.config.archive,
      tz: deps.config.tz,
      now: deps.clock.now(),
    });
  } catch (err) {
    if (!(err instanceof AssessmentRulesError)) throw err;
    const body = th('ho.assess.rulesInvalid', { problems: err.problems.join('\n') });
    await answerCard(
      answer,
      noticeCard(th('ho.assess.title', { year }), body, 'red'),
      `${key}:rules`,
      deps,
    );
    return undefined;
  }
  const fileName = reportFileName(year);
  const blobId = `assessment:${year}:${key}`;
  await deps.repos.handover.blobs.storeHandoverFile(blobId, fileName, (sink) =>
    writeAssessmentXlsx(result, sink),
  );
  const target = 'replyTo' in answer ? { chatId: answer.chatId } : answer.target;
  const view = assessmentView(result, {
    tz: deps.config.tz,
    rulesFile: deps.config.archive.assessmentRulesFile,
    reportFile: fileName,
    noticeSent: result.notice !== '',
  });
  await answerCard(answer, assessmentCard(view), `${key}:card`, deps);
  await sendFile(
    { api: deps.api, deliveries: deps.repos.deliveries, clock: deps.clock },
    target,
    { name: fileName, bytes: await deps.repos.handover.blobs.readHandoverFile(blobId) },
    `${key}:report`,
  );
  if (result.notice) await deps.messenger.sendText(target, result.notice, `${key}:notice`);
  return result;
}
