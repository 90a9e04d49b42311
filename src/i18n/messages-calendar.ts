/**
 * Texts of the work calendar (the December notice about next year). Chinese first, English beside
 * it. Read through tcal(key, vars).
 */
import type { I18nText, Vars } from './t';

export const calendarMessages = {
  'calendar.unknown.title': {
    zh_cn: '{year} 年节假日安排尚未收录',
    en_us: 'Holidays of {year} not known yet',
  },
  'calendar.unknown.body': {
    zh_cn:
      '机器人的工作日历还没有 **{year} 年** 国务院放假和调休安排（当前数据：{source}，已收录至 {last} 年）。\n' +
      '收录之前，{year} 年按 **周一至周五** 计算工作日：节假日当天仍可能发出逾期提醒和督办，调休上班的周末不计为工作日。\n' +
      '国务院公布安排后，请任选其一：\n' +
      '1. 升级依赖 chinese-days 并重新部署；\n' +
      '2. 在学院校历文件（COLLEGE_CALENDAR_FILE）的 `officialYears` 下填写 {year} 年的放假日期（holidays）和调休上班日期（workdays），然后重启。',
    en_us:
      "The bot's work calendar has no State Council holidays and make-up workdays for **{year}** yet (data: {source}, known up to {last}).\n" +
      'Until it does, workdays in {year} are **Monday to Friday**: overdue reminders and escalations may fall on public holidays, and make-up working weekends do not count.\n' +
      'Once the State Council publishes the schedule, either:\n' +
      '1. upgrade the chinese-days dependency and redeploy; or\n' +
      '2. add {year} under `officialYears` in the college calendar file (COLLEGE_CALENDAR_FILE): its days off (holidays) and make-up workdays (workdays), then restart.',
  },
} as const satisfies Record<string, { zh_cn: string; en_us: string }>;

export type CalendarMessageKey = keyof typeof calendarMessages;

const fill = (template: string, vars: Vars): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );

/** Like t(): a calendar message in both languages with `{name}` placeholders filled. */
export function tcal(key: CalendarMessageKey, vars: Vars = {}): I18nText {
  const entry = calendarMessages[key];
  return { zh_cn: fill(entry.zh_cn, vars), en_us: fill(entry.en_us, vars) };
}
