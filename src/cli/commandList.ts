import type { Command } from 'commander';
import { COMMAND_HELP } from './commandHelp.js';

/** A command of the command line, known without loading it. */
export interface CommandEntry {
  /** As the help lists it: name, `[options]`, arguments. */
  term: string;
  description: string;
  /** Imports the command's module (and what it runs on), returning what adds it to the program. */
  load: () => Promise<(program: Command) => void>;
}

/** Each command as the help lists it, in that order, and how to load it. */
export const COMMANDS = {
  extract: { ...COMMAND_HELP.extract, load: async () => (await import('./commands/extract.js')).registerExtract },
  check: { ...COMMAND_HELP.check, load: async () => (await import('./commands/check.js')).registerCheck },
  ingest: { ...COMMAND_HELP.ingest, load: async () => (await import('./commands/ingest.js')).registerIngest },
  query: { ...COMMAND_HELP.query, load: async () => (await import('./commands/query.js')).registerQuery },
  roles: { ...COMMAND_HELP.roles, load: async () => (await import('./commands/roles.js')).registerRoles },
  show: { ...COMMAND_HELP.show, load: async () => (await import('./commands/show.js')).registerShow },
  changes: { ...COMMAND_HELP.changes, load: async () => (await import('./commands/changes.js')).registerChanges },
  export: { ...COMMAND_HELP.export, load: async () => (await import('./commands/export.js')).registerExport },
  report: { ...COMMAND_HELP.report, load: async () => (await import('./commands/report.js')).registerReport },
} satisfies Readonly<Record<string, CommandEntry>>;

/** The entry of the command named so; undefined for a name that is no command. */
export function commandEntry(name: string): CommandEntry | undefined {
  return Object.hasOwn(COMMANDS, name) ? (COMMANDS as Readonly<Record<string, CommandEntry>>)[name] : undefined;
}
