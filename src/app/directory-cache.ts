import type { DirectoryRepo } from '../db/directory-repo';
import type { Directory } from '../domain/directory';
import type { Actor } from './actor';
import { DirectorySnapshot } from './directory-snapshot';

/** How often another process's import is looked for (one `_id` read of the revision). */
const RECHECK_MS = 1_000;

/**
 * The directory as every event, callback and web request sees it: one snapshot, read once and kept
 * until the directory is imported again. An import in this process replaces it at once; an import by
 * another process (the `directory:import` command) bumps the stored revision, which is looked at no
 * more than once a second.
 */
export class DirectoryCache {
  private current:
    | { snapshot: Promise<DirectorySnapshot>; checkedAt: number; applied: number }
    | undefined;

  constructor(
    private readonly repo: DirectoryRepo,
    private readonly recheckMs = RECHECK_MS,
  ) {}

  /** The current snapshot. */
  snapshot(): Promise<DirectorySnapshot> {
    const now = Date.now();
    const held = this.current;
    if (!held || held.applied !== this.repo.applied) return this.reload(now);
    if (now - held.checkedAt < this.recheckMs) return held.snapshot;
    held.checkedAt = now;
    const checked = Promise.all([held.snapshot, this.repo.revision()]).then(
      ([snapshot, revision]) =>
        revision === snapshot.revision ? snapshot : this.reload(Date.now()),
    );
    held.snapshot = checked;
    checked.catch(() => {
      if (this.current === held) this.current = undefined;
    });
    return checked;
  }

  /** The plain directory of the current snapshot (for the pure rules that take a `Directory`). */
  async load(): Promise<Directory> {
    return (await this.snapshot()).directory;
  }

  /** The actor behind an open_id, from the current snapshot. */
  async actor(openId: string): Promise<Actor> {
    return (await this.snapshot()).actor(openId);
  }

  private reload(now: number): Promise<DirectorySnapshot> {
    const applied = this.repo.applied;
    const snapshot = this.repo
      .read()
      .then(({ directory, revision }) => new DirectorySnapshot(directory, revision));
    const held = { snapshot, checkedAt: now, applied };
    this.current = held;
    snapshot.catch(() => {
      if (this.current === held) this.current = undefined;
    });
    return snapshot;
  }
}
