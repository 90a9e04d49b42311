import type { Actor } from '../app/actor';
import { can, consoleNeedsOwnership, consoleScope, type ConsoleScope } from '../policies';
import type { ActivitySubject } from '../policies/activity';

/**
 * The console's questions to the shared policies module (src/policies): the bot and the console keep
 * one rule. Nothing in src/console looks at roles itself.
 */
export type Viewer = Actor;

/** What a console page is about. */
export type ConsoleAccess =
  | { kind: 'activities.list' }
  | { kind: 'activities.export' }
  | { kind: 'tasks.view' }
  | { kind: 'activity.view'; activity: Pick<ActivitySubject, 'unit' | 'contact' | 'registrant'> }
  | { kind: 'operations.view' };

/** Asks the policies; `ownsAny` answers "does this person have activities of their own". */
export function consoleAllows(v: Viewer, what: ConsoleAccess, ownsAny: boolean): boolean {
  switch (what.kind) {
    case 'activities.list':
    case 'activities.export':
    case 'tasks.view':
      return can(v, 'console.activities', { ownsAny });
    case 'activity.view':
      return can(v, 'console.activity', what.activity);
    case 'operations.view':
      return can(v, 'console.operations');
  }
}

export const activityScope = (v: Viewer): ConsoleScope => consoleScope(v);
export const needsOwnership = (v: Viewer): boolean => consoleNeedsOwnership(v);
