import { Refusal } from '../domain/refusal';
import { holds, policy } from './policy';

/** What only the directory's admins do: the directory itself and the ids it is written with. */
export const adminPolicies = {
  /** See the directory's state and sync it from Feishu's contacts. */
  'directory.manage': policy<void>(
    (actor) => holds(actor, 'admin'),
    () => new Refusal('directory.onlyAdmins'),
  ),
  /** Look up a group's chat_id (`本群ID`). */
  'chat.show_id': policy<void>(
    (actor) => holds(actor, 'admin'),
    () => new Refusal('directory.chatIdOnlyAdmins'),
  ),
};
