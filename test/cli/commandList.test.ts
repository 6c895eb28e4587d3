import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandEntry } from '../../src/cli/commandList.js';

describe('the command list the help is written from', () => {
  it.each(Object.keys(COMMANDS))('gives `%s` as the command itself registers it', async (name) => {
    const entry = commandEntry(name)!;
    const program = new Command('rolepages');
    (await entry.load())(program);
    const [command] = program.commands;
    expect(command!.name()).toBe(name);
    expect(entry.term).toBe(new Help().subcommandTerm(command!));
    expect(entry.description).toBe(command!.description());
  });

  it('lists extract with its file argument and its description', () => {
    expect(COMMANDS.extract.term).toBe('extract [options] <file>');
    expect(COMMANDS.extract.description).toBe("print the page record of one saved page as JSON (of a web archive: the array of its comparison pages' records)");
  });

  it('finds no command under a name every object has', () => {
    expect(commandEntry('toString')).toBeUndefined();
    expect(commandEntry('constructor')).toBeUndefined();
    expect(commandEntry('show')).toBe(COMMANDS.show);
  });
});
