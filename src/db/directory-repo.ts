import type { Connection, Model } from 'mongoose';
import type { Directory, DirectoryFile } from '../domain/directory';
import {
  directorySettingsModel,
  personModel,
  unitModel,
  type DirectorySettingsDoc,
  type PersonDoc,
  type UnitDoc,
} from './models/directory';

/** How long a loaded directory is reused. */
const CACHE_MS = 5_000;

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

  private cached: { at: number; value: Promise<Directory> } | undefined;

  /**
   * The whole directory (hundreds of rows at most for a college), cached for a few seconds: every card
   * and permission check reads it. An import in this process clears the cache; other processes see
   * the change within CACHE_MS.
   */
  load(): Promise<Directory> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached.value;
    const value = this.read();
    this.cached = { at: now, value };
    value.catch(() => (this.cached = undefined));
    return value;
  }

  private async read(): Promise<Directory> {
    const [units, people, settings] = await Promise.all([
      this.units.find().sort({ _id: 1 }).lean<UnitDoc[]>(),
      this.people.find().sort({ _id: 1 }).lean<PersonDoc[]>(),
      this.settings.findById('directory').lean<DirectorySettingsDoc>(),
    ]);
    return {
      units: units.map((u) => ({
        code: u._id,
        name: u.name,
        ...(u.leaderInCharge ? { leaderInCharge: u.leaderInCharge } : {}),
        contacts: u.contacts,
        active: u.active,
      })),
      people: people.map((p) => ({
        openId: p._id,
        ...(p.name ? { name: p.name } : {}),
        ...(p.unit ? { unit: p.unit } : {}),
      })),
      archivists: settings?.archivists ?? [],
      publicity: settings?.publicity ?? [],
      admins: settings?.admins ?? [],
      ...(settings?.archiveChatId ? { archiveChatId: settings.archiveChatId } : {}),
    };
  }

  /**
   * Makes the directory match a validated file: upserts every unit and person, replaces the role lists,
   * and marks units missing from the file inactive (activities may still refer to them).
   * Running it twice with the same file changes nothing the second time.
   */
  async apply(
    file: DirectoryFile,
    now: Date,
  ): Promise<{ units: number; people: number; deactivated: number }> {
    this.cached = undefined;
    for (const unit of file.units) {
      const set = { name: unit.name, contacts: unit.contacts, active: true, updatedAt: now };
      await this.units.updateOne(
        { _id: unit.code },
        unit.leaderInCharge
          ? { $set: { ...set, leaderInCharge: unit.leaderInCharge } }
          : { $set: set, $unset: { leaderInCharge: 1 } },
        { upsert: true },
      );
    }
    const codes = file.units.map((u) => u.code);
    const deactivated = await this.units.updateMany(
      { _id: { $nin: codes }, active: true },
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
        ...(file.archiveChatId ? {} : { $unset: { archiveChatId: 1 } }),
      },
      { upsert: true },
    );
    this.cached = undefined;
    return {
      units: file.units.length,
      people: file.people.length,
      deactivated: deactivated.modifiedCount,
    };
  }
}
