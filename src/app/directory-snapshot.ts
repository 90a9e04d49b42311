import type { Directory } from '../domain/directory';
import type { Actor, ActorRole } from './actor';

type Unit = Directory['units'][number];

const push = (map: Map<string, string[]>, key: string, value: string) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * One imported directory, indexed once: people, units, their leaders and the college-wide role lists,
 * and the actors resolved from it (each at most once). Immutable; a new import makes a new snapshot.
 */
export class DirectorySnapshot {
  private readonly people = new Map<string, Directory['people'][number]>();
  private readonly unitsByCode = new Map<string, Unit>();
  private readonly led = new Map<string, string[]>();
  private readonly handled = new Map<string, string[]>();
  private readonly actors = new Map<string, Actor>();

  constructor(
    readonly directory: Directory,
    /** The import it reflects (`directory_settings.revision`); 0 before the first import. */
    readonly revision = 0,
  ) {
    for (const person of directory.people) this.people.set(person.openId, person);
    for (const unit of directory.units) {
      this.unitsByCode.set(unit.code, unit);
      if (!unit.active) continue;
      if (unit.leaderInCharge) push(this.led, unit.leaderInCharge, unit.code);
      for (const contact of unit.contacts) push(this.handled, contact, unit.code);
    }
  }

  /** The person behind `openId` as every rule sees them (a stranger has no roles and no units). */
  actor(openId: string): Actor {
    let actor = this.actors.get(openId);
    if (!actor) {
      actor = this.resolve(openId);
      this.actors.set(openId, actor);
    }
    return actor;
  }

  private resolve(openId: string): Actor {
    const dir = this.directory;
    const unitsLed = this.led.get(openId) ?? [];
    const unitsHandled = this.handled.get(openId) ?? [];
    const own = this.people.get(openId)?.unit;
    const roles: ActorRole[] = [];
    if (dir.archivists.includes(openId)) roles.push('archivist');
    if (dir.publicity.includes(openId)) roles.push('publicity');
    if (dir.admins.includes(openId)) roles.push('admin');
    if (unitsLed.length > 0) roles.push('leader');
    if (unitsHandled.length > 0) roles.push('contact');
    return Object.freeze({
      openId,
      name: this.displayName(openId),
      roles: Object.freeze(roles),
      units: Object.freeze([...new Set(own ? [own, ...unitsHandled] : unitsHandled)]),
      unitsHandled: Object.freeze(unitsHandled),
      unitsLed: Object.freeze(unitsLed),
      directory: this,
    });
  }

  /** Whether the directory names this person at all (the people list, a role, a unit). */
  knows(openId: string): boolean {
    return this.people.has(openId) || this.actor(openId).roles.length > 0;
  }

  /** A display name for an open_id: the directory's name, else the id itself. */
  displayName(openId: string): string {
    return this.people.get(openId)?.name ?? openId;
  }

  /** A unit by code (active or not). */
  unit(code: string): Unit | undefined {
    return this.unitsByCode.get(code);
  }

  /** A unit's name, else its code. */
  unitName(code: string): string {
    return this.unitsByCode.get(code)?.name ?? code;
  }

  /** The leader in charge of an active unit, if the directory names one. */
  leaderInChargeOf(unitCode: string): string | undefined {
    const unit = this.unitsByCode.get(unitCode);
    return unit?.active ? unit.leaderInCharge : undefined;
  }

  /** Active units, in code order. */
  get activeUnits(): Unit[] {
    return this.directory.units.filter((u) => u.active);
  }

  /** Everyone the archive room's messages go to. */
  get archivists(): readonly string[] {
    return this.directory.archivists;
  }
}
