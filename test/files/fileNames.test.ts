import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameFromBytes, pathAsText, pathOnDisk } from '../../src/files/fileNames.js';

const bytes = (...b: number[]) => Buffer.from(b);

describe('nameFromBytes: a file name that is not UTF-8', () => {
  it('keeps a UTF-8 name as its text', () => {
    expect(nameFromBytes(Buffer.from('café ñandú.txt'))).toBe('café ñandú.txt');
    expect(nameFromBytes(Buffer.from('\ufeffmarked.txt'))).toBe('\ufeffmarked.txt');
  });

  it('keeps each stray byte as a lone surrogate, the rest as text', () => {
    // "caf\xe9.txt": a latin-1 name, as an old archive unpacks it.
    expect(nameFromBytes(bytes(0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x78, 0x74))).toBe('caf\udce9.txt');
    expect(nameFromBytes(Buffer.concat([Buffer.from('é'), bytes(0xff)]))).toBe('é\udcff');
  });
});

describe('pathOnDisk', () => {
  it('gives a plain path back as it is', () => {
    expect(pathOnDisk('pages/café.txt')).toBe('pages/café.txt');
  });

  it('gives the exact bytes of a path that holds a name that is not UTF-8', () => {
    expect(pathOnDisk('pages/caf\udce9.txt')).toEqual(Buffer.concat([Buffer.from('pages/caf'), bytes(0xe9), Buffer.from('.txt')]));
  });

  it('goes back to the bytes of any name', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), (name) => {
        const onDisk = pathOnDisk(nameFromBytes(name));
        expect(Buffer.from(typeof onDisk === 'string' ? Buffer.from(onDisk) : onDisk)).toEqual(Buffer.from(name));
      }),
    );
  });
});

describe('pathAsText', () => {
  it('writes each stray byte as \\xNN and leaves other names as they are', () => {
    expect(pathAsText('pages/caf\udce9.txt')).toBe('pages/caf\\xe9.txt');
    expect(pathAsText('pages/café \u{1f4e9}.txt')).toBe('pages/café \u{1f4e9}.txt');
  });
});
