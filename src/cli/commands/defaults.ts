/** The database every command uses when `--db` is not given. */
export const DEFAULT_DB = 'out/roles.db';
