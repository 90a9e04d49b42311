import { access } from 'node:fs/promises';
import type { BackupEntryDoc } from '../../db/backup-repo';
import { fixityDue, periodDue } from '../../domain/backup-rules';
import { streamBlobs } from './blob-export';
import { withLease, type BackupContext } from './context';
import { checkSealedAccess, SealedAccessError } from './sealed-access';
import { verifyBagDir, type BagCheck } from './verify';

/** One file a check found wrong, named so a person can find it. */
export interface FileProblem {
  where: string;
  path: string;
  problem: 'changed' | 'missing' | 'extra' | 'unreadable' | 'tag';
}

/** The outcome of checking one registered bag. */
export interface EntryCheck {
  bagId: string;
  targetId: string;
  ok: boolean;
  summary: string;
  problems: FileProblem[];
  check?: BagCheck;
}

const LIST_LIMIT = 200;

function problemsOf(bagId: string, c: BagCheck): FileProblem[] {
  return [
    ...c.mismatched.map((m) => ({
      where: bagId,
      path: m.path,
      problem: m.actual === null ? ('unreadable' as const) : ('changed' as const),
    })),
    ...c.missing.map((path) => ({ where: bagId, path, problem: 'missing' as const })),
    ...c.extra.map((path) => ({ where: bagId, path, problem: 'extra' as const })),
    ...c.tagProblems.map((path) => ({ where: bagId, path, problem: 'tag' as const })),
  ];
}

/**
 * Verifies a registered bag and records the fixity event on the register (RFC 8493 validity, plus
 * the tag manifest digest against the one registered, so a replaced bag is caught). A sealed copy
 * needs an approval for `verify` (SealedAccessError otherwise).
 */
export async function verifyEntry(ctx: BackupContext, entry: BackupEntryDoc): Promise<EntryCheck> {
  await checkSealedAccess(ctx, entry, 'verify');
  const at = ctx.clock.now();
  let result: EntryCheck;
  const present = await access(entry.path).then(
    () => true,
    () => false,
  );
  if (!present) {
    result = {
      bagId: entry._id,
      targetId: entry.targetId,
      ok: false,
      summary: `bag folder ${entry.path} not found (media not mounted, moved or lost)`,
      problems: [{ where: entry._id, path: entry.path, problem: 'missing' }],
    };
  } else {
    const check = await verifyBagDir(entry.path, {
      ...(ctx.progress ? { progress: ctx.progress } : {}),
      label: `verify ${entry._id}`,
    });
    if (check.tagDigest !== entry.tagDigest) {
      check.tagProblems.push('tagmanifest-sha256.txt differs from the digest on the register');
      check.valid = false;
      check.summary = `INVALID: ${check.summary.replace(/^(INVALID: |valid: )/, '')}, tag manifest differs from the register`;
    }
    result = {
      bagId: entry._id,
      targetId: entry.targetId,
      ok: check.valid,
      summary: check.summary,
      problems: problemsOf(entry._id, check),
      check,
    };
  }
  await ctx.repo.addEvent({
    type: 'fixity',
    at,
    ok: result.ok,
    summary: result.summary,
    bagId: entry._id,
    targetId: entry.targetId,
    actor: ctx.actor,
    details: { problems: result.problems.slice(0, LIST_LIMIT), total: result.problems.length },
  });
  await ctx.repo.setLastFixity(entry._id, { at, ok: result.ok, summary: result.summary });
  return result;
}

/** A stored item whose bytes no longer match its SHA-256, named for the archivists. */
export interface StoreProblem {
  materialId: string;
  activityCode: string | undefined;
  fileName: string | undefined;
  archiveNo: string | undefined;
  expected: string;
  actual: string | null;
}

/** Re-hashes every stored file of the live store (one pass) against its recorded SHA-256. */
export async function checkLiveStore(
  ctx: BackupContext,
): Promise<{ checked: number; bytes: number; problems: StoreProblem[] }> {
  const [materials, activities] = await Promise.all([
    ctx.store.planMaterials({ status: 'stored' }),
    ctx.store.activityIndex(),
  ]);
  const withBytes = materials.filter((m) => m.blobId && m.sha256 && !m.removedAt);
  const blobs = await ctx.store.gridFiles([...new Set(withBytes.map((m) => m.blobId!))]);
  const jobs = [...blobs].map(([key, f]) => ({
    fileKey: key,
    dest: null,
    length: f.length,
    chunkSize: f.chunkSize,
  }));
  let bytes = 0;
  const { results } = await streamBlobs(ctx.store, jobs, {
    all: true,
    onBytes: (n) => (bytes += n),
  });
  const problems: StoreProblem[] = [];
  for (const m of withBytes) {
    const got = results.get(m.blobId!);
    if (got?.sha256 === m.sha256) continue;
    problems.push({
      materialId: m._id,
      activityCode: m.activityId ? activities.get(m.activityId)?.code : undefined,
      fileName: m.fileName,
      archiveNo: m.archiveNo,
      expected: m.sha256!,
      actual: got?.sha256 ?? null,
    });
  }
  await ctx.repo.addEvent({
    type: 'store-fixity',
    at: ctx.clock.now(),
    ok: problems.length === 0,
    summary: `${withBytes.length} stored file(s) re-hashed, ${problems.length} differ from their SHA-256`,
    actor: ctx.actor,
    details: { problems: problems.slice(0, LIST_LIMIT), total: problems.length },
  });
  return { checked: withBytes.length, bytes, problems };
}

export interface RotationResult {
  checked: EntryCheck[];
  /** Sealed copies due but without an approval to read them (logged as refused). */
  sealedWithoutApproval: string[];
  store?: { checked: number; bytes: number; problems: StoreProblem[] };
}

/**
 * The fixity rotation (NDSA L3): every registered copy is verified when due — online targets every
 * `onlineEveryDays`, offline staging every `offlineEveryDays` — and the live store is re-hashed every
 * `liveStoreEveryDays`. Runs under the `fixity` lease; catches up on everything due before `now`.
 */
export async function runFixityRotation(ctx: BackupContext, now: Date): Promise<RotationResult> {
  return withLease(ctx, 'fixity', async () => {
    const f = ctx.settings.fixity;
    const result: RotationResult = { checked: [], sealedWithoutApproval: [] };
    const entries = (await ctx.repo.list()).reverse();
    for (const entry of entries) {
      const lastCheckedAt = entry.lastFixity?.at;
      const every = entry.online ? f.onlineEveryDays : f.offlineEveryDays;
      if (!fixityDue({ createdAt: entry.createdAt, lastCheckedAt }, every, now)) continue;
      try {
        result.checked.push(await verifyEntry(ctx, entry));
      } catch (err) {
        if (!(err instanceof SealedAccessError)) throw err;
        result.sealedWithoutApproval.push(entry._id);
      }
    }
    const lastStore = await ctx.repo.lastEvent('store-fixity');
    if (periodDue(lastStore?.at, f.liveStoreEveryDays, now))
      result.store = await checkLiveStore(ctx);
    return result;
  });
}
