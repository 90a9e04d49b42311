import type { Actor } from '../app/actor';
import { activityPolicies } from './activity';
import { adminPolicies } from './admin';
import { archiveRoomPolicies } from './archive-room';
import { consolePolicies } from './console';
import { extensionPolicies } from './extension';
import { materialPolicies } from './material';
import type { Policy } from './policy';

/**
 * Who may do what, stated once. Handlers, services, jobs, the buttons a card shows and (soon) the web
 * console all ask here; nothing else looks at roles. Add an action by adding its rule to one of the
 * tables below (and a row to test/unit/policies/role-table.test.ts).
 */
const policies = {
  ...activityPolicies,
  ...extensionPolicies,
  ...materialPolicies,
  ...archiveRoomPolicies,
  ...adminPolicies,
  ...consolePolicies,
};

export type Action = keyof typeof policies;
export type SubjectOf<A extends Action> = (typeof policies)[A] extends Policy<infer S> ? S : never;
/** College-wide actions take no subject. */
type SubjectArg<A extends Action> = SubjectOf<A> extends void ? [] : [subject: SubjectOf<A>];

const ruleOf = <A extends Action>(action: A): Policy<SubjectOf<A>> =>
  policies[action] as unknown as Policy<SubjectOf<A>>;

/** Whether the actor may take the action (on the subject). */
export function can<A extends Action>(actor: Actor, action: A, ...subject: SubjectArg<A>): boolean {
  return ruleOf(action).allows(actor, subject[0] as SubjectOf<A>);
}

/** Throws the rule's Refusal unless the actor may take the action (on the subject). */
export function authorize<A extends Action>(
  actor: Actor,
  action: A,
  ...subject: SubjectArg<A>
): void {
  const rule = ruleOf(action);
  const s = subject[0] as SubjectOf<A>;
  if (!rule.allows(actor, s)) throw rule.refusal(actor, s);
}

/** Every action with a rule (the role table test walks them all). */
export const ACTIONS = Object.keys(policies) as Action[];

export { activityButtons, type ActivityButtonName, type ActivitySubject } from './activity';
export {
  extensionDecider,
  extensionDeciders,
  type ExtensionDecider,
  type ExtensionSubject,
} from './extension';
export type { MaterialSubject } from './material';
export {
  consoleNeedsOwnership,
  consoleScope,
  type ConsoleListSubject,
  type ConsoleScope,
} from './console';
