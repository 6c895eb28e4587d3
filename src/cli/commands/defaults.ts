import { Option } from 'commander';

/** The database every command uses when `--db` is not given. */
export const DEFAULT_DB = 'out/roles.db';

/** The `--db` option, the same on every command that reads or writes the database. */
export function dbOption(): Option {
  return new Option('--db <file>', 'the roles database, a SQLite file that ingest makes and the other commands read').default(DEFAULT_DB);
}
