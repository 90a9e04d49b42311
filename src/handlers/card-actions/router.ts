import { helpCard } from '../../../cards/help';
import { cardActionSchema, type CardAction } from '../../../cards/actions';
import type { AppDeps } from '../../app/deps';
import { DomainError } from '../../domain/errors';
import { Refusal } from '../../domain/refusal';
import { refusalText } from '../../i18n/refusal-text';
import type { Envelope } from '../../feishu/envelope';
import { t } from '../../i18n/t';
import { toast, type CardActionContext, type CardResponse } from './types';

export { toast, type CardActionContext, type CardResponse } from './types';
import { roleLabels } from '../../services/role-labels';
import { activityActions } from './activity-actions';
import { extensionActions } from './extension-actions';
import { backupActions } from './backup-actions';
import { directoryActions } from './directory-actions';
import { handoverActions } from './handover-actions';
import { materialCurationActions } from './material-curation-actions';
import { materialDescribeActions } from './material-describe-actions';

type ActionHandler<A extends CardAction> = (
  action: A,
  ctx: CardActionContext,
  deps: AppDeps,
) => Promise<CardResponse>;
type ActionTable = {
  [K in CardAction['action']]: ActionHandler<Extract<CardAction, { action: K }>>;
};

/** One line per action; features add theirs. */
const actions: ActionTable = {
  ...activityActions,
  ...extensionActions,
  ...backupActions,
  ...directoryActions,
  ...handoverActions,
  ...materialDescribeActions,
  ...materialCurationActions,
  'help.show': async (_a, ctx, deps) => {
    const dir = await deps.directory.load();
    return {
      card: { type: 'raw', data: helpCard({ roles: roleLabels(ctx.operatorOpenId, dir) }) },
    };
  },
};

interface RawCardEvent {
  operator?: { open_id?: string };
  token?: string;
  action?: { value?: unknown; form_value?: Record<string, unknown> };
  context?: { open_message_id?: string; open_chat_id?: string };
}

/**
 * card.action.trigger: parse the payload (an unknown or stale action is an error toast, not an
 * exception), run the action, turn a DomainError into a bilingual toast.
 */
export async function handleCardAction(envelope: Envelope, deps: AppDeps): Promise<CardResponse> {
  const event = envelope.event as RawCardEvent;
  const operatorOpenId = event.operator?.open_id;
  const parsed = cardActionSchema.safeParse(event.action?.value);
  if (!operatorOpenId || !parsed.success)
    return { toast: toast('error', t('errors.unknown_action')) };
  const ctx: CardActionContext = {
    operatorOpenId,
    ...(event.context?.open_message_id ? { openMessageId: event.context.open_message_id } : {}),
    ...(event.context?.open_chat_id ? { openChatId: event.context.open_chat_id } : {}),
    ...(event.action?.form_value ? { formValue: event.action.form_value } : {}),
    ...(event.token ? { updateToken: event.token } : {}),
  };
  // The table is keyed by action name, so the handler found always matches the parsed payload.
  const handler = actions[parsed.data.action] as unknown as ActionHandler<CardAction>;
  try {
    return await handler(parsed.data, ctx, deps);
  } catch (err) {
    if (err instanceof Refusal) return { toast: toast('error', refusalText(err)) };
    if (err instanceof DomainError) {
      return {
        toast: toast(
          'error',
          t(
            `errors.${err.code}`,
            Object.fromEntries(Object.entries(err.details ?? {}).map(([k, v]) => [k, String(v)])),
          ),
        ),
      };
    }
    throw err;
  }
}
