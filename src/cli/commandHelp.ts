/**
 * Each command as the help lists it, in that order: its term (name, `[options]`, arguments) and
 * what it does. The help is written from these without loading any command, and each command
 * takes its description from here; `test/cli/commandList.test.ts` checks the terms against the
 * commands' arguments.
 */
export const COMMAND_HELP = {
  extract: {
    term: 'extract [options] <file>',
    description: "print the page record of one saved page as JSON (of a web archive: the array of its comparison pages' records)",
  },
  check: {
    term: 'check [options] [dir]',
    description: "fixture regression: compare each page's record with the expected JSON beside it",
  },
  ingest: {
    term: 'ingest [options] <paths...>',
    description: 'extract every page, store it and reconcile the roles it shows (files whose content is stored are skipped)',
  },
  query: {
    term: 'query [options] <sql>',
    description: 'run SQL on the database opened read-only; rows are printed as they come',
  },
  roles: {
    term: 'roles [options]',
    description: 'list the reconciled roles with their page counts and conflicting fields',
  },
  show: {
    term: 'show [options] <role>',
    description: 'one role: each value with the captures that gave it, its conflicts and aliases',
  },
  changes: {
    term: 'changes [options]',
    description: 'list what the site changed between captures of a page: each role, field, old and new value, and when',
  },
  export: {
    term: 'export [options]',
    description: "write a whole table or view on stdout, row by row, or the database's Datasette metadata",
  },
  report: {
    term: 'report [options]',
    description: 'write a self-contained HTML report of the roles database',
  },
} as const satisfies Readonly<Record<string, { term: string; description: string }>>;
