import { PRIORITIES, type Priority } from '../src/domain/backup-rules';
import { loadItems } from '../src/services/backup/run-backup';
import { openBackupCli, parseCli, runBackupCli, UsageError } from './lib/backup-cli';

const USAGE = `usage: npm run backup:assess -- --duplicates
       npm run backup:assess -- --item <material id> --keep|--exclude --reason "…" --by <open_id>
       npm run backup:assess -- --item <material id> | --activity <HD-2026-0001> --priority ${PRIORITIES.join('|')} --by <open_id> [--reason "…"]`;

/**
 * Value assessment and priorities (第二条, 第十一条): lists content stored under several items, records
 * an archivist's keep/exclude decision with its reason (excluded items stay out of bags), and sets a
 * priority on an item or a whole activity. Every change goes to the activity's audit trail.
 */
runBackupCli(async () => {
  const { values } = parseCli(USAGE, {
    duplicates: { type: 'boolean', default: false },
    item: { type: 'string' },
    activity: { type: 'string' },
    keep: { type: 'boolean', default: false },
    exclude: { type: 'boolean', default: false },
    priority: { type: 'string' },
    reason: { type: 'string' },
    by: { type: 'string' },
  });
  const cli = await openBackupCli();
  try {
    const { ctx } = cli;
    if (values.duplicates) {
      const { duplicates } = await loadItems(ctx);
      if (!duplicates.length) console.log('no content is stored under more than one item');
      for (const g of duplicates)
        console.log(
          `${g.sha256}\n${g.items.map((i) => `  ${i.id}  activity ${i.activityId ?? '-'}  ${i.decision ?? 'undecided'}`).join('\n')}`,
        );
      return;
    }
    if (!values.by || !cli.isArchivist(values.by))
      throw new UsageError(`--by must name an archivist of the directory\n${USAGE}`);
    const now = ctx.clock.now();
    if (values.priority) {
      const priority = values.priority as Priority;
      if (!PRIORITIES.includes(priority))
        throw new UsageError(`--priority is one of ${PRIORITIES.join(', ')}`);
      if (values.activity) {
        const activity = await ctx.store.findActivity(values.activity);
        if (!activity) throw new UsageError(`no activity ${values.activity}`);
        const id = String(activity._id);
        await ctx.custody.setActivityPriority({
          _id: id,
          priority,
          by: values.by,
          at: now,
          ...(values.reason ? { reason: values.reason } : {}),
        });
        await ctx.store.auditActivity(
          id,
          'activity.priority',
          values.by,
          now,
          [{ field: 'priority', after: priority }],
          values.reason,
        );
        console.log(`${values.activity}: priority ${priority}`);
        return;
      }
      if (!values.item) throw new UsageError(USAGE);
      if (
        !(await ctx.store.setMaterialPriority(values.item, priority, values.by, now, values.reason))
      )
        throw new UsageError(`no item ${values.item}`);
      console.log(`${values.item}: priority ${priority}`);
      return;
    }
    if (!values.item || values.keep === values.exclude || !values.reason)
      throw new UsageError(USAGE);
    const decision = values.keep ? 'keep' : 'exclude';
    if (!(await ctx.store.setValueDecision(values.item, decision, values.reason, values.by, now)))
      throw new UsageError(`no item ${values.item}`);
    console.log(
      `${values.item}: ${decision} (${values.reason})${decision === 'exclude' ? ' — stays out of bags from now on' : ''}`,
    );
  } finally {
    await cli.close();
  }
});
