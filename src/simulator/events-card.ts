import { randomBytes } from 'node:crypto';
import {
  envelope,
  unionOf,
  tenant,
  type EnvelopeOptions,
  type EnvelopeOverrides,
  type UrlVerification,
} from './events-envelope';

/** Input of `cardAction`: who clicked what on which card. */
export interface CardActionInput extends EnvelopeOverrides {
  operatorOpenId: string;
  /** The component's `behaviors[].value` object. */
  value: object;
  /** `action.form_value` for a form submit. */
  formValue?: object;
  /** Component name (forms / named components). */
  name?: string;
  /** Component tag, default `button`. */
  tag?: string;
  openMessageId: string;
  openChatId: string;
  /** Delayed-update token, default `c-<random>` (use `sim.issueCardToken(messageId)` to bind one). */
  token?: string;
}

/**
 * `card.action.trigger` callback (JSON 2.0 cards): the synchronous request Feishu sends when a
 * user clicks a button or submits a form; the bot answers with `{toast?, card?}` within 3 s.
 */
export function cardAction(c: CardActionInput, opts: EnvelopeOptions) {
  const event = {
    operator: {
      open_id: c.operatorOpenId,
      union_id: unionOf(c.operatorOpenId),
      tenant_key: tenant(opts),
    },
    token: c.token ?? `c-${randomBytes(16).toString('hex')}`,
    action: {
      tag: c.tag ?? 'button',
      value: c.value,
      ...(c.name !== undefined ? { name: c.name } : {}),
      ...(c.formValue !== undefined ? { form_value: c.formValue } : {}),
      timezone: 'Asia/Shanghai',
    },
    host: 'im_message',
    context: { open_message_id: c.openMessageId, open_chat_id: c.openChatId },
  };
  return envelope('card.action.trigger', event, opts, c);
}

/** The one-off URL verification request sent when the request URL is saved in the console. */
export function urlVerification(
  challenge: string,
  opts: Pick<EnvelopeOptions, 'verificationToken'>,
): UrlVerification {
  return { challenge, token: opts.verificationToken, type: 'url_verification' };
}
