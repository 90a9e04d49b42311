import type { I18nText, Vars } from '../i18n/t';

/**
 * Texts of the jobs runner, Chinese first with English beside it. Kept here rather than in
 * i18n/messages.ts so the runner stays self-contained; same `{name}` placeholders as t().
 */
const jobMessages = {
  'job.failing.title': {
    zh_cn: '定时任务连续失败：{job}',
    en_us: 'Scheduled job failing: {job}',
  },
  'job.failing.body': {
    zh_cn:
      '定时任务 **{job}**已连续失败 **{count}** 次，首次失败于 {since}。\n最近一次错误：{error}\n\n请技术人员查看服务日志中的 `job.failed`，修复后可运行 `npm run job -- {job}` 补跑。',
    en_us:
      'The scheduled job **{job}** has failed **{count}** times in a row, first at {since}.\nLatest error: {error}\n\nPlease ask the maintainers to check `job.failed` in the service log; after a fix, `npm run job -- {job}` runs it again.',
  },
} as const satisfies Record<string, I18nText>;

export type JobMessageKey = keyof typeof jobMessages;

const fill = (template: string, vars: Vars): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );

/** A jobs text in both languages with its placeholders filled. */
export function jobText(key: JobMessageKey, vars: Vars = {}): I18nText {
  const entry = jobMessages[key];
  return { zh_cn: fill(entry.zh_cn, vars), en_us: fill(entry.en_us, vars) };
}
