import { LINK_LIMITS } from '../src/domain/material-items';
import { tmd } from '../src/i18n/messages-materials-describe';
import { same } from '../src/i18n/t';
import { actionValue } from './actions';
import { field, form, submitButton, textInput } from './activity-common';
import { card, fields, markdown, note, type Card } from './card';
import { safe } from './material-common';
import type { LinkDoneView, LinkFormView } from './material-views';

/**
 * "登记报道链接 {code}": URL, headline and source (prefilled from the command and the host); the
 * submit carries the form id, so a double tap registers one link. The bot never opens the page.
 */
export function materialLinkFormCard(v: LinkFormView): Card {
  const title = tmd('mdesc.link.title', { code: v.code });
  const e = v.errors ?? {};
  const val = v.values;
  return card(
    { title, color: 'blue' },
    [
      markdown(tmd('mdesc.link.intro')),
      form('link_form', [
        ...field(
          tmd('mdesc.field.url'),
          textInput('url', {
            placeholder: tmd('mdesc.link.url.ph'),
            maxLength: LINK_LIMITS.url,
            required: true,
            value: val.url,
          }),
          { required: true, error: e.url },
        ),
        ...field(
          tmd('mdesc.field.title'),
          textInput('title', {
            placeholder: tmd('mdesc.link.title.ph'),
            maxLength: LINK_LIMITS.title,
            required: true,
            value: val.title,
          }),
          { required: true, error: e.title },
        ),
        ...field(
          tmd('mdesc.field.source'),
          textInput('source', {
            placeholder: tmd('mdesc.link.source.ph'),
            maxLength: LINK_LIMITS.source,
            required: true,
            value: val.source,
          }),
          { required: true, error: e.source },
        ),
        submitButton(
          'submit',
          tmd('mdesc.link.submit'),
          actionValue({
            action: 'material.link.submit',
            activityId: v.activityId,
            formId: v.formId,
          }),
        ),
      ]),
    ],
    title,
  );
}

/** "已登记报道": the link as registered, and how to attach a captured copy (reply with it). */
export function materialLinkDoneCard(v: LinkDoneView): Card {
  const title = tmd('mdesc.link.done.title', { code: v.code });
  return card(
    { title, color: 'green' },
    [
      fields([
        { label: tmd('mdesc.field.title'), value: same(safe(v.title)) },
        { label: tmd('mdesc.field.source'), value: same(safe(v.source)) },
        { label: tmd('mdesc.field.url'), value: same(safe(v.url)) },
      ]),
      v.captureName
        ? markdown(tmd('mdesc.link.capture', { name: safe(v.captureName) }))
        : note(tmd('mdesc.link.captureHint')),
    ],
    title,
  );
}
