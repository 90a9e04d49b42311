import { PHYSICAL_LIMITS } from '../src/domain/material-items';
import { tmd } from '../src/i18n/messages-materials-describe';
import { same } from '../src/i18n/t';
import { actionValue } from './actions';
import { field, form, selectStatic, submitButton, textInput } from './activity-common';
import { card, fields, markdown, note, type Card } from './card';
import { physicalTypeOptions, safe } from './material-common';
import type { PhysicalDoneView, PhysicalFormView } from './material-views';

/**
 * "登记实物 {code}": name, type (印章, 题词, 牌匾, 奖杯, 活动标志, 证书, 纪念册, 其他), quantity,
 * description and where the item is now; the submit carries the form id, so a double tap registers
 * one item. Errors sit under their fields after a failed submit.
 */
export function materialPhysicalFormCard(v: PhysicalFormView): Card {
  const title = tmd('mdesc.physical.title', { code: v.code });
  const e = v.errors ?? {};
  const val = v.values;
  return card(
    { title, color: 'blue' },
    [
      markdown(tmd('mdesc.physical.intro')),
      form('physical_form', [
        ...field(
          tmd('mdesc.field.name'),
          textInput('name', {
            placeholder: tmd('mdesc.physical.name.ph'),
            maxLength: PHYSICAL_LIMITS.name,
            required: true,
            value: val.name,
          }),
          { required: true, error: e.name },
        ),
        ...field(
          tmd('mdesc.field.type'),
          selectStatic('type', physicalTypeOptions(), {
            placeholder: tmd('mdesc.physical.type.ph'),
            required: true,
            value: val.type,
          }),
          { required: true, error: e.type },
        ),
        ...field(
          tmd('mdesc.field.quantity'),
          textInput('quantity', {
            placeholder: tmd('mdesc.physical.quantity.ph'),
            maxLength: 6,
            required: true,
            value: val.quantity ?? '1',
          }),
          { required: true, error: e.quantity },
        ),
        ...field(
          tmd('mdesc.field.description'),
          textInput('description', {
            placeholder: tmd('mdesc.physical.description.ph'),
            maxLength: PHYSICAL_LIMITS.description,
            multiline: true,
            required: true,
            value: val.description,
          }),
          { required: true, error: e.description },
        ),
        ...field(
          tmd('mdesc.field.location'),
          textInput('location', {
            placeholder: tmd('mdesc.physical.location.ph'),
            maxLength: PHYSICAL_LIMITS.location,
            required: true,
            value: val.location,
          }),
          { required: true, error: e.location },
        ),
        submitButton(
          'submit',
          tmd('mdesc.physical.submit'),
          actionValue({
            action: 'material.physical.submit',
            activityId: v.activityId,
            formId: v.formId,
          }),
        ),
      ]),
      note(tmd('mdesc.physical.photoHint')),
    ],
    title,
  );
}

/** "已登记实物": what was registered, and how to attach a photo (reply to this card with one). */
export function materialPhysicalDoneCard(v: PhysicalDoneView): Card {
  const title = tmd('mdesc.physical.done.title', { code: v.code });
  return card(
    { title, color: 'green' },
    [
      fields([
        { label: tmd('mdesc.field.name'), value: same(safe(v.name)) },
        { label: tmd('mdesc.field.type'), value: v.type },
        { label: tmd('mdesc.field.quantity'), value: same(String(v.quantity)) },
        { label: tmd('mdesc.field.description'), value: same(safe(v.description)) },
        { label: tmd('mdesc.field.location'), value: same(safe(v.location)) },
      ]),
      v.photoName
        ? markdown(tmd('mdesc.physical.photo', { name: safe(v.photoName) }))
        : note(tmd('mdesc.physical.photoHint')),
    ],
    title,
  );
}
