import { inReminderWindow, REPAIR_MARGIN_MS } from '../../../src/domain/reminder-schedule';

const effectiveDeadline = new Date('2026-04-05T15:59:59.999Z'); // end of 5 April in Shanghai

describe('the reminder watch list', () => {
  it.each([
    ['a month before', '2026-03-02T02:00:00Z', false],
    ['9 days before', '2026-03-27T16:00:00Z', false],
    ['8 days before', '2026-03-28T16:00:00Z', true],
    ['on the due day', '2026-04-05T02:00:00Z', true],
    ['weeks overdue', '2026-05-01T02:00:00Z', true],
  ])('an owed activity %s: %s', (_label, now, expected) => {
    expect(inReminderWindow({ state: 'collecting', effectiveDeadline }, new Date(now))).toBe(
      expected,
    );
  });
  it('leaves out what is handed over, accepted or cancelled', () => {
    const now = new Date('2026-04-10T02:00:00Z');
    for (const state of ['handover_submitted', 'accepted', 'cancelled'] as const)
      expect(inReminderWindow({ state, effectiveDeadline }, now)).toBe(false);
    expect(inReminderWindow({ state: 'returned', effectiveDeadline }, now)).toBe(true);
  });
  it('lets the daily repair add an activity a day early', () => {
    const now = new Date('2026-03-27T19:30:00Z');
    expect(inReminderWindow({ state: 'ended', effectiveDeadline }, now)).toBe(false);
    expect(inReminderWindow({ state: 'ended', effectiveDeadline }, now, REPAIR_MARGIN_MS)).toBe(
      true,
    );
  });
});
