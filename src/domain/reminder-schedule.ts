/**
 * Which activities the reminder pass watches. Reading every activity on each pass would cost what the
 * whole register costs, so the pass reads a short list: the activities that owe their handover and
 * are within 8 days of their deadline (a day before the first reminder) or past it. Pure.
 */
import { reminderStateOf } from './reminders';
import type { ActivityState } from './activity-lifecycle';

export const REMINDER_WINDOW_DAYS = 8;
const DAY_MS = 86_400_000;

/** Whether an activity belongs on the watch list at `now` (or will within `marginMs`). */
export function inReminderWindow(
  a: { state: ActivityState; effectiveDeadline: Date },
  now: Date,
  marginMs = 0,
): boolean {
  if (reminderStateOf(a.state) !== 'open') return false;
  const opens = a.effectiveDeadline.getTime() - REMINDER_WINDOW_DAYS * DAY_MS;
  return opens <= now.getTime() + marginMs;
}

/** The daily repair looks a day ahead, so an activity joins the list a day before it is needed. */
export const REPAIR_MARGIN_MS = DAY_MS;
