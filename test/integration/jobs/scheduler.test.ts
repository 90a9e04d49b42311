import type { AppDeps } from '../../../src/app/deps';
import { JOBS } from '../../../src/jobs';
import { minuteSlot, startJobs } from '../../../src/jobs/scheduler';
import { startJobsHarness, testJob, type JobsHarness } from './job-harness';

let h: JobsHarness;

beforeAll(async () => {
  h = await startJobsHarness();
});
afterAll(async () => {
  await h.close();
});

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
const withSchedules = (deps: AppDeps, jobSchedules: Record<string, string>): AppDeps => ({
  ...deps,
  config: { ...deps.config, jobSchedules },
});

describe('job scheduler', () => {
  it('starts every job on its schedule and stops leaving no timer behind', async () => {
    const before = timers();
    const jobs = startJobs(h.bot.bot.deps, {
      jobs: [testJob('every-minute'), ...JOBS],
      runs: h.runs,
    });
    expect(timers()).toBeGreaterThan(before);
    await jobs.stop();
    expect(timers()).toBe(before);
    const started = h.bot.logLines.find((l) => l.includes('"jobs.started"'));
    expect(started).toContain('"every-minute"');
    expect(started).toContain('"30 3 * * *"');
    expect(h.bot.logLines.some((l) => l.includes('"jobs.stopped"'))).toBe(true);
  });

  it('applies JOB_SCHEDULES and refuses unknown names and bad expressions', async () => {
    const deps = h.bot.bot.deps;
    const jobs = startJobs(withSchedules(deps, { 'inbox-purge': '*/5 * * * *' }), {
      runs: h.runs,
    });
    await jobs.stop();
    expect(h.bot.logLines.some((l) => l.includes('"*/5 * * * *"'))).toBe(true);
    expect(() =>
      startJobs(withSchedules(deps, { 'no-such-job': '* * * * *' }), { runs: h.runs }),
    ).toThrow(/unknown job.*no-such-job/);
    expect(() =>
      startJobs(withSchedules(deps, { 'inbox-purge': 'sometimes' }), { runs: h.runs }),
    ).toThrow(/invalid cron expression: inbox-purge="sometimes"/);
  });

  it('records runs through deps.repos.jobs by default', async () => {
    const lines = h.bot.logLines.length;
    const jobs = startJobs(h.bot.bot.deps, { jobs: [testJob('wired')] });
    await jobs.stop();
    const after = h.bot.logLines.slice(lines).join('\n');
    expect(after).toContain('"jobs.started"');
    expect(after).not.toContain('"jobs.disabled"');
  });

  it('names a run by the minute of its tick', () => {
    expect(minuteSlot(new Date('2026-03-02T03:30:00.000Z'))).toBe('2026-03-02T03:30Z');
    expect(minuteSlot(new Date('2026-03-02T03:30:59.999Z'))).toBe('2026-03-02T03:30Z');
  });
});
