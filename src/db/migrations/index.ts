import type { Migration } from './migration';

/**
 * Every migration, in order (the schema version is the number of the last one applied). Version 0 is
 * the stored shape of the first release with migrations; add a file `NNNN-name.ts` next to this one and
 * list it here when a change of stored shapes needs existing data rewritten.
 */
export const MIGRATIONS: readonly Migration[] = [];
