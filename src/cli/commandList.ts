import type { Command } from 'commander';

/** A command of the command line, known without loading it. */
export interface CommandEntry {
  /** As the help lists it: name, `[options]`, arguments. */
  term: string;
  description: string;
  /** Imports the command's module (and what it runs on), returning what adds it to the program. */
  load: () => Promise<(program: Command) => void>;
}

/**
 * Each command as the help lists it, in that order, and how to load it. The help is written from
 * this list without loading any command, and each command takes its description from it;
 * `test/cli/commandList.test.ts` checks the terms against the commands' arguments.
 */
export const COMMANDS = {
  extract: {
    term: 'extract [options] <file>',
    description: "print the page record of one saved page as JSON (of a web archive: the array of its comparison pages' records)",
    load: async () => (await import('./commands/extract.js')).registerExtract,
  },
  check: {
    term: 'check [options] [dir]',
    description: "fixture regression: compare each page's record with the expected JSON beside it",
    load: async () => (await import('./commands/check.js')).registerCheck,
  },
  ingest: {
    term: 'ingest [options] <paths...>',
    description: 'extract every page, store it and reconcile the roles it shows (files whose content is stored are skipped)',
    load: async () => (await import('./commands/ingest.js')).registerIngest,
  },
  query: {
    term: 'query [options] <sql>',
    description: 'run SQL on the database opened read-only; rows are printed as they come',
    load: async () => (await import('./commands/query.js')).registerQuery,
  },
  roles: {
    term: 'roles [options]',
    description: 'list the reconciled roles with their page counts and conflicting fields',
    load: async () => (await import('./commands/roles.js')).registerRoles,
  },
  show: {
    term: 'show [options] <role>',
    description: 'one role: each value with the captures that gave it, its conflicts and aliases',
    load: async () => (await import('./commands/show.js')).registerShow,
  },
  changes: {
    term: 'changes [options]',
    description: 'list what the site changed between captures of a page: each role, field, old and new value, and when',
    load: async () => (await import('./commands/changes.js')).registerChanges,
  },
  export: {
    term: 'export [options]',
    description: "write a whole table or view on stdout, row by row, or the database's Datasette metadata",
    load: async () => (await import('./commands/export.js')).registerExport,
  },
  report: {
    term: 'report [options]',
    description: 'write a self-contained HTML report of the roles database',
    load: async () => (await import('./commands/report.js')).registerReport,
  },
} satisfies Readonly<Record<string, CommandEntry>>;

/** The entry of the command named so; undefined for a name that is no command. */
export function commandEntry(name: string): CommandEntry | undefined {
  return Object.hasOwn(COMMANDS, name) ? (COMMANDS as Readonly<Record<string, CommandEntry>>)[name] : undefined;
}
