import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../src/files/writeFileAtomically.js';

const dir = mkdtempSync(join(tmpdir(), 'rolepages-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomically', () => {
  it('replaces the file with the whole new content and returns its bytes', () => {
    const path = join(dir, 'replaced.csv');
    writeFileSync(path, 'old\n');
    expect(writeFileAtomically(path, 'key,title\r\nmedsestra,Медсестра\r\n')).toBe(41);
    expect(readFileSync(path, 'utf8')).toBe('key,title\r\nmedsestra,Медсестра\r\n');
  });

  it('writes content handed over piece by piece', () => {
    const path = join(dir, 'pieces.jsonl');
    writeFileAtomically(path, (write) => {
      for (let i = 0; i < 3; i++) write(`{"n":${i}}\n`);
    });
    expect(readFileSync(path, 'utf8')).toBe('{"n":0}\n{"n":1}\n{"n":2}\n');
  });

  it('leaves the previous file, and no temporary file, when writing fails half way', () => {
    const path = join(dir, 'report.html');
    writeFileSync(path, '<p>previous report</p>');
    const halfWay = new Error('the source failed half way');
    expect(() =>
      writeFileAtomically(path, (write) => {
        write('<p>new report, first half');
        throw halfWay;
      }),
    ).toThrow(halfWay);
    expect(readFileSync(path, 'utf8')).toBe('<p>previous report</p>');
    expect(readdirSync(dir).filter((f) => f.startsWith('.report.html'))).toEqual([]);
  });

  it('leaves no file at all when there was none before', () => {
    const path = join(dir, 'new.html');
    expect(() =>
      writeFileAtomically(path, () => {
        throw new Error('nothing to write');
      }),
    ).toThrow('nothing to write');
    expect(existsSync(path)).toBe(false);
  });
});
