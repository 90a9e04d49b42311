import type { Directory } from './directory';

/** What a person is, derived from the directory; one function every handler uses. */
export interface Roles {
  openId: string;
  archivist: boolean;
  admin: boolean;
  publicity: boolean;
  /** Unit codes this person is the leader in charge of. */
  leaderOf: string[];
  /** Unit codes this person handles archive work for. */
  contactOf: string[];
  /** The person's own unit, from the people list (or the first unit they are a contact of). */
  unit?: string;
}

export function rolesOf(openId: string, dir: Directory): Roles {
  const active = dir.units.filter((u) => u.active);
  const contactOf = active.filter((u) => u.contacts.includes(openId)).map((u) => u.code);
  const person = dir.people.find((p) => p.openId === openId);
  return {
    openId,
    archivist: dir.archivists.includes(openId),
    admin: dir.admins.includes(openId),
    publicity: dir.publicity.includes(openId),
    leaderOf: active.filter((u) => u.leaderInCharge === openId).map((u) => u.code),
    contactOf,
    unit: person?.unit ?? contactOf[0],
  };
}

/** The leader in charge of a unit, if the directory names one. */
export function leaderInChargeOf(unitCode: string, dir: Directory): string | undefined {
  return dir.units.find((u) => u.code === unitCode && u.active)?.leaderInCharge;
}

/** A display name for an open_id: the directory's name, else the id itself. */
export function displayName(openId: string, dir: Directory): string {
  return dir.people.find((p) => p.openId === openId)?.name ?? openId;
}
