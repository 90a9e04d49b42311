/**
 * The yearly review of backup work (第十二条: 年度工作综合考核和评价), as pure arithmetic over what the
 * register holds for the year.
 */

export interface ReviewInput {
  entries: { kind: string; targetId: string; bytes: number; confirmedAt?: Date | undefined }[];
  fixity: { ok: boolean }[];
  storeChecks: { ok: boolean }[];
  repairs: { ok: boolean }[];
  drills: { ok: boolean }[];
  deliveries: number;
  access: { allowed: boolean }[];
  /** Unconfirmed entries now, whatever their year (what still needs doing). */
  pending: number;
  compliance: { compliant: boolean; offsite: boolean; differentMedia: boolean };
}

export interface ReviewFigures {
  made: { kind: string; targetId: string; count: number; bytes: number }[];
  backups: number;
  bytes: number;
  fixityPassed: number;
  fixityFailed: number;
  storeChecks: number;
  storeFailed: number;
  repairs: number;
  drills: number;
  drillsOk: number;
  deliveries: number;
  sealedReads: number;
  sealedRefused: number;
  pending: number;
  compliant: boolean;
  offsite: boolean;
  differentMedia: boolean;
}

const count = <T>(list: readonly T[], test: (x: T) => boolean) => list.filter(test).length;

/** Sums the year: backups per kind and target (sorted), checks passed and failed, and the rest. */
export function reviewFigures(input: ReviewInput): ReviewFigures {
  const made = new Map<string, { kind: string; targetId: string; count: number; bytes: number }>();
  for (const e of input.entries) {
    const key = `${e.kind}|${e.targetId}`;
    const row = made.get(key) ?? { kind: e.kind, targetId: e.targetId, count: 0, bytes: 0 };
    row.count += 1;
    row.bytes += e.bytes;
    made.set(key, row);
  }
  return {
    made: [...made.values()].sort((a, b) =>
      a.kind === b.kind ? (a.targetId < b.targetId ? -1 : 1) : a.kind < b.kind ? -1 : 1,
    ),
    backups: input.entries.length,
    bytes: input.entries.reduce((n, e) => n + e.bytes, 0),
    fixityPassed: count(input.fixity, (f) => f.ok),
    fixityFailed: count(input.fixity, (f) => !f.ok),
    storeChecks: input.storeChecks.length,
    storeFailed: count(input.storeChecks, (f) => !f.ok),
    repairs: input.repairs.length,
    drills: input.drills.length,
    drillsOk: count(input.drills, (d) => d.ok),
    deliveries: input.deliveries,
    sealedReads: input.access.length,
    sealedRefused: count(input.access, (a) => !a.allowed),
    pending: input.pending,
    ...input.compliance,
  };
}
