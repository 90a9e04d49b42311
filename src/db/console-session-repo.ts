import type { Connection, Model } from 'mongoose';
import { consoleSessionModel, type ConsoleSessionDoc } from './models/console-session';

/** Every query on console sessions. */
export class ConsoleSessionRepo {
  private readonly sessions: Model<ConsoleSessionDoc>;

  constructor(conn: Connection) {
    this.sessions = consoleSessionModel(conn);
  }

  async create(doc: ConsoleSessionDoc): Promise<void> {
    await this.sessions.collection.insertOne(doc as never);
  }

  /** The session by the hash of its cookie id (an `_id` read). */
  async find(idHash: string): Promise<ConsoleSessionDoc | null> {
    return this.sessions.findById(idHash).lean<ConsoleSessionDoc>();
  }

  async remove(idHash: string): Promise<void> {
    await this.sessions.deleteOne({ _id: idHash });
  }

  /** Drops ended sessions. Scans the (small) collection: called at sign-in, not per page. */
  async purgeExpired(now: Date): Promise<number> {
    const res = await this.sessions.deleteMany({ expiresAt: { $lt: now } });
    return res.deletedCount;
  }
}
