import { td } from '../src/i18n/messages-deadline';
import { th } from '../src/i18n/messages-handover';
import { t, tPerLang, type I18nText } from '../src/i18n/t';
import { actionValue } from './actions';
import { button, buttonRow, card, markdown, type Card } from './card';

export interface DeadlineReminderView {
  activityId: string;
  code: string;
  title: string;
  /** `YYYY-MM-DD` in the business time zone. */
  deadline: string;
  /** Days left (0 on the due day) or days overdue. */
  phase: { kind: 'before'; daysLeft: number } | { kind: 'overdue'; days: number };
  /** Required checklist items with no material yet. */
  missing: I18nText[];
  undescribed: number;
  /** Set while an extension request waits for a decision: the requested `YYYY-MM-DD`. */
  pendingExtension?: string;
  /** Whether the request-extension button applies (not while one is pending). */
  canExtend?: boolean;
}

/**
 * A reminder of the one-month handover deadline: how long is left, what is missing, and one tap to the
 * status, to submit the handover, or to ask for an extension.
 */
export function deadlineReminderCard(v: DeadlineReminderView): Card {
  const vars = { title: v.title, deadline: v.deadline };
  const body =
    v.phase.kind === 'overdue'
      ? t('reminder.overdue', { ...vars, days: v.phase.days })
      : v.phase.daysLeft === 0
        ? t('reminder.today', vars)
        : t('reminder.left', { ...vars, days: v.phase.daysLeft });
  const color = v.phase.kind === 'overdue' ? 'red' : v.phase.daysLeft <= 1 ? 'orange' : 'yellow';
  return card(
    { title: t('reminder.title', { code: v.code }), color },
    [
      markdown(body),
      v.missing.length
        ? markdown(
            tPerLang('reminder.missing', (lang) => ({
              items: v.missing.map((m) => m[lang]).join(lang === 'zh_cn' ? '、' : ', '),
            })),
          )
        : markdown(t('reminder.complete')),
      v.undescribed > 0 && markdown(t('reminder.undescribed', { count: v.undescribed })),
      v.pendingExtension !== undefined &&
        markdown(td('reminder.pending_ext', { date: v.pendingExtension })),
      buttonRow([
        button(
          t('reminder.status'),
          actionValue({ action: 'activity.status', activityId: v.activityId }),
          { type: 'primary' },
        ),
        button(
          th('ho.btn.submit'),
          actionValue({ action: 'handover.submit', activityId: v.activityId }),
        ),
        ...(v.canExtend && v.pendingExtension === undefined
          ? [
              button(
                td('reminder.extend'),
                actionValue({ action: 'extension.open', activityId: v.activityId }),
              ),
            ]
          : []),
      ]),
    ],
    t('reminder.title', { code: v.code }),
  );
}
