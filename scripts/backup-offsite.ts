import { formatInTz } from '../src/domain/deadline';
import {
  buildOffsitePackage,
  recordDeliveryStep,
  type DeliveryStep,
} from '../src/services/backup/offsite';
import { openBackupCli, parseCli, runBackupCli, UsageError } from './lib/backup-cli';

const USAGE = `usage: npm run backup:offsite -- --year 2026 [--target <id>] [--media-id <label>]
       npm run backup:offsite -- --delivery <OD-2026-01> --departed|--arrived|--checked --by <name> [--agreement <no>] [--failed] [--note "…"]
       npm run backup:offsite -- --list`;

/**
 * `npm run backup:offsite -- --year 2026` builds the year's package for the off-site base: a bag of
 * the year's accepted archives and catalogue, and the delivery list (异地备份档案清单) as XLSX naming
 * every bag with its digest and media id. `--delivery` records departure, arrival and the check at
 * the other side (agreement number, who checked, the result).
 */
runBackupCli(async () => {
  const { values } = parseCli(USAGE, {
    year: { type: 'string' },
    target: { type: 'string' },
    'media-id': { type: 'string' },
    delivery: { type: 'string' },
    departed: { type: 'boolean', default: false },
    arrived: { type: 'boolean', default: false },
    checked: { type: 'boolean', default: false },
    failed: { type: 'boolean', default: false },
    by: { type: 'string' },
    agreement: { type: 'string' },
    note: { type: 'string' },
    list: { type: 'boolean', default: false },
  });
  const cli = await openBackupCli();
  try {
    const { ctx } = cli;
    if (values.list) {
      for (const d of await ctx.custody.deliveriesOf()) {
        const at = (x?: Date) => (x ? formatInTz(x, ctx.tz) : '-');
        console.log(
          `${d._id} ${d.year} media ${d.mediaId}: ${d.bagIds.length} bag(s); departed ${at(d.departedAt)}, arrived ${at(d.arrivedAt)}, checked ${at(d.checkedAt)}${d.checkedAt ? ` (${d.checkOk ? 'ok' : 'FAILED'}, ${d.agreementNo})` : ''}\n  ${d.listFile}`,
        );
      }
      return;
    }
    if (values.delivery) {
      const steps = (['departed', 'arrived', 'checked'] as const).filter((s) => values[s]);
      if (steps.length !== 1 || !values.by)
        throw new UsageError(
          `--delivery needs one of --departed, --arrived, --checked and --by\n${USAGE}`,
        );
      const step: DeliveryStep = steps[0]!;
      const d = await recordDeliveryStep(ctx, values.delivery, step, {
        by: values.by,
        ...(values.agreement ? { agreementNo: values.agreement } : {}),
        ok: !values.failed,
        ...(values.note ? { note: values.note } : {}),
      });
      console.log(`${d._id}: ${step} recorded (${values.by})`);
      return;
    }
    if (!values.year || !/^\d{4}$/.test(values.year)) throw new UsageError(USAGE);
    const pkg = await buildOffsitePackage(ctx, {
      year: Number(values.year),
      ...(values.target ? { targetId: values.target } : {}),
      ...(values['media-id'] ? { mediaId: values['media-id'] } : {}),
    });
    console.log(
      `package bag ${pkg.entry._id}: ${pkg.entry.copied} accepted item(s), tag manifest ${pkg.entry.tagDigest}`,
    );
    console.log(
      `delivery ${pkg.delivery._id}: ${pkg.bags.length} bag(s) on media ${pkg.delivery.mediaId}`,
    );
    console.log(`delivery list (异地备份档案清单): ${pkg.delivery.listFile}`);
  } finally {
    await cli.close();
  }
});
