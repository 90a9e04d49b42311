import type { Actor } from '../app/actor';
import { Refusal } from '../domain/refusal';
import type { ActivitySubject } from './activity';
import { holds, policy } from './policy';

/** Archivists and admins see everything in the console. */
const seesAll = (actor: Actor) => holds(actor, 'archivist') || holds(actor, 'admin');

const organizes = (actor: Actor, a: Pick<ActivitySubject, 'registrant' | 'contact'>) =>
  actor.openId === a.registrant || actor.openId === a.contact;

/** For list pages: whether the person organizes or handles any activity at all. */
export interface ConsoleListSubject {
  ownsAny: boolean;
}

/**
 * The web console's pages (issue 15): archivists and admins see everything; leaders in charge their
 * units' activities; organizers (registrant) and contacts their own; everyone else a 403. Actions on
 * the pages use the bot's own rules (handover.decide, extension.decide, …), never rules of their own.
 */
export const consolePolicies = {
  /** The activities table, its XLSX and the half-year task list (rows limited by consoleScope). */
  'console.activities': policy<ConsoleListSubject>(
    (actor, s) => seesAll(actor) || actor.unitsLed.length > 0 || s.ownsAny,
    () => new Refusal('errors.not_allowed'),
  ),
  /** One activity's page. */
  'console.activity': policy<Pick<ActivitySubject, 'unit' | 'registrant' | 'contact'>>(
    (actor, a) => seesAll(actor) || actor.unitsLed.includes(a.unit) || organizes(actor, a),
    () => new Refusal('errors.not_allowed'),
  ),
  /** Inbox backlog, failed events and their retry, job runs, database status. */
  'console.operations': policy<void>(
    (actor) => holds(actor, 'admin'),
    () => new Refusal('errors.not_allowed'),
  ),
};

/** Which activities' rows a person's tables show. */
export type ConsoleScope = { all: true } | { all: false; units: string[]; person: string };

export function consoleScope(actor: Actor): ConsoleScope {
  return seesAll(actor)
    ? { all: true }
    : { all: false, units: [...actor.unitsLed], person: actor.openId };
}

/** Whether deciding `console.activities` needs to know if the person owns activities (one query). */
export const consoleNeedsOwnership = (actor: Actor): boolean =>
  !seesAll(actor) && actor.unitsLed.length === 0;
