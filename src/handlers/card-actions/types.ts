import type { Card } from '../../../cards/card';
import type { I18nText } from '../../i18n/t';

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

export const toast = (
  type: NonNullable<CardResponse['toast']>['type'],
  text: I18nText,
): CardResponse['toast'] => ({
  type,
  content: text.zh_cn,
  i18n: { zh_cn: text.zh_cn, en_us: text.en_us },
});
