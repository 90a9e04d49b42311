import type { Card } from '../../../cards/card';
import { materialDescribeFormCard } from '../../../cards/material-describe-form';
import {
  materialDescribedCard,
  materialDescribeHelpCard,
  materialDescribeReplyCard,
} from '../../../cards/material-described';
import type { AppDeps } from '../../app/deps';
import type { ActivityDoc } from '../../db/models/activity';
import type { MaterialDoc } from '../../db/models/material';
import {
  DESCRIBE_FIELDS,
  DESCRIBE_PAGE_SIZE,
  formPatchFor,
  parseDescribeForm,
} from '../../domain/material-describe-form';
import {
  isDescribed,
  mergeDescription,
  type Description,
  type DescriptionIssue,
} from '../../domain/material-description';
import { linesToPatches, parseDescriptionText } from '../../domain/material-description-text';
import {
  tmd,
  tmdPerLang,
  type MaterialsDescribeMessageKey,
} from '../../i18n/messages-materials-describe';
import type { I18nText } from '../../i18n/t';
import { activityOfItems, assertEditable, assertMayChange, MaterialRefusal } from './access';
import { defaultsFor, describedLine, describeFormView, type DescribeEcho } from './describe-views';

/** Reply cards list at most this many items (a card stays well under the 30 KB limit). */
const REPLY_LINES = 15;

export interface LoadedBatch {
  activity: ActivityDoc;
  items: MaterialDoc[];
}

/** A batch's live stored items and its activity, or a refusal saying why there is nothing to do. */
export async function loadBatch(batchId: string, deps: AppDeps): Promise<LoadedBatch> {
  const items = await deps.repos.curation.batchItems(batchId);
  if (items.length === 0) throw new MaterialRefusal(tmd('mdesc.batchGone'));
  return { activity: await activityOfItems(items, deps), items };
}

const viewCtx = async (deps: AppDeps) => ({
  dir: await deps.directory.load(),
  tz: deps.config.tz,
});

/** The description form of a batch at a page, for someone who may describe it. */
export async function describeFormFor(
  batchId: string,
  page: number,
  operator: string,
  deps: AppDeps,
): Promise<Card> {
  const { activity, items } = await loadBatch(batchId, deps);
  const ctx = await viewCtx(deps);
  assertEditable(activity);
  assertMayChange(operator, activity, items, ctx.dir);
  return materialDescribeFormCard(describeFormView(activity, items, page, ctx));
}

/** What an issue says, in both languages. */
export function issueText(issue: DescriptionIssue): I18nText {
  return tmdPerLang(`mdesc.issue.${issue.code}` as MaterialsDescribeMessageKey, (lang) => {
    const vars: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(issue)) if (k !== 'code') vars[k] = v as string | number;
    if ('field' in issue)
      vars.field = tmd(`mdesc.field.${issue.field}` as MaterialsDescribeMessageKey)[lang];
    return vars;
  });
}

function echoOf(
  form: Record<string, unknown> | undefined,
  pageIds: readonly string[],
): DescribeEcho {
  const f = form ?? {};
  const s = (k: string): string | undefined => {
    const v = f[k];
    return typeof v === 'string' ? v : undefined;
  };
  const shared: DescribeEcho['shared'] = {};
  const put = (key: keyof DescribeEcho['shared'], v: string | undefined) => {
    if (v) shared[key] = v.replace(/ [+-]\d{4}$/, '');
  };
  put('event', s(DESCRIBE_FIELDS.event));
  put('place', s(DESCRIBE_FIELDS.place));
  put('takenAt', s(DESCRIBE_FIELDS.takenAt));
  put('photographer', s(DESCRIBE_FIELDS.photographer));
  put('peopleAll', s(DESCRIBE_FIELDS.peopleAll));
  put('docType', s(DESCRIBE_FIELDS.docType));
  put('docDate', s(DESCRIBE_FIELDS.docDate));
  const own: DescribeEcho['own'] = {};
  pageIds.forEach((id, i) => {
    own[id] = {
      ...(s(DESCRIBE_FIELDS.people(i)) ? { people: s(DESCRIBE_FIELDS.people(i)) } : {}),
      ...(s(DESCRIBE_FIELDS.title(i)) ? { title: s(DESCRIBE_FIELDS.title(i)) } : {}),
      ...(s(DESCRIBE_FIELDS.pages(i)) ? { pages: s(DESCRIBE_FIELDS.pages(i)) } : {}),
    };
  });
  return { shared, own };
}

