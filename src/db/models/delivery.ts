import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A message the bot has sent, keyed by the uuid it was sent with. Feishu dedupes a uuid for one hour;
 * this record makes a retried handler skip the send for good.
 */
export interface DeliveryDoc {
  _id: string;
  messageId: string;
  target: string;
  sentAt: Date;
}

const schema = new Schema<DeliveryDoc>(
  {
    _id: { type: String, required: true },
    messageId: { type: String, required: true },
    target: { type: String, required: true },
    sentAt: { type: Date, required: true },
  },
  { collection: 'deliveries', versionKey: false },
);
schema.index({ sentAt: 1 });

export const deliveryModel = (conn: Connection): Model<DeliveryDoc> =>
  (conn.models.Delivery as Model<DeliveryDoc> | undefined) ??
  conn.model<DeliveryDoc>('Delivery', schema);
