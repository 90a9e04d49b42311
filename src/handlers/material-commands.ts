import type { Card } from '../../cards/card';
import { noticeCard } from '../../cards/notice';
import type { AppDeps } from '../app/deps';
import type { ActivityDoc } from '../db/models/activity';
import { rolesOf } from '../domain/roles';
import { parseLinkCommand, sourceFromUrl } from '../domain/material-items';
import type { IncomingMessage } from '../feishu/normalize';
import { t } from '../i18n/t';
import { tmd } from '../i18n/messages-materials-describe';
import type { HandlerContext } from '../inbox/worker';
import { assertEditable, MaterialRefusal } from '../services/materials/access';
import { materialListFor } from '../services/materials/corrections';
import {
  activityForCommand,
  linkFormCard,
  linkIdOf,
  newFormId,
  physicalFormCard,
  physicalIdOf,
  submitLink,
} from '../services/materials/items';
import { unfiledListCard } from '../services/materials/publicity';

type Reply = (card: Card, suffix: string) => Promise<string>;

const replier =
  (msg: IncomingMessage, ctx: HandlerContext, deps: AppDeps): Reply =>
  (card, suffix) =>
    deps.messenger.replyCard(msg.messageId, card, `${ctx.recordId}:${suffix}`, msg.chatId);

/**
 * Runs a command about an activity (named by `#HD-…` or the bound group): no activity → how to name
 * one; a refusal (accepted, not allowed) → a notice saying why.
 */
async function withActivity(
  msg: IncomingMessage,
  example: string,
  ctx: HandlerContext,
  deps: AppDeps,
  run: (activity: ActivityDoc, reply: Reply) => Promise<void>,
): Promise<void> {
  const reply = replier(msg, ctx, deps);
  try {
    const activity = await activityForCommand(msg, msg.text ?? '', msg.senderOpenId, deps);
    if (!activity) {
      await reply(
        noticeCard(
          tmd('mdesc.needActivity.title'),
          tmd('mdesc.needActivity.body', { example }),
          'grey',
        ),
        'need-activity',
      );
      return;
    }
    await run(activity, reply);
  } catch (err) {
    if (!(err instanceof MaterialRefusal)) throw err;
    await reply(noticeCard(tmd('mdesc.refused.title'), err.text, 'grey'), 'refused');
  }
}

/** `登记实物` / `add item`: the physical item form; replies to it attach a photo. */
export async function onAddItemCommand(
  msg: IncomingMessage,
  _args: string,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  await withActivity(msg, '登记实物', ctx, deps, async (activity, reply) => {
    assertEditable(activity);
    const formId = newFormId();
    const sent = await reply(physicalFormCard(activity, formId), 'add-item');
    await deps.repos.curation.rememberCard(
      { _id: sent, kind: 'physical', activityId: activity._id, materialId: physicalIdOf(formId) },
      deps.clock.now(),
    );
  });
}

/**
 * `报道 <url> <title>` / `link <url> <title>`: registers the link at once (source from the host);
 * without a title, a form prefilled with the URL and source. Replies to either card attach a capture.
 */
export async function onLinkCommand(
  msg: IncomingMessage,
  args: string,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  await withActivity(msg, '报道', ctx, deps, async (activity, reply) => {
    assertEditable(activity);
    const parsed = parseLinkCommand(args.replace(/[#＃]?HD[-－–—]\d{4}[-－–—]\d{4,}/gi, ''));
    if (!parsed.ok) {
      await reply(
        noticeCard(tmd('mdesc.link.usage.title'), tmd('mdesc.link.usage'), 'grey'),
        'link-usage',
      );
      return;
    }
    const source = sourceFromUrl(parsed.url);
    if (parsed.title) {
      const id = linkIdOf(msg.messageId);
      const outcome = await submitLink(
        activity,
        id,
        { url: parsed.url, title: parsed.title, source },
        msg.senderOpenId,
        deps,
      );
      if (!outcome.ok) return;
      const sent = await reply(outcome.card, 'link');
      await deps.repos.curation.rememberCard(
        { _id: sent, kind: 'link', activityId: activity._id, materialId: id },
        deps.clock.now(),
      );
      return;
    }
    const formId = newFormId();
    const sent = await reply(
      linkFormCard(activity, formId, { url: parsed.url, source }),
      'link-form',
    );
    await deps.repos.curation.rememberCard(
      { _id: sent, kind: 'link', activityId: activity._id, materialId: linkIdOf(formId) },
      deps.clock.now(),
    );
  });
}

/** `材料` / `materials`: the activity's items, with remove buttons while it is open. */
export async function onMaterialsCommand(
  msg: IncomingMessage,
  _args: string,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  await withActivity(msg, '材料', ctx, deps, async (activity, reply) => {
    await reply(await materialListFor(activity, 1, deps), 'materials');
  });
}

/** `待归档` / `unfiled` (archivists): publicity batches nobody has filed yet. */
export async function onUnfiledCommand(
  msg: IncomingMessage,
  _args: string,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  const reply = replier(msg, ctx, deps);
  if (!rolesOf(msg.senderOpenId, await deps.directory.load()).archivist) {
    await reply(
      noticeCard(t('errors.not_archivist'), t('errors.not_archivist'), 'grey'),
      'unfiled',
    );
    return;
  }
  await reply(await unfiledListCard(deps), 'unfiled');
}