/** Writes new descriptions and returns the items as they are now. */
async function save(
  items: readonly MaterialDoc[],
  patches: ReadonlyMap<string, Description>,
  activity: ActivityDoc,
  deps: AppDeps,
  dir: Awaited<ReturnType<typeof viewCtx>>['dir'],
): Promise<MaterialDoc[]> {
  const now = deps.clock.now();
  const updates: { id: string; description: Description; described: boolean }[] = [];
  const out = items.map((item) => {
    const patch = patches.get(item._id);
    if (!patch) return item;
    const description = mergeDescription(defaultsFor(item, activity, dir), item.description, patch);
    const described = isDescribed({ ...item, description });
    updates.push({ id: item._id, description, described });
    return { ...item, description, described };
  });
  await deps.repos.curation.saveDescriptions(updates, now);
  return out;
}

export type SubmitOutcome =
  | { ok: true; card: Card; saved: number; left: number }
  | { ok: false; card: Card };

/**
 * Applies the batch form: shared fields to every item of the batch, per-item fields to the page's
 * items; then the next page still needing work, or the "described" card when nothing is left.
 */
export async function submitDescribeForm(
  input: { batchId: string; page: number; itemIds: string[]; form?: Record<string, unknown> },
  operator: string,
  deps: AppDeps,
): Promise<SubmitOutcome> {
  const { activity, items } = await loadBatch(input.batchId, deps);
  const ctx = await viewCtx(deps);
  assertEditable(activity);
  assertMayChange(operator, activity, items, ctx.dir);
  const byId = new Map(items.map((m) => [m._id, m]));
  const pageItems = input.itemIds.map((id) => byId.get(id));
  const parsed = parseDescribeForm(
    input.form,
    pageItems.map((m) => ({ kind: m?.kind ?? 'photo', ...(m?.mime ? { mime: m.mime } : {}) })),
    { tz: deps.config.tz, defaultYear: activity.year },
  );
  if (!parsed.ok) {
    const errors = Object.fromEntries(
      Object.entries(parsed.errors).map(([k, issue]) => [k, errorText(issue)]),
    );
    const view = describeFormView(activity, items, input.page, ctx, {
      echo: echoOf(input.form, input.itemIds),
      errors,
    });
    return { ok: false, card: materialDescribeFormCard(view) };
  }
  const patches = new Map<string, Description>();
  for (const item of items) {
    const idx = input.itemIds.indexOf(item._id);
    patches.set(
      item._id,
      formPatchFor(item, parsed.value, idx >= 0 ? parsed.value.own[idx] : undefined),
    );
  }
  const after = await save(items, patches, activity, deps, ctx.dir);
  const left = after.filter((m) => !m.described).length;
  if (left === 0) {
    const card = materialDescribedCard({
      activityId: activity._id,
      batchId: input.batchId,
      code: activity.code,
      total: after.length,
    });
    return { ok: true, card, saved: after.length, left };
  }
  const firstOpen = after.findIndex((m) => !m.described);
  const nextPage =
    input.page * DESCRIBE_PAGE_SIZE < after.length
      ? input.page + 1
      : Math.floor(firstOpen / DESCRIBE_PAGE_SIZE) + 1;
  const card = materialDescribeFormCard(describeFormView(activity, after, nextPage, ctx));
  return { ok: true, card, saved: after.length - left, left };
}

const errorText = (issue: DescriptionIssue): I18nText =>
  tmd(`mdesc.err.${issue.code}` as MaterialsDescribeMessageKey);

/**
 * A `字段：值` reply to a card about `items` (a batch, or one item): unnumbered lines go to every item,
 * `#N` lines to item N; the answer lists what each changed item now says and what it lacks, and every
 * line the bot could not read.
 */
export async function describeByReply(
  items: readonly MaterialDoc[],
  text: string,
  sender: string,
  deps: AppDeps,
): Promise<Card> {
  if (items.length === 0) throw new MaterialRefusal(tmd('mdesc.batchGone'));
  const activity = await activityOfItems(items, deps);
  const ctx = await viewCtx(deps);
  assertEditable(activity);
  assertMayChange(sender, activity, items, ctx.dir);
  // Mentions out, line breaks kept: each line may aim at another item.
  const parsed = parseDescriptionText(text.replace(/@_user_\d+|@_all/g, ' '));
  const { patches, issues } = linesToPatches(items, parsed.lines, {
    tz: deps.config.tz,
    defaultYear: activity.year,
  });
  const problems = [...parsed.issues, ...issues].map(issueText);
  const changed = new Map<string, Description>();
  items.forEach((item, i) => {
    if (Object.keys(patches[i]!).length > 0) changed.set(item._id, patches[i]!);
  });
  if (changed.size === 0) return materialDescribeHelpCard(problems);
  const after = await save(items, changed, activity, deps, ctx.dir);
  const lines = after
    .map((m, i) => ({ m, n: i + 1 }))
    .filter(({ m }) => changed.has(m._id))
    .map(({ m, n }) => describedLine(m, n, ctx.tz));
  return materialDescribeReplyCard({
    code: activity.code,
    lines: lines.slice(0, REPLY_LINES),
    more: Math.max(0, lines.length - REPLY_LINES),
    problems,
    left: after.filter((m) => !m.described).length,
  });
}
