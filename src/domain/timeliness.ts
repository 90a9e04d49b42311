/**
 * On time or late (第七条1). A handover's timeliness is decided by the submission time of the version
 * that was accepted, against the effective deadline in force at that time (recorded on the version
 * when it was submitted, so a later extension cannot make a late handover on time). A version that
 * follows returns the archivists all marked as minor corrections keeps the clock of the first
 * submission of that run: fixing a typo does not make an on-time handover late.
 *
 * Days are calendar days in the business time zone (see deadline.ts).
 */
import { daysBetweenCalendarDays } from './deadline';

/** One submitted version, in order, as the rules see it. */
export interface VersionFacts {
  version: number;
  submittedAt: Date;
  /** The activity's deadlines when this version was submitted. */
  originalDeadline: Date;
  effectiveDeadline: Date;
  /** Set once the archivists returned this version. */
  returned?: { minor: boolean };
}

/** The submission whose time counts for `versions`' last version. */
export function timelinessClock(versions: readonly VersionFacts[]): VersionFacts | undefined {
  let clock: VersionFacts | undefined;
  let previous: VersionFacts | undefined;
  for (const v of [...versions].sort((a, b) => a.version - b.version)) {
    if (!clock || !previous?.returned?.minor) clock = v;
    previous = v;
  }
  return clock;
}

export type Timeliness =
  | { kind: 'on_time' }
  /** After the original deadline but within an approved extension. */
  | { kind: 'late_with_extension'; daysAfterOriginal: number }
  /** After the effective deadline (with or without an extension). */
  | { kind: 'late'; daysLate: number; extended: boolean };

/** Judges a submission time against the deadlines in force at that time. */
export function judgeTimeliness(
  clock: Pick<VersionFacts, 'submittedAt' | 'originalDeadline' | 'effectiveDeadline'>,
  tz: string,
): Timeliness {
  const at = clock.submittedAt.getTime();
  const extended = clock.effectiveDeadline.getTime() > clock.originalDeadline.getTime();
  if (at <= clock.originalDeadline.getTime()) return { kind: 'on_time' };
  if (at <= clock.effectiveDeadline.getTime()) {
    return {
      kind: 'late_with_extension',
      daysAfterOriginal: Math.max(
        1,
        daysBetweenCalendarDays(clock.originalDeadline, clock.submittedAt, tz),
      ),
    };
  }
  return {
    kind: 'late',
    daysLate: Math.max(1, daysBetweenCalendarDays(clock.effectiveDeadline, clock.submittedAt, tz)),
    extended,
  };
}

/** Timeliness of the latest version of a handover (the accepted one, or the one under review). */
export function handoverTimeliness(
  versions: readonly VersionFacts[],
  tz: string,
): Timeliness | undefined {
  const clock = timelinessClock(versions);
  return clock ? judgeTimeliness(clock, tz) : undefined;
}

/** Calendar days an activity not handed over is past its effective deadline at `now` (0 if not). */
export function daysOverdue(effectiveDeadline: Date, now: Date, tz: string): number {
  if (now.getTime() <= effectiveDeadline.getTime()) return 0;
  return Math.max(1, daysBetweenCalendarDays(effectiveDeadline, now, tz));
}
