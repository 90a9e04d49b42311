import type { Connection, Model } from 'mongoose';
import { deliveryModel, type DeliveryDoc } from './models/delivery';
import { isDuplicateKeyError } from './mongo-errors';

/** Remembers what the bot has sent, by send uuid, so a retried step never posts twice. */
export class DeliveryRepo {
  private readonly model: Model<DeliveryDoc>;
  constructor(conn: Connection) {
    this.model = deliveryModel(conn);
  }

  async find(uuid: string): Promise<DeliveryDoc | null> {
    return this.model.findById(uuid).lean<DeliveryDoc>().exec();
  }

  async record(uuid: string, messageId: string, target: string, now: Date): Promise<void> {
    try {
      await this.model.collection.insertOne({ _id: uuid as never, messageId, target, sentAt: now });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  async count(): Promise<number> {
    return this.model.countDocuments();
  }
}
