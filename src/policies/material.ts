import { Refusal } from '../domain/refusal';
import { manages, type ActivitySubject } from './activity';
import { archivistsOnly, holds, policy } from './policy';

/** Items of an activity someone wants to change (describe, remove, attach to, replace). */
export interface MaterialSubject {
  activity: ActivitySubject;
  /** The items concerned (empty: adding something new to the activity). */
  items: readonly { sender: string }[];
}

export const materialPolicies = {
  /**
   * The uploader of an item, or whoever manages the activity (registrant, contact, archivists);
   * adding by `#code` outside the bound group needs the latter. Anyone else is told who may.
   */
  'material.change': policy<MaterialSubject>(
    (actor, s) => manages(actor, s.activity) || s.items.some((m) => m.sender === actor.openId),
    (actor, s) => {
      const contact = actor.directory.displayName(s.activity.contact);
      if (s.items.length === 0) return new Refusal('mdesc.notManager', { contact });
      const uploader = [...new Set(s.items.map((m) => actor.directory.displayName(m.sender)))];
      return new Refusal('mdesc.notAllowed', { uploader: uploader.join('、'), contact });
    },
  ),
  /** A publicity batch is filed by the person who sent it or by an archivist. */
  'publicity.file': policy<{ sender: string }>(
    (actor, batch) => actor.openId === batch.sender || holds(actor, 'archivist'),
    () => new Refusal('mdesc.pub.notAllowed'),
  ),
  /** What the publicity office sends privately goes to its drop-box, unfiled until they pick. */
  'publicity.drop': policy<void>(
    (actor) => holds(actor, 'publicity'),
    () => new Refusal('errors.not_allowed'),
  ),
  'publicity.list_unfiled': archivistsOnly(),
};
