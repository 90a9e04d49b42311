import { DirectoryCache } from '../../../src/app/directory-cache';
import { DirectoryRepo } from '../../../src/db/directory-repo';
import type { DirectoryFile } from '../../../src/domain/directory';
import { openTestDatabase, type TestDatabase } from '../../support/test-db';

const FILE: DirectoryFile = {
  units: [{ code: 'jwc', name: '教务处', leaderInCharge: 'ou_leader', contacts: ['ou_org1'] }],
  archivists: ['ou_arch1'],
  publicity: [],
  admins: [],
  people: [{ openId: 'ou_org1', name: '张老师', unit: 'jwc' }],
};
const now = new Date('2026-03-02T02:00:00Z');

describe('directory cache', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await openTestDatabase('dircache');
  });
  afterEach(() => db.close());

  it('reads the directory once and keeps it until an import in this process', async () => {
    const repo = new DirectoryRepo(db.connection);
    await repo.apply(FILE, now);
    const cache = new DirectoryCache(repo, 60_000);
    const read = jest.spyOn(repo, 'read');
    const first = await cache.snapshot();
    expect(first.revision).toBe(1);
    await Promise.all([cache.actor('ou_org1'), cache.snapshot(), cache.actor('ou_arch1')]);
    expect(read).toHaveBeenCalledTimes(1);
    expect((await cache.actor('ou_arch1')).roles).toEqual(['archivist']);

    await repo.apply({ ...FILE, archivists: ['ou_arch2'] }, now);
    const after = await cache.snapshot();
    expect(after.revision).toBe(2);
    expect((await cache.actor('ou_arch1')).roles).toEqual([]);
    expect((await cache.actor('ou_arch2')).roles).toEqual(['archivist']);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("sees another process's import by its revision, without reading every row each time", async () => {
    const mine = new DirectoryRepo(db.connection);
    const theirs = new DirectoryRepo(db.connection); // the directory:import command, elsewhere
    await theirs.apply(FILE, now);
    const cache = new DirectoryCache(mine, 0);
    const read = jest.spyOn(mine, 'read');
    expect((await cache.actor('ou_leader')).unitsLed).toEqual(['jwc']);
    await cache.snapshot();
    await cache.snapshot();
    expect(read).toHaveBeenCalledTimes(1);

    await theirs.apply({ ...FILE, units: [{ ...FILE.units[0]!, leaderInCharge: 'ou_new' }] }, now);
    expect((await cache.actor('ou_leader')).unitsLed).toEqual([]);
    expect((await cache.actor('ou_new')).unitsLed).toEqual(['jwc']);
    expect(read).toHaveBeenCalledTimes(2);
  });
});
