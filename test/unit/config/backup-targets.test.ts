import {
  BackupConfigError,
  complianceOf,
  parseBackupTargets,
} from '../../../src/config/backup-targets';

const target = (over: Record<string, unknown>) => ({
  id: 'disk-a',
  path: 'disk-a',
  media: 'hdd',
  location: { site: 'on-site', place: '档案室' },
  role: 'use',
  ...over,
});
const file = (targets: unknown[], extra: Record<string, unknown> = {}) => ({
  organization: '综合档案室',
  keeper: 'ou_keeper',
  targets,
  ...extra,
});
const problems = (raw: unknown): string[] => {
  try {
    parseBackupTargets(raw, '/etc/bot/targets.yaml');
  } catch (err) {
    if (err instanceof BackupConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a BackupConfigError');
};

describe('backup targets file', () => {
  it('applies defaults and resolves paths next to the file', () => {
    const s = parseBackupTargets(
      file([
        target({}),
        target({
          id: 'disc',
          path: '/mnt/disc',
          media: 'optical',
          role: 'sealed',
          location: { site: 'off-site', place: '市档案馆' },
        }),
      ]),
      '/etc/bot/targets.yaml',
    );
    expect(s.targets[0]).toMatchObject({
      path: '/etc/bot/disk-a',
      online: true,
      kinds: ['realtime', 'full'],
      keeper: 'ou_keeper',
      sealer: undefined,
    });
    expect(s.targets[1]).toMatchObject({
      path: '/mnt/disc',
      online: false,
      kinds: ['staged', 'full'],
      sealer: 'ou_keeper',
    });
    expect(s.fixity).toEqual({
      onlineEveryDays: 30,
      offlineEveryDays: 365,
      liveStoreEveryDays: 30,
    });
    expect(s.realtime.delayMinutes).toBe(10);
  });

  it('refuses a set without a use copy and a sealed copy holding everything', () => {
    expect(problems(file([target({})]))).toEqual([
      'targets: needs at least one sealed copy holding everything (一式二份: one use, one sealed)',
    ]);
    expect(
      problems(
        file([
          target({}),
          target({ id: 'x', path: 'x', role: 'sealed', priorities: ['precious'] }),
        ]),
      ),
    ).toContain(
      'targets: needs at least one sealed copy holding everything (一式二份: one use, one sealed)',
    );
  });

  it('names each invalid entry by path', () => {
    expect(
      problems(
        file([
          target({ media: 'floppy' }),
          target({ path: 'disk-a', role: 'sealed', sealer: 'bad', bogus: 1 }),
        ]),
      ),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^targets\.0\.media: /),
        expect.stringMatching(/^targets\.1\.sealer: must be an open_id/),
        expect.stringMatching(/^targets\.1: Unrecognized key/),
      ]),
    );
    expect(problems(file([target({}), target({ role: 'sealed' })]))).toEqual(
      expect.arrayContaining(['targets.1.id: duplicate disk-a', 'targets.1.path: path used twice']),
    );
  });

  it('reports 异地异质 compliance of the full copies', () => {
    const sealedOnsite = target({ id: 's', path: 's', role: 'sealed' });
    const local = parseBackupTargets(file([target({}), sealedOnsite]), '/x/t.yaml');
    expect(complianceOf(local.targets)).toMatchObject({
      offsite: false,
      differentMedia: false,
      compliant: false,
      useCopies: 1,
      sealedCopies: 1,
    });
    const good = parseBackupTargets(
      file([
        target({}),
        target({
          id: 's',
          path: 's',
          role: 'sealed',
          media: 'tape',
          location: { site: 'off-site', place: '市档案馆' },
        }),
        target({
          id: 'e',
          path: 'e',
          media: 'network',
          location: { site: 'off-site', place: '云' },
          priorities: ['precious'],
        }),
      ]),
      '/x/t.yaml',
    );
    expect(complianceOf(good.targets)).toEqual({
      offsite: true,
      differentMedia: true,
      compliant: true,
      useCopies: 1,
      sealedCopies: 1,
      media: ['hdd', 'tape'],
      offsitePlaces: ['市档案馆'],
      extraCopies: [{ id: 'e', priorities: ['precious'] }],
    });
  });
});
