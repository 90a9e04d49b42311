import mongoose from 'mongoose';
import type { Logger } from '../lib/logger';
import {
  readRunningAddress,
  startEmbeddedFerretdb,
  type EmbeddedFerretdb,
} from './embedded-ferretdb';
import { findFerretdbBinary, unusableMessage } from './ferretdb-binary';

/** An open connection plus how to release it (and the embedded FerretDB, when we started it). */
export interface Database {
  connection: mongoose.Connection;
  uri: string;
  /** True when this process started FerretDB and close() stops it. */
  embedded: boolean;
  /** True when the server is FerretDB (embedded, attached or via MONGODB_URI); see connect(). */
  ferretdb: boolean;
  close(): Promise<void>;
}

export const DEFAULT_DB_NAME = 'archive_bot';

/** `host[:port][,host…]` of a MongoDB URI, without credentials, for logs. */
export function redactedHost(uri: string): string {
  const afterScheme = uri.replace(/^mongodb(\+srv)?:\/\//, '');
  const authority = afterScheme.split(/[/?]/)[0] ?? '';
  return authority.slice(authority.lastIndexOf('@') + 1);
}

/** The database named in a URI's path (`mongodb://h/name`), if any. */
function dbNameInUri(uri: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]*)/.exec(uri);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

const open = (uri: string, dbName: string, options: mongoose.ConnectOptions = {}) =>
  mongoose
    .createConnection(uri, { dbName, serverSelectionTimeoutMS: 5000, autoIndex: false, ...options })
    .asPromise();

/**
 * Connects with createConnection (never the global connection, so tests can hold several).
 * FerretDB 1.24 runs findAndModify/update as read-then-write without isolation, so concurrent
 * requests lose $inc updates and let two workers claim the same lease. One pooled connection
 * makes this process's requests strictly sequential, which restores atomicity within the process.
 */
async function connect(
  uri: string,
  dbName: string,
): Promise<{ connection: mongoose.Connection; ferretdb: boolean }> {
  const connection = await open(uri, dbName);
  let info: Record<string, unknown> | undefined;
  try {
    info = await connection.db?.admin().command({ buildInfo: 1 });
  } catch (err) {
    await connection.close();
    throw err;
  }
  if (typeof info?.['ferretdbVersion'] !== 'string') return { connection, ferretdb: false };
  await connection.close();
  return { connection: await open(uri, dbName, { maxPoolSize: 1 }), ferretdb: true };
}

/**
 * Opens the bot's database: MONGODB_URI when set; otherwise an embedded FerretDB on `dataDir`
 * (started here, or — with `attach` — the one the web process already runs, which close() leaves up).
 * Indexes are not built automatically (autoIndex: false); the app syncs them itself at start.
 */
export async function openDatabase(opts: {
  mongodbUri?: string;
  dataDir: string;
  ferretdbBin?: string;
  repoRoot?: string;
  logger: Logger;
  dbName?: string;
  attach?: boolean;
}): Promise<Database> {
  const log = opts.logger;
  if (opts.mongodbUri) {
    const uri = opts.mongodbUri;
    const { connection, ferretdb } = await connect(
      uri,
      opts.dbName ?? dbNameInUri(uri) ?? DEFAULT_DB_NAME,
    );
    log.info({ embedded: false, ferretdb, host: redactedHost(uri) }, 'db.connected');
    return { connection, uri, embedded: false, ferretdb, close: () => connection.close() };
  }

  const dbName = opts.dbName ?? DEFAULT_DB_NAME;
  const running = opts.attach ? await readRunningAddress(opts.dataDir) : undefined;
  if (running) {
    const { connection, ferretdb } = await connect(running, dbName);
    log.info({ embedded: false, attached: true, host: redactedHost(running) }, 'db.connected');
    return { connection, uri: running, embedded: false, ferretdb, close: () => connection.close() };
  }

  const repoRoot = opts.repoRoot ?? process.cwd();
  const bin = await findFerretdbBinary(repoRoot, opts.ferretdbBin);
  if (!bin) {
    throw new Error(
      opts.ferretdbBin
        ? unusableMessage(repoRoot, opts.ferretdbBin)
        : 'No patched FerretDB 1.24.2 binary found: run `npm run ferretdb:build` (needs Go 1.21+), ' +
          'or set MONGODB_URI to a MongoDB 6+ server.',
    );
  }
  const server: EmbeddedFerretdb = await startEmbeddedFerretdb({
    bin,
    dataDir: opts.dataDir,
    logger: log,
  });
  let connection: mongoose.Connection;
  try {
    ({ connection } = await connect(server.uri, dbName));
  } catch (err) {
    await server.stop();
    throw err;
  }
  log.info({ embedded: true, host: redactedHost(server.uri) }, 'db.connected');
  return {
    connection,
    uri: server.uri,
    embedded: true,
    ferretdb: true,
    close: async () => {
      await connection.close();
      await server.stop();
    },
  };
}
