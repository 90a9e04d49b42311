import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Connection } from 'mongoose';
import type { DestinationStream } from 'pino';
import { loadConfig, type Config } from '../config/env';
import type { DirectoryFile } from '../domain/directory';
import { FixedClock, type Clock } from '../lib/clock';
import { createLogger } from '../lib/logger';
import { deliver, type DeliverOptions, type DeliverResult } from '../simulator/deliver';
import type { EnvelopeOptions } from '../simulator/events-envelope';
import { FeishuSimulator } from '../simulator/server';
import { buildBot, type BotApp } from './container';

/** Credentials of the local stack (never real ones). App id matches the SDK's cli_ + 16 hex rule. */
export const LOCAL_CREDENTIALS = {
  appId: 'cli_a1b2c3d4e5f60718',
  appSecret: 'local-app-secret-1f9c2b7e',
  verificationToken: 'local-verification-token-5d3a',
  encryptKey: 'local-encrypt-key-8e21c0',
} as const;

export interface LocalStack {
  sim: FeishuSimulator;
  bot: BotApp;
  config: Config;
  clock: Clock;
  /** The bot's base URL on 127.0.0.1. */
  url: string;
  /** Identity for the simulator's event builders. */
  ids: EnvelopeOptions;
  /** Pushes an event to /feishu/events, signed and encrypted like Feishu. */
  sendEvent(envelope: unknown, opts?: DeliverOptions): Promise<DeliverResult>;
  /** Pushes a card callback to /feishu/cards, signed and encrypted like Feishu. */
  sendCard(envelope: unknown, opts?: DeliverOptions): Promise<DeliverResult>;
  /** Imports a directory (validated like the CLI does). */
  loadDirectory(file: DirectoryFile): Promise<void>;
  close(): Promise<void>;
}

export interface LocalStackOptions {
  connection: Connection;
  clock?: Clock;
  env?: Record<string, string>;
  logLevel?: string;
  logDestination?: DestinationStream;
  /** Start the worker's polling loops (the demo does; tests drain explicitly). */
  startWorker?: boolean;
  /** The bot's port on 127.0.0.1 (default: any free one). */
  port?: number;
}

/**
 * The bot as it runs in production, wired to the local Feishu simulator and a given database, with
 * the HTTP edge listening on 127.0.0.1. Tests, the demo and the benchmarks all use it.
 */
export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const sim = new FeishuSimulator({
    appId: LOCAL_CREDENTIALS.appId,
    appSecret: LOCAL_CREDENTIALS.appSecret,
  });
  const simUrl = await sim.start();
  const config = loadConfig({
    FEISHU_APP_ID: LOCAL_CREDENTIALS.appId,
    FEISHU_APP_SECRET: LOCAL_CREDENTIALS.appSecret,
    FEISHU_VERIFICATION_TOKEN: LOCAL_CREDENTIALS.verificationToken,
    FEISHU_ENCRYPT_KEY: LOCAL_CREDENTIALS.encryptKey,
    FEISHU_DOMAIN: simUrl,
    INBOX_POLL_MS: '50',
    ...opts.env,
  });
  const clock = opts.clock ?? new FixedClock(new Date());
  const log = createLogger(opts.logLevel ?? 'silent', opts.logDestination);
  const bot = await buildBot({ config, log, clock, connection: opts.connection });
  const server: Server = bot.http.listen(opts.port ?? 0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (opts.startWorker) bot.worker.start();
  const withKey = (o?: DeliverOptions): DeliverOptions => ({
    encryptKey: LOCAL_CREDENTIALS.encryptKey,
    ...o,
  });
  return {
    sim,
    bot,
    config,
    clock,
    url,
    ids: { appId: LOCAL_CREDENTIALS.appId, verificationToken: LOCAL_CREDENTIALS.verificationToken },
    sendEvent: (envelope, o) => {
      // Let the simulator know the chat of an incoming message, so replies to it land in that chat.
      sim.rememberEvent(envelope);
      return deliver(`${url}/feishu/events`, envelope, withKey(o));
    },
    sendCard: (envelope, o) => deliver(`${url}/feishu/cards`, envelope, withKey(o)),
    loadDirectory: async (file) => {
      await bot.deps.repos.directory.apply(file, clock.now());
    },
    close: async () => {
      await bot.worker.stop(5_000);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await sim.stop();
    },
  };
}
