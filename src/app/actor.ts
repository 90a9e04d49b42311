import type { DirectorySnapshot } from './directory-snapshot';

/** What the directory says a person is. A person may hold several roles, or none (a stranger). */
export type ActorRole = 'archivist' | 'publicity' | 'admin' | 'leader' | 'contact';

/**
 * The person behind one event, card callback or web request, resolved once from the cached
 * directory snapshot (`deps.directory.actor(openId)`) and handed to every rule that asks who may act.
 * Only `src/policies/` looks at `roles`, `unitsLed` and `unitsHandled` to decide; everything else
 * asks the policies.
 */
export interface Actor {
  readonly openId: string;
  /** The directory's display name, else the open_id itself. */
  readonly name: string;
  readonly roles: readonly ActorRole[];
  /** The units the person works for: their own unit first, then the units they handle archives for. */
  readonly units: readonly string[];
  /** Active units whose archive work the person handles (经办人). */
  readonly unitsHandled: readonly string[];
  /** Active units the person is the leader in charge of (分管领导). */
  readonly unitsLed: readonly string[];
  /** The snapshot the actor was resolved from: rules read units' leaders and names from the same one. */
  readonly directory: DirectorySnapshot;
}
