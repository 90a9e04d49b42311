import type { Model } from 'mongoose';

const DUPLICATE_KEY = 11000;

/** True for MongoDB's duplicate key error (E11000), which our unique indexes use as "already have it". */
export function isDuplicateKeyError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

interface BulkWriteErrorLike {
  writeErrors?: { index: number; code: number }[] | { index: number; code: number };
  code?: number;
}

/** Indexes of documents an unordered insertMany refused as duplicates; rethrows anything else. */
function duplicateIndexes(err: unknown): Set<number> {
  const e = err as BulkWriteErrorLike;
  const list =
    e.writeErrors === undefined
      ? []
      : Array.isArray(e.writeErrors)
        ? e.writeErrors
        : [e.writeErrors];
  if (list.length === 0 || list.some((w) => w.code !== DUPLICATE_KEY)) throw err;
  return new Set(list.map((w) => w.index));
}

/** Inserts documents, ignoring the ones whose keys already exist; returns the indexes refused. */
export async function insertManyIgnoringDuplicates(
  model: Model<never>,
  docs: object[],
): Promise<Set<number>> {
  if (docs.length === 0) return new Set();
  try {
    await model.collection.insertMany(docs as never[], { ordered: false });
    return new Set();
  } catch (err) {
    return duplicateIndexes(err);
  }
}
