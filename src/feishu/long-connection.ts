import * as lark from '@larksuiteoapi/node-sdk';
import type { AppDeps } from '../app/deps';
import { handleCardAction } from '../handlers/card-actions/router';
import { acceptEvent, HANDLED_EVENT_TYPES } from '../inbox/intake';
import { envelopeFromFlattened } from './envelope';
import { sdkLoggerBridge } from './sdk-client';

/**
 * The dispatcher long-connection mode shares with the webhook: every handled event type goes to the
 * same inbox, card.action.trigger to the same card router. The connection itself authenticates
 * payloads, so there is no signature or token to check here.
 */
export function buildLongConnectionDispatcher(
  deps: AppDeps,
  onAccepted?: () => void,
): lark.EventDispatcher {
  const handles: Record<string, (data: Record<string, unknown>) => Promise<unknown>> = {};
  for (const type of HANDLED_EVENT_TYPES) {
    handles[type] = async (data) => {
      const result = await acceptEvent(envelopeFromFlattened(data, type), {
        inbox: deps.repos.inbox,
        clock: deps.clock,
      });
      if (result === 'accepted') onAccepted?.();
      return undefined;
    };
  }
  handles['card.action.trigger'] = (data) =>
    handleCardAction(envelopeFromFlattened(data, 'card.action.trigger'), deps);
  return new lark.EventDispatcher({
    logger: sdkLoggerBridge(deps.log),
    loggerLevel: lark.LoggerLevel.warn,
  }).register(handles as unknown as lark.EventHandles);
}

/** Starts the SDK's WSClient (a college without a public URL can run the bot this way). */
export function startLongConnection(deps: AppDeps, onAccepted?: () => void): { close(): void } {
  const ws = new lark.WSClient({
    appId: deps.config.feishu.appId,
    appSecret: deps.config.feishu.appSecret,
    domain: deps.config.feishu.domain,
    logger: sdkLoggerBridge(deps.log),
    loggerLevel: lark.LoggerLevel.warn,
  });
  void ws.start({ eventDispatcher: buildLongConnectionDispatcher(deps, onAccepted) });
  return { close: () => ws.close({ force: true }) };
}
