import type { AppDeps } from '../../app/deps';
import type { ActivityDoc } from '../../db/models/activity';
import { transition } from '../../domain/activity-lifecycle';

/**
 * Moves an activity whose end time has passed from registered/collecting to ended, the moment
 * anyone looks at it (the deadline job does the same for the ones nobody looks at).
 */
export async function withCurrentState(activity: ActivityDoc, deps: AppDeps): Promise<ActivityDoc> {
  if (activity.endAt > deps.clock.now()) return activity;
  const next = transition(activity.state, 'end');
  if (!next.ok) return activity;
  const updated = await deps.repos.activities.update(
    activity._id,
    [activity.state],
    { state: next.state },
    [],
    deps.clock.now(),
  );
  return updated ?? activity;
}
