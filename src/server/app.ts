import { randomUUID } from 'node:crypto';
import Koa from 'koa';
import Router from '@koa/router';
import type { Connection } from 'mongoose';
import type { AppDeps } from '../app/deps';
import { feishuEndpoint } from '../feishu/edge';
import type { Envelope } from '../feishu/envelope';
import { handleCardAction, toast } from '../handlers/card-actions/router';
import { acceptEvent } from '../inbox/intake';
import { t } from '../i18n/t';
import { withTimeout } from '../lib/timeout';
import { answerScrape, type DatabaseFigures } from '../metrics/scrape';
import { consoleMiddleware } from '../console';
import { FeishuOAuth } from '../feishu/oauth';

export interface HttpAppOptions {
  deps: AppDeps;
  connection: Connection;
  /** Called after an event is stored, so an idle worker in this process starts at once. */
  onAccepted?: () => void;
  /** /metrics on this server, behind the bearer token (absent: no route, 404). */
  metrics?: { token: string; figures: DatabaseFigures };
}

/** Budget for storing an event; beyond it we answer 503 and the platform redelivers. */
const ACCEPT_BUDGET_MS = 2_000;
/** Card callbacks must be answered within 3 s; leave room for the network. */
const CARD_BUDGET_MS = 2_500;

/** Stores an event durably before the 200; a database failure is a 503 so Feishu delivers again. */
async function acceptOrFail(
  envelope: Envelope,
  opts: HttpAppOptions,
): Promise<{ status: number; body: unknown }> {
  const { deps } = opts;
  try {
    const result = await withTimeout(
      acceptEvent(envelope, { inbox: deps.repos.inbox, clock: deps.clock }),
      ACCEPT_BUDGET_MS,
      'inbox.accept',
    );
    deps.log.info({ eventId: envelope.eventId, type: envelope.eventType, result }, 'edge.event');
    if (result === 'accepted') opts.onAccepted?.();
    return { status: 200, body: {} };
  } catch (err) {
    deps.log.error({ err, eventId: envelope.eventId }, 'edge.accept.failed');
    return { status: 503, body: { error: 'storage_unavailable' } };
  }
}

/** The Koa app: health, readiness, and the two Feishu endpoints. Routes stay thin. */
export function createHttpApp(opts: HttpAppOptions): Koa {
  const { deps } = opts;
  const app = new Koa();
  app.proxy = true;
  const router = new Router();
  const edge = {
    verificationToken: deps.config.feishu.verificationToken,
    encryptKey: deps.config.feishu.encryptKey,
    maxBodyBytes: deps.config.webhookMaxBodyBytes,
    log: deps.log,
  };

  app.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      const errorId = randomUUID().slice(0, 8);
      deps.log.error({ err, errorId, path: ctx.path }, 'http.error');
      ctx.status = 500;
      ctx.body = { error: 'internal', errorId };
    }
  });

  if (opts.metrics) {
    const { token, figures } = opts.metrics;
    router.get('/metrics', async (ctx) => {
      const answer = await answerScrape(ctx.get('authorization') || undefined, token, figures);
      ctx.status = answer.status;
      ctx.type = answer.contentType;
      ctx.set(answer.headers ?? {});
      ctx.body = answer.body;
    });
  }

  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  });

  router.get('/readyz', async (ctx) => {
    try {
      await withTimeout(opts.connection.db!.admin().ping(), 1_000, 'db.ping');
      const backlog = await deps.repos.inbox.backlog(deps.clock.now());
      ctx.body = { status: 'ready', database: 'up', inbox: backlog };
    } catch {
      ctx.status = 503;
      ctx.body = { status: 'not_ready', database: 'down' };
    }
  });

  router.post(
    '/feishu/events',
    feishuEndpoint(edge, (envelope) => acceptOrFail(envelope, opts)),
  );

  router.post(
    '/feishu/cards',
    feishuEndpoint(edge, async (envelope) => {
      if (envelope.eventType !== 'card.action.trigger') return acceptOrFail(envelope, opts);
      try {
        const body = await withTimeout(
          handleCardAction(envelope, deps),
          CARD_BUDGET_MS,
          'card.action',
        );
        return { status: 200, body };
      } catch (err) {
        const errorId = randomUUID().slice(0, 8);
        deps.log.error({ err, errorId, eventId: envelope.eventId }, 'card.action.failed');
        return { status: 200, body: { toast: toast('error', t('errors.internal', { errorId })) } };
      }
    }),
  );

  // The web console (/console): pages for the archive room, signed in with Feishu.
  app.use(
    consoleMiddleware({
      ...deps,
      oauth: new FeishuOAuth({
        domain: deps.config.feishu.domain,
        appId: deps.config.feishu.appId,
        appSecret: deps.config.feishu.appSecret,
      }),
    }),
  );
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}
