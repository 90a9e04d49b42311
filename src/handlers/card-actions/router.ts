import { helpCard } from '../../../cards/help';
import { cardActionSchema, type CardAction } from '../../../cards/actions';
import type { Card } from '../../../cards/card';
import type { AppDeps } from '../../app/deps';
import { DomainError } from '../../domain/errors';
import type { Envelope } from '../../feishu/envelope';
import { t, type I18nText } from '../../i18n/t';
import { roleLabels } from '../../services/role-labels';

/** Who clicked and where; every action handler authorizes against `operatorOpenId`. */
export interface CardActionContext {
  operatorOpenId: string;
  openMessageId?: string;
  openChatId?: string;
  formValue?: Record<string, unknown>;
  /** The card's delayed-update token (valid 30 min, two uses). */
  updateToken?: string;
}

/** The synchronous answer Feishu shows: a toast and/or a replacement card. */
export interface CardResponse {
  toast?: { type: 'info' | 'success' | 'error' | 'warning'; content: string; i18n: I18nText };
  card?: { type: 'raw'; data: Card };
}

export const toast = (type: NonNullable<CardResponse['toast']>['type'], text: I18nText): CardResponse['toast'] => ({
  type,
  content: text.zh_cn,
  i18n: { zh_cn: text.zh_cn, en_us: text.en_us },
});

type ActionHandler<A extends CardAction> = (action: A, ctx: CardActionContext, deps: AppDeps) => Promise<CardResponse>;
type ActionTable = { [K in CardAction['action']]: ActionHandler<Extract<CardAction, { action: K }>> };

/** One line per action; features add theirs. */
const actions: ActionTable = {
  'help.show': async (_a, ctx, deps) => {
    const dir = await deps.repos.directory.load();
    return { card: { type: 'raw', data: helpCard({ roles: roleLabels(ctx.operatorOpenId, dir) }) } };
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
  if (!operatorOpenId || !parsed.success) return { toast: toast('error', t('errors.unknown_action')) };
  const ctx: CardActionContext = {
    operatorOpenId,
    ...(event.context?.open_message_id ? { openMessageId: event.context.open_message_id } : {}),
    ...(event.context?.open_chat_id ? { openChatId: event.context.open_chat_id } : {}),
    ...(event.action?.form_value ? { formValue: event.action.form_value } : {}),
    ...(event.token ? { updateToken: event.token } : {}),
  };
  const handler = actions[parsed.data.action];
  try {
    return await handler(parsed.data, ctx, deps);
  } catch (err) {
    if (err instanceof DomainError) {
      return { toast: toast('error', t(`errors.${err.code}`, Object.fromEntries(Object.entries(err.details ?? {}).map(([k, v]) => [k, String(v)])))) };
    }
    throw err;
  }
}
