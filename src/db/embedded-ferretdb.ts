import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import mongoose from 'mongoose';
import type { Logger } from '../lib/logger';

/** A FerretDB child process serving `uri`; stop() ends it (the bot owns it for its lifetime). */
export interface EmbeddedFerretdb {
  uri: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** What `<dataDir>/ferretdb/address.json` holds, so other processes (worker, scripts) can attach. */
interface AddressFile {
  uri: string;
  pid: number;
  ownerPid: number;
  startedAt: string;
}

const READY_TIMEOUT_MS = 20_000;
const POLL_MS = 50;
const STOP_GRACE_MS = 5_000;

const ferretDir = (dataDir: string) => path.join(path.resolve(dataDir), 'ferretdb');
const addressPath = (dataDir: string) => path.join(ferretDir(dataDir), 'address.json');
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Asks the OS for a free loopback port (tiny race until FerretDB binds it; start() retries). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** True when something accepts TCP on host:port (fast check before the slower driver ping). */
function tcpOpen(uri: string): Promise<boolean> {
  const { hostname, port } = new URL(uri);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** One MongoDB `ping` with short timeouts; true when the server answers. */
async function ping(uri: string, timeoutMs: number): Promise<boolean> {
  if (!(await tcpOpen(uri))) return false;
  const client = new mongoose.mongo.MongoClient(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    directConnection: true,
  });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
}

function tail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function readAddressFile(dataDir: string): AddressFile | undefined {
  try {
    const parsed = JSON.parse(
      fs.readFileSync(addressPath(dataDir), 'utf8'),
    ) as Partial<AddressFile>;
    return typeof parsed.uri === 'string' ? (parsed as AddressFile) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The URI of the FerretDB another process of this bot started on `dataDir`, if it is alive.
 * A stale address.json (crashed owner, dead port) yields undefined.
 */
export async function readRunningAddress(dataDir: string): Promise<string | undefined> {
  const address = readAddressFile(dataDir);
  return address && (await ping(address.uri, 1000)) ? address.uri : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Refuses to start a second FerretDB on files another live bot process serves; a FerretDB orphaned
 * by a SIGKILLed owner is stopped first (only if /proc, where present, confirms it is ferretdb).
 */
async function reclaimDataDir(dataDir: string, logger: Logger): Promise<void> {
  const address = readAddressFile(dataDir);
  if (!address || !(await ping(address.uri, 1000))) return;
  if (isAlive(address.ownerPid)) {
    throw new Error(
      `ferretdb: ${address.uri} already serves ${ferretDir(dataDir)} (owner pid ${address.ownerPid}); attach to it instead`,
    );
  }
  const cmdline = `/proc/${address.pid}/cmdline`;
  if (fs.existsSync(cmdline) && !fs.readFileSync(cmdline, 'utf8').includes('ferretdb')) return;
  logger.warn({ pid: address.pid }, 'ferretdb.orphan_stopped');
  try {
    process.kill(address.pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + STOP_GRACE_MS;
  while (isAlive(address.pid) && Date.now() < deadline) await sleep(POLL_MS);
}

/** Spawns FerretDB once on `port`; resolves when it answers ping, rejects if it exits first. */
async function launch(bin: string, dir: string, port: number): Promise<ChildProcess> {
  const logFile = path.join(dir, 'ferretdb.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    bin,
    [
      '--handler=sqlite',
      `--sqlite-url=${pathToFileURL(dir).href}/`,
      `--state-dir=${dir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
    ],
    { stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);

  let exited: { code: number | null; signal: string | null } | undefined;
  let spawnError: Error | undefined;
  child.once('exit', (code, signal) => (exited = { code, signal }));
  child.once('error', (err) => (spawnError = err));

  const uri = `mongodb://127.0.0.1:${port}/`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (spawnError) throw new Error(`ferretdb: cannot start ${bin}: ${spawnError.message}`);
    if (exited) {
      throw new Error(
        `ferretdb exited early (code ${exited.code ?? exited.signal}); ${logFile}:\n${tail(logFile)}`,
      );
    }
    if (await ping(uri, 250)) return child;
    await sleep(POLL_MS);
  }
  child.kill('SIGKILL');
  throw new Error(`ferretdb did not answer ping within ${READY_TIMEOUT_MS} ms; see ${logFile}`);
}

/**
 * Starts FerretDB (SQLite files under `<dataDir>/ferretdb/`) so the bot needs no MongoDB install.
 * The child is SIGKILLed if this process exits without calling stop().
 */
export async function startEmbeddedFerretdb(opts: {
  bin: string;
  dataDir: string;
  logger: Logger;
  /** A fixed port (a restart that clients must find again); default: a free one. */
  port?: number;
}): Promise<EmbeddedFerretdb> {
  const dir = ferretDir(opts.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  await reclaimDataDir(opts.dataDir, opts.logger);
  let child: ChildProcess | undefined;
  let port = 0;
  for (let attempt = 1; !child; attempt++) {
    port = opts.port ?? (await freePort());
    try {
      child = await launch(opts.bin, dir, port);
    } catch (err) {
      // Someone took the port between our probe and FerretDB's bind: try another one.
      if (opts.port !== undefined || attempt >= 3 || !/address already in use/.test(String(err)))
        throw err;
    }
  }
  const running = child;
  const pid = running.pid as number;
  const uri = `mongodb://127.0.0.1:${port}/`;
  const killOnExit = () => running.kill('SIGKILL');
  process.on('exit', killOnExit);

  const address: AddressFile = {
    uri,
    pid,
    ownerPid: process.pid,
    startedAt: new Date().toISOString(),
  };
  fs.writeFileSync(addressPath(opts.dataDir), `${JSON.stringify(address, null, 2)}\n`);
  opts.logger.info({ port, pid, dir }, 'ferretdb.started');

  let stopping: Promise<void> | undefined;
  const stop = async () => {
    process.off('exit', killOnExit);
    if (running.exitCode === null && running.signalCode === null) {
      const gone = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGTERM');
      const timer = setTimeout(() => running.kill('SIGKILL'), STOP_GRACE_MS);
      await gone;
      clearTimeout(timer);
    }
    if (readAddressFile(opts.dataDir)?.pid === pid) {
      fs.rmSync(addressPath(opts.dataDir), { force: true });
    }
    opts.logger.info({ pid }, 'ferretdb.stopped');
  };
  return { uri, port, pid, stop: () => (stopping ??= stop()) };
}
