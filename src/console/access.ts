import type { ActivitySummaryDoc } from '../db/models/activity-summary';
import type { SummaryScope } from '../db/activity-summary-repo';
import type { Directory } from '../domain/directory';
import { rolesOf, type Roles } from '../domain/roles';

/**
 * Who is looking at the console. Every access decision of the console goes through `consoleAllows`
 * below, and only there; when the shared policies module (src/policies) lands, this file asks it
 * instead, so the bot and the console keep one rule.
 */
export interface Viewer {
  openId: string;
  name: string;
  roles: Roles;
  /** The directory names this person (any role, unit or the people list). */
  inDirectory: boolean;
}

export function viewerOf(openId: string, name: string, dir: Directory): Viewer {
  const roles = rolesOf(openId, dir);
  const inDirectory =
    roles.archivist ||
    roles.admin ||
    roles.publicity ||
    roles.leaderOf.length > 0 ||
    roles.contactOf.length > 0 ||
    dir.people.some((p) => p.openId === openId);
  const listed = dir.people.find((p) => p.openId === openId)?.name;
  return { openId, name: listed ?? name, roles, inDirectory };
}

/** What a console page or action is about. */
export type ConsoleAccess =
  | { kind: 'activities.list' }
  | { kind: 'activities.export' }
  | { kind: 'tasks.view' }
  | {
      kind: 'activity.view';
      activity: Pick<ActivitySummaryDoc, 'unit' | 'contact' | 'registrant'>;
    };

/** Archivists and admins see everything. */
const seesAll = (v: Viewer) => v.roles.archivist || v.roles.admin;

/**
 * The one access rule of the console. Leaders in charge see their units' activities; organizers
 * (registrant) and contacts see their own; `ownsAny` says whether the viewer has any at all.
 */
export function consoleAllows(v: Viewer, what: ConsoleAccess, ownsAny: boolean): boolean {
  switch (what.kind) {
    case 'activities.list':
    case 'activities.export':
    case 'tasks.view':
      return seesAll(v) || v.roles.leaderOf.length > 0 || ownsAny;
    case 'activity.view': {
      const a = what.activity;
      return (
        seesAll(v) ||
        v.roles.leaderOf.includes(a.unit) ||
        a.contact === v.openId ||
        a.registrant === v.openId
      );
    }
  }
}

/** The rows of the activities table this viewer may see. */
export function activityScope(v: Viewer): SummaryScope {
  return seesAll(v)
    ? { all: true }
    : { all: false, units: [...v.roles.leaderOf], person: v.openId };
}

/** Whether the answer depends on owning activities (so the caller knows to ask). */
export const needsOwnership = (v: Viewer): boolean => !seesAll(v) && v.roles.leaderOf.length === 0;
