import type { SyncChanges } from '../src/domain/directory-sync';
import { tdir, type DirectoryMessageKey } from '../src/i18n/messages-directory';
import { joinTexts, same, t, type I18nText } from '../src/i18n/t';
import { actionValue } from './actions';
import { escapeMd } from './activity-common';
import {
  button,
  buttonRow,
  card,
  divider,
  markdown,
  note,
  type Card,
  type CardElement,
} from './card';

/** Lines shown per section; the rest are counted (a card has a size limit). */
export const SYNC_LINES_PER_SECTION = 8;

export type SyncPlanState =
  | { state: 'proposed' }
  | { state: 'applying' }
  | { state: 'applied'; by: string; at: string }
  | { state: 'discarded' }
  | { state: 'stale' };

export interface SyncPlanView {
  planId: string;
  changes: SyncChanges;
  /** Display names by open_id (from the contacts just read, else the directory). */
  names: Readonly<Record<string, string>>;
  status: SyncPlanState;
}

function section(key: DirectoryMessageKey, lines: I18nText[]): CardElement[] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, SYNC_LINES_PER_SECTION);
  const more = lines.length - shown.length;
  const list = joinTexts(
    [...shown, ...(more > 0 ? [tdir('sync.more', { n: more })] : [])].map((l) => ({
      zh_cn: `- ${l.zh_cn}`,
      en_us: `- ${l.en_us}`,
    })),
  );
  const heading = tdir(key);
  return [
    markdown({
      zh_cn: `**${heading.zh_cn}（${lines.length}）**\n${list.zh_cn}`,
      en_us: `**${heading.en_us} (${lines.length})**\n${list.en_us}`,
    }),
  ];
}

function lines(v: SyncPlanView) {
  const who = (id: string | undefined) => (id ? escapeMd(v.names[id] ?? id) : '—');
  const c = v.changes;
  const unit = (u: SyncChanges['unitsAdded'][number]) => {
    const base = tdir('sync.unit', {
      code: u.code,
      name: escapeMd(u.name),
      leader: who(u.leaderInCharge),
    });
    return u.generatedCode ? joinTexts([base, tdir('sync.unit.generated')], '') : base;
  };
  const arrow = (a: string | undefined, b: string | undefined) => `${a ?? '—'} → ${b ?? '—'}`;
  return {
    unitsAdded: c.unitsAdded.map(unit),
    unitsChanged: c.unitsChanged.map((ch) => {
      const parts: I18nText[] = [same(ch.after.code)];
      parts.push(
        same(
          ch.before.name !== ch.after.name
            ? arrow(escapeMd(ch.before.name), escapeMd(ch.after.name))
            : escapeMd(ch.after.name),
        ),
      );
      const leaderChanged = ch.before.leaderInCharge !== ch.after.leaderInCharge;
      if (leaderChanged)
        parts.push(same(arrow(who(ch.before.leaderInCharge), who(ch.after.leaderInCharge))));
      if (!ch.before.active) parts.push(tdir('sync.reactivated'));
      else if (ch.before.name === ch.after.name && !leaderChanged) parts.push(tdir('sync.linked'));
      return joinTexts(parts, ' · ');
    }),
    unitsDeactivated: c.unitsDeactivated.map((u) => same(`${u.code} ${escapeMd(u.name)}`)),
    peopleAdded: c.peopleAdded.map((p) =>
      same(`${escapeMd(p.name)}${p.unit ? ` · ${p.unit}` : ''}`),
    ),
    peopleChanged: c.peopleChanged.map((ch) =>
      same(
        [
          ch.before.name !== ch.after.name
            ? arrow(ch.before.name && escapeMd(ch.before.name), escapeMd(ch.after.name))
            : escapeMd(ch.after.name),
          ch.before.unit !== ch.after.unit ? arrow(ch.before.unit, ch.after.unit) : '',
        ]
          .filter(Boolean)
          .join(' · '),
      ),
    ),
    peopleDeactivated: c.peopleDeactivated.map((p) => same(who(p.openId))),
    departed: c.departedWithRoles.map((d) => {
      const labels = d.roles.map((r) =>
        'unit' in r ? t(`role.${r.role}`, { units: r.unit }) : t(`role.${r.role}`),
      );
      return {
        zh_cn: `${who(d.openId)}：${labels.map((x) => x.zh_cn).join('、')}`,
        en_us: `${who(d.openId)}: ${labels.map((x) => x.en_us).join(', ')}`,
      };
    }),
  };
}

const counts = (c: SyncChanges) => ({
  unitsAdded: c.unitsAdded.length,
  unitsChanged: c.unitsChanged.length,
  unitsDeactivated: c.unitsDeactivated.length,
  peopleAdded: c.peopleAdded.length,
  peopleChanged: c.peopleChanged.length,
  peopleDeactivated: c.peopleDeactivated.length,
});

function footer(v: SyncPlanView, empty: boolean): CardElement | undefined {
  switch (v.status.state) {
    case 'proposed':
      if (empty) return undefined;
      return buttonRow([
        button(
          tdir('sync.apply'),
          actionValue({ action: 'directory.sync.apply', planId: v.planId }),
          {
            type: 'primary',
            confirm: { title: tdir('sync.apply'), text: tdir('sync.apply.confirm') },
          },
        ),
        button(
          tdir('sync.discard'),
          actionValue({ action: 'directory.sync.discard', planId: v.planId }),
        ),
      ]);
    case 'applying':
      return note(tdir('sync.applying'));
    case 'applied':
      return note(tdir('sync.applied', { by: escapeMd(v.status.by), at: v.status.at }));
    case 'discarded':
      return note(tdir('sync.discarded'));
    case 'stale':
      return note(tdir('sync.stale'));
  }
}

/**
 * A proposed sync from Feishu's contacts: the counts, up to 8 lines per kind of change, a warning for
 * people who left but still hold a role, and (while proposed) apply / discard.
 */
export function directorySyncCard(v: SyncPlanView): Card {
  const c = v.changes;
  const n = counts(c);
  const empty = Object.values(n).every((x) => x === 0);
  const l = lines(v);
  const title = v.status.state === 'applied' ? tdir('sync.result.title') : tdir('sync.title');
  return card(
    {
      title,
      color: v.status.state === 'applied' ? 'green' : v.status.state === 'stale' ? 'grey' : 'blue',
    },
    [
      markdown(empty ? tdir('sync.none') : tdir('sync.counts', n)),
      ...(empty ? [] : [note(tdir('sync.kept')), divider()]),
      ...section('sync.section.unitsAdded', l.unitsAdded),
      ...section('sync.section.unitsChanged', l.unitsChanged),
      ...section('sync.section.unitsDeactivated', l.unitsDeactivated),
      ...section('sync.section.peopleAdded', l.peopleAdded),
      ...section('sync.section.peopleChanged', l.peopleChanged),
      ...section('sync.section.peopleDeactivated', l.peopleDeactivated),
      ...section('sync.section.departed', l.departed),
      footer(v, empty),
    ],
    title,
  );
}

/** The sync could not read the contacts: which scope is missing; nothing changed. */
export function syncScopeMissingCard(scopes: string[]): Card {
  const title = tdir('sync.scope.title');
  return card(
    { title, color: 'red' },
    [markdown(tdir('sync.scope.body', { scopes: scopes.join(' / ') }))],
    title,
  );
}
