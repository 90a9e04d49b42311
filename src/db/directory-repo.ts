import type { Connection, Model } from 'mongoose';
import type { Directory, DirectoryFile } from '../domain/directory';
import type { SyncChanges } from '../domain/directory-sync';
import {
  directorySettingsModel,
  personModel,
  unitModel,
  type DirectorySettingsDoc,
  type PersonDoc,
  type UnitDoc,
} from './models/directory';

/** Every query on units, people and college-wide roles. */
export class DirectoryRepo {
  private readonly units: Model<UnitDoc>;
  private readonly people: Model<PersonDoc>;
  private readonly settings: Model<DirectorySettingsDoc>;

  constructor(conn: Connection) {
    this.units = unitModel(conn);
    this.people = personModel(conn);
    this.settings = directorySettingsModel(conn);
  }

  /** Imports applied by this process (the directory cache reloads when it changes). */
  private appliedHere = 0;

  get applied(): number {
    return this.appliedHere;
  }

  /** The whole directory as stored (uncached: commands use it; the bot reads `DirectoryCache`). */
  async load(): Promise<Directory> {
    return (await this.read()).directory;
  }

  /** When a sync from Feishu was last applied (one `_id` read). */
  async lastSyncAt(): Promise<Date | undefined> {
    const settings = await this.settings
      .findById('directory', { lastSyncAt: 1 })
      .lean<Pick<DirectorySettingsDoc, 'lastSyncAt'>>();
    return settings?.lastSyncAt ?? undefined;
  }

  /** The revision of the stored directory: each import adds one (0 before the first). */
  async revision(): Promise<number> {
    const settings = await this.settings
      .findById('directory', { revision: 1 })
      .lean<Pick<DirectorySettingsDoc, 'revision'>>();
    return settings?.revision ?? 0;
  }

  /**
   * The whole directory (hundreds of rows at most for a college) and the revision it reflects. The
   * revision is read first: an import writes it last, so the rows read after it are at least as new.
   */
  async read(): Promise<{ directory: Directory; revision: number }> {
    const settings = await this.settings.findById('directory').lean<DirectorySettingsDoc>();
    const [units, people] = await Promise.all([
      this.units.find().sort({ _id: 1 }).lean<UnitDoc[]>(),
      this.people.find().sort({ _id: 1 }).lean<PersonDoc[]>(),
    ]);
    return {
      revision: settings?.revision ?? 0,
      directory: {
        units: units.map((u) => ({
          code: u._id,
          name: u.name,
          ...(u.leaderInCharge ? { leaderInCharge: u.leaderInCharge } : {}),
          ...(u.leaderSource ? { leaderSource: u.leaderSource } : {}),
          ...(u.departmentId ? { departmentId: u.departmentId } : {}),
          contacts: u.contacts ?? [],
          active: u.active,
        })),
        people: people.map((p) => ({
          openId: p._id,
          ...(p.name ? { name: p.name } : {}),
          ...(p.unit ? { unit: p.unit } : {}),
          ...(p.active === false ? { active: false } : {}),
        })),
        archivists: settings?.archivists ?? [],
        publicity: settings?.publicity ?? [],
        admins: settings?.admins ?? [],
        ...(settings?.archiveChatId ? { archiveChatId: settings.archiveChatId } : {}),
      },
    };
  }

