import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A signed-in console session. `_id` is the SHA-256 of the random id in the browser's cookie, so the
 * database never holds a usable cookie; read by `_id` on every request (the one filter FerretDB
 * answers without a scan). `csrf` is the token every state-changing request must echo.
 */
export interface ConsoleSessionDoc {
  _id: string;
  openId: string;
  name: string;
  csrf: string;
  createdAt: Date;
  expiresAt: Date;
}

const schema = new Schema<ConsoleSessionDoc>(
  {
    _id: { type: String, required: true },
    openId: { type: String, required: true },
    name: { type: String, default: '' },
    csrf: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'console_sessions', versionKey: false },
);

export const consoleSessionModel = (conn: Connection): Model<ConsoleSessionDoc> =>
  (conn.models.ConsoleSession as Model<ConsoleSessionDoc> | undefined) ??
  conn.model<ConsoleSessionDoc>('ConsoleSession', schema);
