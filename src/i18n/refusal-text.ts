import type { Refusal } from '../domain/refusal';
import { messages, type MessageKey } from './messages';
import { activityMessages, type ActivityMessageKey } from './messages-activity';
import { backupMessages, type BackupMessageKey } from './messages-backup';
import { deadlineMessages, type DeadlineMessageKey } from './messages-deadline';
import { directoryMessages, type DirectoryMessageKey } from './messages-directory';
import { handoverMessages, type HandoverMessageKey } from './messages-handover';
import { intakeMessages, type IntakeMessageKey } from './messages-intake';
import {
  materialsDescribeMessages,
  type MaterialsDescribeMessageKey,
} from './messages-materials-describe';
import { LANGS, type I18nText, type Lang } from './t';

/** A key of any message catalogue: what a refusal may say. */
export type RefusalKey =
  | MessageKey
  | ActivityMessageKey
  | BackupMessageKey
  | DeadlineMessageKey
  | DirectoryMessageKey
  | HandoverMessageKey
  | IntakeMessageKey
  | MaterialsDescribeMessageKey;

/** Every catalogue, so a refusal raised by any feature finds its message (keys never collide). */
const catalogue: Readonly<Record<RefusalKey, I18nText>> = {
  ...messages,
  ...activityMessages,
  ...backupMessages,
  ...deadlineMessages,
  ...directoryMessages,
  ...handoverMessages,
  ...intakeMessages,
  ...materialsDescribeMessages,
};

const fill = (template: string, lang: Lang, values: Refusal['values']): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? catalogue[value.key][lang] : String(value);
  });

/** What a refusal says, in both languages. */
export function refusalText(refusal: Refusal): I18nText {
  const entry = catalogue[refusal.key];
  const text = {} as I18nText;
  for (const lang of LANGS) text[lang] = fill(entry[lang], lang, refusal.values);
  return text;
}