  /**
   * Makes the directory match a validated file: upserts every unit and person, replaces the role lists,
   * and marks units missing from the file inactive (activities may still refer to them) — except units
   * a sync mirrors from a Feishu department, which only a sync deactivates. A leader in charge the file
   * names is recorded as the file's (a sync keeps it); a unit the file lists without one keeps the
   * department head a sync gave it. Running it twice with the same file changes nothing the second time.
   */
  async apply(
    file: DirectoryFile,
    now: Date,
  ): Promise<{ units: number; people: number; deactivated: number }> {
    for (const unit of file.units) {
      const set = { name: unit.name, contacts: unit.contacts, active: true, updatedAt: now };
      await this.units.updateOne(
        { _id: unit.code },
        unit.leaderInCharge
          ? { $set: { ...set, leaderInCharge: unit.leaderInCharge, leaderSource: 'file' } }
          : { $set: set },
        { upsert: true },
      );
      if (!unit.leaderInCharge) {
        await this.units.updateOne(
          { _id: unit.code, leaderSource: { $ne: 'head' } },
          { $unset: { leaderInCharge: 1, leaderSource: 1 } },
        );
      }
    }
    const codes = file.units.map((u) => u.code);
    const deactivated = await this.units.updateMany(
      { _id: { $nin: codes }, active: true, departmentId: { $exists: false } },
      { $set: { active: false, updatedAt: now } },
    );
    for (const person of file.people) {
      await this.people.updateOne(
        { _id: person.openId },
        {
          $set: {
            ...(person.name ? { name: person.name } : {}),
            ...(person.unit ? { unit: person.unit } : {}),
            updatedAt: now,
          },
        },
        { upsert: true },
      );
    }
    await this.settings.updateOne(
      { _id: 'directory' },
      {
        $set: {
          archivists: file.archivists,
          publicity: file.publicity,
          admins: file.admins,
          updatedAt: now,
          ...(file.archiveChatId ? { archiveChatId: file.archiveChatId } : {}),
        },
        // Written last: a reader that sees the new revision reads the new rows after it.
        $inc: { revision: 1 },
        ...(file.archiveChatId ? {} : { $unset: { archiveChatId: 1 } }),
      },
      { upsert: true },
    );
    this.bumped();
    return {
      units: file.units.length,
      people: file.people.length,
      deactivated: deactivated.modifiedCount,
    };
  }

  private bumped(): void {
    this.appliedHere++;
  }

  /**
   * Writes what a sync from Feishu decided (domain/directory-sync.ts): units and people upserted in
   * batches of 50, then the revision, last (readers that see it read the new rows). Role lists, contacts
   * and the archive chat are not touched. Every write sets a final value, so a run interrupted halfway
   * and run again ends in the same directory.
   */
  async applySync(changes: SyncChanges, now: Date): Promise<void> {
    const unitOps = [
      ...[
        ...changes.unitsAdded.map((u) => ({ ...u, added: true })),
        ...changes.unitsChanged.map((c) => ({ ...c.after, added: false })),
      ].map((u) => ({
        updateOne: {
          filter: { _id: u.code as never },
          update: {
            $set: {
              // A new unit's code is one no unit had (domain/directory-sync.ts), so it has no contacts.
              ...(u.added ? { contacts: [] } : {}),
              name: u.name,
              departmentId: u.departmentId,
              active: true,
              updatedAt: now,
              ...(u.leaderInCharge
                ? { leaderInCharge: u.leaderInCharge, leaderSource: u.leaderSource ?? 'head' }
                : {}),
            },
            ...(u.leaderInCharge ? {} : { $unset: { leaderInCharge: 1, leaderSource: 1 } }),
          },
          upsert: true,
        },
      })),
      ...changes.unitsDeactivated.map((u) => ({
        updateOne: {
          filter: { _id: u.code as never },
          update: { $set: { active: false, updatedAt: now } },
        },
      })),
    ];
    const peopleOps = [
      ...[...changes.peopleAdded, ...changes.peopleChanged.map((c) => c.after)].map((p) => ({
        updateOne: {
          filter: { _id: p.openId as never },
          update: {
            $set: {
              name: p.name,
              active: true,
              updatedAt: now,
              ...(p.unit ? { unit: p.unit } : {}),
            },
            ...(p.unit ? {} : { $unset: { unit: 1 } }),
          },
          upsert: true,
        },
      })),
      ...changes.peopleDeactivated.map((p) => ({
        updateOne: {
          filter: { _id: p.openId as never },
          update: { $set: { active: false, updatedAt: now } },
        },
      })),
    ];
    // FerretDB never answers a write command of 100 or more statements: 50 at a time.
    for (let i = 0; i < unitOps.length; i += 50)
      await this.units.collection.bulkWrite(unitOps.slice(i, i + 50), { ordered: true });
    for (let i = 0; i < peopleOps.length; i += 50)
      await this.people.collection.bulkWrite(peopleOps.slice(i, i + 50), { ordered: true });
    await this.settings.updateOne(
      { _id: 'directory' },
      {
        $set: { updatedAt: now, lastSyncAt: now },
        $inc: { revision: 1 },
      },
      { upsert: true },
    );
    this.bumped();
  }
}
