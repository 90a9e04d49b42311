/** Fragments shared by the material cards. */
import type { MaterialKind } from '../src/domain/categories';
import { DOC_TYPE_EN, DOC_TYPES } from '../src/domain/material-description';
import { PHYSICAL_TYPE_EN, PHYSICAL_TYPES } from '../src/domain/material-items';
import { tmd, type MaterialsDescribeMessageKey } from '../src/i18n/messages-materials-describe';
import type { I18nText } from '../src/i18n/t';
import { control, escapeMd, type ControlOpts } from './activity-common';
import type { CardElement } from './card';
import type { Option } from './material-views';

/** "照片" / "Photo". */
export const kindText = (kind: MaterialKind): I18nText =>
  tmd(`mdesc.kind.${kind}` as MaterialsDescribeMessageKey);

/** The 文件类型 options, value = the Chinese name stored on the description. */
export const docTypeOptions = (): Option[] =>
  DOC_TYPES.map((d) => ({ value: d, label: { zh_cn: d, en_us: DOC_TYPE_EN[d] } }));

/** The 实物 type options, value = the Chinese name stored on the item. */
export const physicalTypeOptions = (): Option[] =>
  PHYSICAL_TYPES.map((p) => ({ value: p, label: { zh_cn: p, en_us: PHYSICAL_TYPE_EN[p] } }));

/** Date picker; the value is `yyyy-MM-dd +0800`. */
export const datePicker = (name: string, o: ControlOpts): CardElement =>
  control('date_picker', name, o, o.value ? { initial_date: o.value } : {});

/** People's text, safe inside markdown. */
export const safe = (text: string): string => escapeMd(text);

/** Joins per-language parts with the language's list separator. */
export const joinList = (parts: I18nText[]): I18nText => ({
  zh_cn: parts.map((p) => p.zh_cn).join('、'),
  en_us: parts.map((p) => p.en_us).join(', '),
});
