import { describe, expect, it } from 'vitest';
import { pathProblem } from '../../src/cli/commands/pathProblem.js';

const error = (code: string) => Object.assign(new Error(code), { code });

describe('pathProblem: a path given on the command line that cannot be used, in one line', () => {
  it.each([
    ['ENOENT', '/nope: no such file or folder; check the path'],
    ['ENOTDIR', '/nope: not a folder; name the folder that holds the saved pages'],
    ['EACCES', '/nope: cannot be read (permission denied); check its permissions'],
    ['EIO', '/nope: cannot be read (EIO); check the path'],
  ])('%s', (code, line) => {
    expect(pathProblem('/nope', error(code))).toBe(line);
  });

  it('escapes the control characters of the path', () => {
    expect(pathProblem('/pages/\u001b[2J\n', error('ENOENT'))).toBe('/pages/\\x1b[2J\\n: no such file or folder; check the path');
  });

  it('leaves an error that is not about a path to the caller', () => {
    expect(pathProblem('/nope', new TypeError('x is undefined'))).toBeUndefined();
  });
});
