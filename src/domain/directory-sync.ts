/**
 * What a sync from Feishu's contacts would change in the directory, as a pure function of the org
 * chart and today's directory. Feishu decides units' names, the department heads and people's names,
 * units and whether they are still here; the directory file decides everything else, which a sync
 * never touches: archivists, publicity, admins, the archive chat, units' contacts, a leader in charge
 * the file names (even when it differs from the head), and units that mirror no department.
 *
 * Units: each top-level department is a unit; a deeper department is one only when a unit already
 * mirrors it (or bears its name, e.g. 综合档案室 written in the file); everyone else belongs to the
 * unit of their nearest such ancestor. A unit is found again by the department it mirrors, else by its
 * name; a new one takes the department's own id as code when it reads like one (`jwc`), else a code
 * made from the department id (`u3f9a`) that the admin may change in the file before applying.
 */
import type { Directory } from './directory';

export interface OrgDepartment {
  /** open_department_id (`od-…`). */
  id: string;
  /** The tenant's own department id (may be anything, or empty). */
  customId: string;
  name: string;
  enName?: string;
  /** Parent's open_department_id; `0` at the top. */
  parent: string;
  /** The department head's open_id. */
  head?: string;
}

export interface OrgUser {
  openId: string;
  name: string;
  /** open_department_ids, primary first. */
  departments: string[];
}

/** Feishu's org chart as read (departments, current members; people who left are absent). */
export interface OrgChart {
  departments: OrgDepartment[];
  users: OrgUser[];
}

type Unit = Directory['units'][number];
type Person = Directory['people'][number];

export interface UnitState {
  code: string;
  name: string;
  departmentId: string;
  leaderInCharge?: string;
  leaderSource?: 'file' | 'head';
}

export interface PersonState {
  openId: string;
  name: string;
  unit?: string;
}

/** One thing a sync changes, with before and after for what people read. */
export interface SyncChanges {
  unitsAdded: (UnitState & { generatedCode: boolean })[];
  unitsChanged: {
    before: Pick<Unit, 'code' | 'name' | 'leaderInCharge' | 'active'>;
    after: UnitState;
  }[];
  unitsDeactivated: { code: string; name: string }[];
  peopleAdded: PersonState[];
  peopleChanged: {
    before: Pick<Person, 'openId' | 'name' | 'unit' | 'active'>;
    after: PersonState;
  }[];
  peopleDeactivated: { openId: string; name?: string }[];
  /** People who left Feishu but still hold a role the file gives them. */
  departedWithRoles: { openId: string; name?: string; roles: DepartedRole[] }[];
}

export type DepartedRole =
  | { role: 'archivist' | 'publicity' | 'admin' }
  | { role: 'leader' | 'contact'; unit: string };

const CODE_LIKE = /^[A-Za-z][A-Za-z0-9]{0,15}$/;

/** Deterministic short code for a department without a usable id: `u` + 4 hex of its open id. */
function generatedCode(dep: OrgDepartment, taken: ReadonlySet<string>): string {
  const hex = dep.id.replace(/[^0-9a-f]/gi, '').toLowerCase() || '0000';
  for (let i = hex.length - 4; i >= 0; i--) {
    const code = `u${hex.slice(i, i + 4)}`;
    if (!taken.has(code)) return code;
  }
  for (let n = 1; ; n++) if (!taken.has(`u${n}`)) return `u${n}`;
}

const sameUnit = (a: Unit, b: UnitState) =>
  a.active &&
  a.name === b.name &&
  a.departmentId === b.departmentId &&
  a.leaderInCharge === b.leaderInCharge &&
  (a.leaderSource ?? undefined) === (b.leaderSource ?? undefined);

