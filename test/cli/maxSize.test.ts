import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseSize } from '../../src/cli/commands/maxSize.js';

describe('--max-size takes a size as people write it', () => {
  it.each([
    ['5MB', 5 * 1024 * 1024],
    ['50 MiB', 50 * 1024 * 1024],
    ['300k', 300 * 1024],
    ['1.5m', 1.5 * 1024 * 1024],
    ['2GB', 2 * 1024 ** 3],
    ['1048576', 1048576],
    ['512b', 512],
  ])('%s is %d bytes', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each(['', 'big', '5 XB', '-5MB', '0', '5MB5', '1e9'])('refuses "%s" with an example of what it takes', (text) => {
    expect(() => parseSize(text)).toThrow(InvalidArgumentError);
    expect(() => parseSize(text)).toThrow(/^expected a size/);
  });
});
