import type { AuditEventDoc } from '../../db/models/activity';
import { tmd, type MaterialsDescribeMessageKey } from '../../i18n/messages-materials-describe';
import type { I18nText } from '../../i18n/t';

/** Audit actions the material features write. */
export const MATERIAL_AUDIT_ACTIONS = [
  'material.added',
  'material.removed',
  'material.replaced',
  'material.filed',
] as const;

export const isMaterialAudit = (action: string): boolean =>
  (MATERIAL_AUDIT_ACTIONS as readonly string[]).includes(action);

const str = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : '';

/** How a material change reads in an activity's recent changes ("删除了 blurred.jpg：照片模糊"). */
export function materialAuditText(e: AuditEventDoc): I18nText {
  const change = e.changes[0];
  return tmd(`mdesc.audit.${e.action.slice('material.'.length)}` as MaterialsDescribeMessageKey, {
    before: str(change?.before),
    after: str(change?.after),
    reason: e.reason ?? '',
  });
}
