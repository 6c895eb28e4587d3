import { describe, expect, it } from 'vitest';
import { rolepages } from '../faults/support.js';

// The one smoke test of main.ts' wiring of help: asked-for help is status 0, however it is asked.
describe('rolepages help', () => {
  it('prints the help and exits 0, as --help does; help COMMAND gives that command\'s help', () => {
    const help = rolepages('help');
    expect([help.status, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toBe(rolepages('--help').stdout);
    const show = rolepages('help', 'show');
    expect(show.status).toBe(0);
    // Only the formats show accepts (commander wraps the line at 80 columns).
    expect(show.stdout.replace(/\s+/g, ' ')).toContain('--format <format> output format: table (aligned) or json (one array) (choices: "table", "json", default: "table")');
  });
});
