/** Activities for console tests, created through the repository as registration does. */
import { randomUUID } from 'node:crypto';
import type { ActivityDoc } from '../../src/db/models/activity';
import type { ActivityState } from '../../src/domain/activity-lifecycle';
import type { CategoryCode } from '../../src/domain/categories';
import { handoverDeadline } from '../../src/domain/deadline';
import type { TestBot } from './test-bot';

export interface SeedSpec {
  title?: string;
  unit?: string;
  category?: CategoryCode;
  start?: string;
  days?: number;
  state?: ActivityState;
  contact?: string;
  registrant?: string;
}

export async function seedActivity(bot: TestBot, spec: SeedSpec = {}): Promise<ActivityDoc> {
  const startAt = new Date(spec.start ?? '2026-02-10T02:00:00Z');
  const endAt = new Date(startAt.getTime() + (spec.days ?? 1) * 86400_000 - 3600_000);
  const deadline = handoverDeadline(endAt, bot.config.tz);
  const { activity } = await bot.bot.deps.repos.activities.createOnce(
    {
      _id: `act_${randomUUID()}`,
      year: startAt.getUTCFullYear(),
      title: spec.title ?? '开学典礼',
      category: spec.category ?? 1,
      unit: spec.unit ?? 'jwc',
      coUnits: [],
      startAt,
      endAt,
      contact: spec.contact ?? 'ou_org1',
      registrant: spec.registrant ?? spec.contact ?? 'ou_org1',
      state: spec.state ?? 'collecting',
      deadline,
      effectiveDeadline: deadline,
    },
    bot.clock.now(),
  );
  return activity;
}

/** The simulator's sign-in page lists these people by name. */
export function addConsoleUsers(bot: TestBot): void {
  for (const [id, name] of [
    ['ou_org1', '张老师'],
    ['ou_leader', '李副院长'],
    ['ou_arch1', '王档案员'],
    ['ou_admin', '赵管理员'],
    ['ou_pub1', '宣传干事'],
    ['ou_stranger', '陌生人'],
  ])
    bot.sim.addUser(id!, name!);
}
