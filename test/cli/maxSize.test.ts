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
    ['1048576b', 1048576],
    ['512b', 512],
  ])('%s is %d bytes', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each(['', 'big', '5 XB', '-5MB', '0MB', '5MB5', '1e9'])('refuses "%s" with an example of what it takes', (text) => {
    expect(() => parseSize(text)).toThrow(InvalidArgumentError);
    expect(() => parseSize(text)).toThrow(/^expected a size/);
  });

  it.each([
    ['10', 'a size needs a unit: write 10MB, 10KB or 10B'],
    ['1048576', 'a size needs a unit: write 1048576MB, 1048576KB or 1048576B'],
    ['2.5', 'a size needs a unit: write 2.5MB, 2.5KB or 2.5B'],
  ])('refuses the number "%s" alone, suggesting it with a unit', (text, message) => {
    expect(() => parseSize(text)).toThrow(new InvalidArgumentError(message));
  });
});