/** Computes the changes; applying them twice changes nothing the second time. */
export function planDirectorySync(org: OrgChart, dir: Directory): SyncChanges {
  const byId = new Map(org.departments.map((d) => [d.id, d]));
  const unitByDept = new Map(
    dir.units.filter((u) => u.departmentId).map((u) => [u.departmentId!, u]),
  );
  const unlinkedByName = new Map(dir.units.filter((u) => !u.departmentId).map((u) => [u.name, u]));

  const taken = new Set(dir.units.map((u) => u.code));
  const next = new Map<string, UnitState>(); // department id → unit
  const changes: SyncChanges = {
    unitsAdded: [],
    unitsChanged: [],
    unitsDeactivated: [],
    peopleAdded: [],
    peopleChanged: [],
    peopleDeactivated: [],
    departedWithRoles: [],
  };

  // Parents come before their children (the API lists the tree depth-first).
  for (const dep of org.departments) {
    const mirrored = unitByDept.get(dep.id);
    const named = mirrored ? undefined : unlinkedByName.get(dep.name);
    const top = dep.parent === '0' || !byId.has(dep.parent);
    if (!top && !mirrored && !named) continue;
    if (named) unlinkedByName.delete(dep.name); // one department per unit, even with twin names
    const existing = mirrored ?? named;
    // A leader set before sources were recorded came from the file.
    const fromFile =
      existing?.leaderInCharge !== undefined && (existing.leaderSource ?? 'file') === 'file';
    const leader: Pick<UnitState, 'leaderInCharge' | 'leaderSource'> = fromFile
      ? { leaderInCharge: existing.leaderInCharge!, leaderSource: 'file' }
      : dep.head
        ? { leaderInCharge: dep.head, leaderSource: 'head' }
        : {};
    if (existing) {
      const after: UnitState = {
        code: existing.code,
        name: dep.name,
        departmentId: dep.id,
        ...leader,
      };
      next.set(dep.id, after);
      if (!sameUnit(existing, after)) changes.unitsChanged.push({ before: existing, after });
      continue;
    }
    const own = dep.customId.toLowerCase();
    const usable = CODE_LIKE.test(dep.customId) && !taken.has(own);
    const code = usable ? own : generatedCode(dep, taken);
    taken.add(code);
    const unit: UnitState = { code, name: dep.name, departmentId: dep.id, ...leader };
    next.set(dep.id, unit);
    changes.unitsAdded.push({ ...unit, generatedCode: !usable });
  }

  const linked = new Set([...next.values()].map((u) => u.code));
  for (const u of dir.units) {
    if (u.departmentId && u.active && !linked.has(u.code))
      changes.unitsDeactivated.push({ code: u.code, name: u.name });
  }

  /** The unit of a department: itself if it is one, else its nearest ancestor that is. */
  const unitOf = (depId: string): string | undefined => {
    for (let d = byId.get(depId), guard = 0; d && guard < 64; d = byId.get(d.parent), guard++) {
      const unit = next.get(d.id);
      if (unit) return unit.code;
    }
    return undefined;
  };

  const people = new Map(dir.people.map((p) => [p.openId, p]));
  const present = new Set<string>();
  for (const user of org.users) {
    present.add(user.openId);
    const unit = user.departments.map(unitOf).find((c) => c !== undefined);
    const after: PersonState = { openId: user.openId, name: user.name, ...(unit ? { unit } : {}) };
    const before = people.get(user.openId);
    if (!before) changes.peopleAdded.push(after);
    else if (before.name !== after.name || before.unit !== after.unit || before.active === false)
      changes.peopleChanged.push({ before, after });
  }
  for (const p of dir.people) {
    if (present.has(p.openId) || p.active === false) continue;
    changes.peopleDeactivated.push({ openId: p.openId, ...(p.name ? { name: p.name } : {}) });
  }

  const departed = new Set([
    ...changes.peopleDeactivated.map((p) => p.openId),
    ...dir.people.filter((p) => p.active === false && !present.has(p.openId)).map((p) => p.openId),
  ]);
  const gone = new Set(changes.unitsDeactivated.map((u) => u.code));
  const unitsAfter = dir.units.map((u) => {
    const state = u.departmentId ? next.get(u.departmentId) : undefined;
    if (gone.has(u.code)) return { ...u, active: false };
    return state ? { ...u, leaderInCharge: state.leaderInCharge } : u;
  });
  const rolesOf = (openId: string): DepartedRole[] => [
    ...(dir.archivists.includes(openId) ? [{ role: 'archivist' as const }] : []),
    ...(dir.publicity.includes(openId) ? [{ role: 'publicity' as const }] : []),
    ...(dir.admins.includes(openId) ? [{ role: 'admin' as const }] : []),
    ...unitsAfter
      .filter((u) => u.active && u.leaderInCharge === openId)
      .map((u) => ({ role: 'leader' as const, unit: u.code })),
    ...unitsAfter
      .filter((u) => u.active && u.contacts.includes(openId))
      .map((u) => ({ role: 'contact' as const, unit: u.code })),
  ];
  for (const openId of departed) {
    const roles = rolesOf(openId);
    const name = people.get(openId)?.name;
    if (roles.length > 0)
      changes.departedWithRoles.push({ openId, ...(name ? { name } : {}), roles });
  }
  return changes;
}

/** Whether a sync would change anything (warnings aside). */
export function isEmptySync(c: SyncChanges): boolean {
  return (
    c.unitsAdded.length +
      c.unitsChanged.length +
      c.unitsDeactivated.length +
      c.peopleAdded.length +
      c.peopleChanged.length +
      c.peopleDeactivated.length ===
    0
  );
}
