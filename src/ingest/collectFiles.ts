import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { nameFromBytes, pathOnDisk } from '../files/fileNames.js';
import { isArchiveName } from '../read/archive/archiveName.js';
import { PAGE_EXTENSIONS } from '../read/pageFile.js';
import { SINGLE_FILE_EXTENSIONS } from '../read/saved/mhtml.js';


export interface CollectedFiles {
  /** Each file once, in a stable order: inputs as given, each directory's files sorted by name. */
  files: string[];
  /** Inputs that could not be walked, each with the reason. */
  problems: Array<{ path: string; reason: string }>;
}

/** Expands files and directories (recursively) into the saved pages and web archives to ingest. */
export async function collectFiles(inputs: readonly string[]): Promise<CollectedFiles> {
  const files: string[] = [];
  const problems: CollectedFiles['problems'] = [];
  const seenFiles = new Set<string>();
  // Real paths of walked directories: a symlink back up the tree must not loop forever.
  const seenDirs = new Set<string>();

  const addFile = (path: string) => {
    const id = resolve(path);
    if (!seenFiles.has(id)) {
      seenFiles.add(id);
      files.push(path);
    }
  };

  const walk = async (dir: string): Promise<void> => {
    let real: string;
    let entries;
    try {
      // Its bytes, one character each: folders whose names differ only in bytes that are not UTF-8 stay apart.
      real = (await realpath(pathOnDisk(dir), { encoding: 'buffer' })).toString('latin1');
      if (seenDirs.has(real)) return;
      seenDirs.add(real);
      // Names as bytes: a name that is not UTF-8 read as text would name no file.
      entries = (await readdir(pathOnDisk(dir), { withFileTypes: true, encoding: 'buffer' })).map((entry) => ({ entry, name: nameFromBytes(entry.name) }));
    } catch (error) {
      problems.push({ path: dir, reason: `cannot list the directory (${errorCode(error)})` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { entry, name } of entries) {
      const path = join(dir, name);
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(pathOnDisk(path));
          isDir = target.isDirectory();
        } catch (error) {
          const code = errorCode(error);
          const reason = code === 'ELOOP' ? 'a symbolic link that leads round in a loop' : 'a symbolic link to nothing';
          problems.push({ path, reason: `${reason} (${code}); remove it or point it at a page` });
          continue;
        }
      }
      if (isDir) await walk(path);
      // A FIFO or socket named like a page is handed on too: reading it fails with its kind, never silently.
      else if (isSavedPageName(name)) addFile(path);
    }
  };

  for (const input of inputs) {
    // An input that is not a directory is a file to read, whatever stands there: reading it
    // says why it cannot be read, as `extract` says it.
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) await walk(input);
    else addFile(input);
  }
  return { files, problems };
}

/** Saved pages as a folder holds them: pages, single-file saves (`.mhtml`) and web archives (`.warc`, `.warc.gz`). */
function isSavedPageName(name: string): boolean {
  const extension = extname(name).toLowerCase();
  return PAGE_EXTENSIONS.has(extension) || SINGLE_FILE_EXTENSIONS.has(extension) || isArchiveName(name);
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
