import type { ReviewFigures } from '../src/domain/backup-review';
import { tb, tbLabel } from '../src/i18n/messages-backup';
import { joinTexts } from '../src/i18n/t';
import { card, markdown, note, type Card } from './card';

/** The yearly review card (第十二条): the figures of the year, as the XLSX has them. */
export function backupReviewCard(v: {
  year: number;
  figures: ReviewFigures;
  size: (bytes: number) => string;
}): Card {
  const f = v.figures;
  const title = tb('backup.review.title', { year: v.year });
  const made = joinTexts([
    tb('backup.review.made'),
    ...(f.made.length
      ? f.made.map((m) => {
          const kind = tbLabel('kind', m.kind);
          const vars = { target: m.targetId, count: m.count, size: v.size(m.bytes) };
          return {
            zh_cn: tb('backup.review.madeLine', { ...vars, kind: kind.zh_cn }).zh_cn,
            en_us: tb('backup.review.madeLine', { ...vars, kind: kind.en_us }).en_us,
          };
        })
      : [tb('backup.status.none')]),
  ]);
  const compliant = tb(f.compliant ? 'backup.yes' : 'backup.no');
  return card(
    { title, color: f.fixityFailed || f.storeFailed || !f.compliant ? 'orange' : 'green' },
    [
      markdown(made),
      markdown(
        joinTexts([
          tb('backup.review.fixity', {
            passed: f.fixityPassed,
            failed: f.fixityFailed,
            store: f.storeChecks,
          }),
          tb('backup.review.repairs', {
            repairs: f.repairs,
            drills: f.drills,
            drillsOk: f.drillsOk,
            deliveries: f.deliveries,
          }),
          tb('backup.review.pending', {
            pending: f.pending,
            access: f.sealedReads,
            refused: f.sealedRefused,
          }),
          {
            zh_cn: tb('backup.review.compliance', { compliant: compliant.zh_cn }).zh_cn,
            en_us: tb('backup.review.compliance', { compliant: compliant.en_us }).en_us,
          },
        ]),
      ),
      note(tb('backup.review.xlsx', { year: v.year })),
    ],
    title,
  );
}
