import type { CardAction } from '../../../cards/actions';
import type { AppDeps } from '../../app/deps';
import { displayName } from '../../domain/roles';
import { tb } from '../../i18n/messages-backup';
import { confirmEntry } from '../../services/backup/keeper';
import { toast, type CardActionContext, type CardResponse } from './types';

type Act<K extends CardAction['action']> = (
  a: Extract<CardAction, { action: K }>,
  ctx: CardActionContext,
  deps: AppDeps,
) => Promise<CardResponse>;

/** The keeper confirms a register entry; anyone else is told who the keeper is. */
const confirm: Act<'backup.keeper.confirm'> = async (a, ctx, deps) => {
  const dir = await deps.directory.load();
  const outcome = await confirmEntry(
    deps.repos.backup,
    a.bagId,
    ctx.operatorOpenId,
    deps.clock.now(),
    deps.config.tz,
    (id) => displayName(id, dir),
  );
  switch (outcome.status) {
    case 'unknown':
      return { toast: toast('error', tb('backup.keeper.toast.unknown')) };
    case 'not_keeper':
      return {
        toast: toast('error', tb('backup.keeper.toast.notKeeper', { keeper: outcome.keeper })),
      };
    case 'already':
      return {
        toast: toast('info', tb('backup.keeper.toast.already')),
        card: { type: 'raw', data: outcome.card },
      };
    case 'confirmed':
      return {
        toast: toast('success', tb('backup.keeper.toast.ok')),
        card: { type: 'raw', data: outcome.card },
      };
  }
};

/** Backup card actions, spread into the router's table. */
export const backupActions = { 'backup.keeper.confirm': confirm };
