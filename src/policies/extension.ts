import type { Actor } from '../app/actor';
import type { DirectorySnapshot } from '../app/directory-snapshot';
import { Refusal } from '../domain/refusal';
import { holds, policy } from './policy';

/** Who decides a unit's extension requests. */
export type ExtensionDecider = { kind: 'leader'; openId: string } | { kind: 'archivists' };

/**
 * The unit's leader in charge (active unit in the directory), or the archivists when the directory
 * names none (or the unit is unknown or inactive), so a request never waits for nobody.
 */
export function extensionDecider(unit: string, directory: DirectorySnapshot): ExtensionDecider {
  const leader = directory.leaderInChargeOf(unit);
  return leader ? { kind: 'leader', openId: leader } : { kind: 'archivists' };
}

/** Everyone the decision card goes to: the leader in charge, or every archivist. */
export function extensionDeciders(unit: string, directory: DirectorySnapshot): string[] {
  const decider = extensionDecider(unit, directory);
  return decider.kind === 'leader' ? [decider.openId] : [...directory.archivists];
}

/** The parts of an extension request the rule looks at. */
export interface ExtensionSubject {
  unit: string;
}

export const extensionPolicies = {
  /**
   * Authority is the directory's at the moment of the tap, not whoever the card was sent to, so a
   * replaced leader's old card no longer works. With a leader in charge only that person decides
   * (archivists and admins included are told who may); without one, any archivist.
   */
  'extension.decide': policy<ExtensionSubject>(
    (actor: Actor, request) => {
      const decider = extensionDecider(request.unit, actor.directory);
      return decider.kind === 'leader'
        ? actor.openId === decider.openId
        : holds(actor, 'archivist');
    },
    (actor, request) => {
      const decider = extensionDecider(request.unit, actor.directory);
      return new Refusal('ext.toast.not_decider', {
        who:
          decider.kind === 'leader'
            ? actor.directory.displayName(decider.openId)
            : { key: 'ext.decider.archivists' },
      });
    },
  ),
};
