import { randomUUID } from 'node:crypto';
import type { Card } from '../../../cards/card';
import { materialLinkDoneCard, materialLinkFormCard } from '../../../cards/material-link';
import {
  materialPhysicalDoneCard,
  materialPhysicalFormCard,
} from '../../../cards/material-physical';
import type { AppDeps } from '../../app/deps';
import type { ActivityDoc } from '../../db/models/activity';
import type { MaterialDoc, MaterialSource } from '../../db/models/material';
import { parseActivityCode } from '../../domain/activity-code';
import {
  PHYSICAL_TYPE_EN,
  parseLinkForm,
  parsePhysicalForm,
  type ItemErrorCode,
  type LinkValues,
  type PhysicalType,
  type PhysicalValues,
} from '../../domain/material-items';
import { tmd, type MaterialsDescribeMessageKey } from '../../i18n/messages-materials-describe';
import type { I18nText } from '../../i18n/t';
import { assertEditable, assertMayChange, MaterialRefusal } from './access';

/** `_id` of a physical item / link registered through the form instance `formId`. */
export const physicalIdOf = (formId: string) => `p:${formId}`;
export const linkIdOf = (formId: string) => `l:${formId}`;
export const newFormId = () => randomUUID().replace(/-/g, '').slice(0, 20);

/**
 * The activity a command is about: the `#HD-…` code in it, else the one bound to the group. By code,
 * only people who manage the activity may add to it (in the bound group every member may, as with
 * photos dropped there).
 */
export async function activityForCommand(
  where: { chatId: string; chatType: 'p2p' | 'group' },
  text: string,
  operator: string,
  deps: AppDeps,
): Promise<ActivityDoc | undefined> {
  const repo = deps.repos.activities;
  const code = parseActivityCode(text);
  if (code) {
    const activity = await repo.findByCode(code);
    if (!activity) return undefined;
    if (activity.chatId !== where.chatId) {
      const dir = await deps.directory.load();
      assertMayChange(operator, activity, [], dir);
    }
    return activity;
  }
  if (where.chatType !== 'group') return undefined;
  const binding = await repo.bindingOf(where.chatId);
  return binding ? ((await repo.findById(binding.activityId)) ?? undefined) : undefined;
}

const errorTexts = <F extends string>(errors: Partial<Record<F, ItemErrorCode>>) =>
  Object.fromEntries(
    Object.entries(errors).map(([k, code]) => [
      k,
      tmd(`mdesc.err.${code as ItemErrorCode}` as MaterialsDescribeMessageKey),
    ]),
  ) as Partial<Record<F, I18nText>>;

const strings = (form: Record<string, unknown> | undefined) =>
  Object.fromEntries(
    Object.entries(form ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );

export function physicalFormCard(activity: ActivityDoc, formId: string): Card {
  return materialPhysicalFormCard({
    activityId: activity._id,
    formId,
    code: activity.code,
    values: {},
  });
}

export function physicalDoneCard(
  activity: ActivityDoc,
  item: MaterialDoc,
  photoName?: string,
): Card {
  const p = item.physical!;
  return materialPhysicalDoneCard({
    code: activity.code,
    name: p.name,
    type: { zh_cn: p.type, en_us: PHYSICAL_TYPE_EN[p.type as PhysicalType] ?? p.type },
    quantity: p.quantity,
    description: p.description,
    location: p.location,
    ...(photoName ? { photoName } : {}),
  });
}

export function linkFormCard(
  activity: ActivityDoc,
  formId: string,
  values: { url?: string; title?: string; source?: string },
): Card {
  return materialLinkFormCard({ activityId: activity._id, formId, code: activity.code, values });
}

export function linkDoneCard(activity: ActivityDoc, item: MaterialDoc, captureName?: string): Card {
  const l = item.link!;
  return materialLinkDoneCard({
    code: activity.code,
    url: l.url,
    title: l.title,
    source: l.source,
    ...(captureName ? { captureName } : {}),
  });
}

type Registered = { ok: true; item: MaterialDoc; created: boolean; card: Card };

/**
 * Stores a physical item or link once under `_id`. A second submit of the same form (a double tap,
 * or a correction) updates the record if the submitter may change it; the first submit is logged.
 */
async function registerOnce(
  activity: ActivityDoc,
  doc: MaterialDoc,
  set: Partial<MaterialDoc>,
  operator: string,
  deps: AppDeps,
): Promise<{ item: MaterialDoc; created: boolean }> {
  const now = deps.clock.now();
  if (await deps.repos.curation.insertOnce(doc)) {
    await deps.repos.activities.recordAudit({
      activityId: activity._id,
      at: now,
      actor: operator,
      action: 'material.added',
      changes: [{ field: 'material', after: doc.physical?.name ?? doc.link?.title }],
    });
    return { item: doc, created: true };
  }
  const existing = (await deps.repos.curation.findById(doc._id))!;
  if (existing.removedAt) throw new MaterialRefusal(tmd('mdesc.remove.already'));
  assertMayChange(operator, activity, [existing], await deps.directory.load());
  const item = (await deps.repos.curation.update(doc._id, set, now)) ?? existing;
  return { item, created: false };
}

const baseDoc = (
  activity: ActivityDoc,
  id: string,
  operator: string,
  source: MaterialSource,
  now: Date,
): Omit<MaterialDoc, 'kind'> => ({
  _id: id,
  activityId: activity._id,
  status: 'stored',
  source,
  sender: operator,
  sentAt: now,
  createdAt: now,
  updatedAt: now,
  described: true,
  warnings: [],
});

/** The 登记实物 form submitted: validate, store once under the form's id, show what was registered. */
export async function submitPhysical(
  activity: ActivityDoc,
  formId: string,
  form: Record<string, unknown> | undefined,
  operator: string,
  deps: AppDeps,
): Promise<Registered | { ok: false; card: Card }> {
  assertEditable(activity);
  const parsed = parsePhysicalForm(form);
  if (!parsed.ok) {
    const card = materialPhysicalFormCard({
      activityId: activity._id,
      formId,
      code: activity.code,
      values: strings(form),
      errors: errorTexts(parsed.errors),
    });
    return { ok: false, card };
  }
  const physical: PhysicalValues = parsed.value;
  const doc: MaterialDoc = {
    ...baseDoc(activity, physicalIdOf(formId), operator, 'manual', deps.clock.now()),
    kind: 'physical',
    physical,
  };
  const { item, created } = await registerOnce(activity, doc, { physical }, operator, deps);
  return { ok: true, item, created, card: physicalDoneCard(activity, item) };
}

/** The link form submitted: validate, store once under the form's id, show what was registered. */
export async function submitLink(
  activity: ActivityDoc,
  id: string,
  values: LinkValues | { form: Record<string, unknown> | undefined; formId: string },
  operator: string,
  deps: AppDeps,
): Promise<Registered | { ok: false; card: Card }> {
  assertEditable(activity);
  let link: LinkValues;
  if ('form' in values) {
    const parsed = parseLinkForm(values.form);
    if (!parsed.ok) {
      const card = materialLinkFormCard({
        activityId: activity._id,
        formId: values.formId,
        code: activity.code,
        values: strings(values.form),
        errors: errorTexts(parsed.errors),
      });
      return { ok: false, card };
    }
    link = parsed.value;
  } else {
    link = values;
  }
  const doc: MaterialDoc = {
    ...baseDoc(activity, id, operator, 'manual', deps.clock.now()),
    kind: 'link',
    link,
  };
  const { item, created } = await registerOnce(activity, doc, { link }, operator, deps);
  return { ok: true, item, created, card: linkDoneCard(activity, item) };
}
