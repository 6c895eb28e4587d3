/** Whether a file is named as a web archive (`.warc`, `.warc.gz`): such a file holds many captures. */
export function isArchiveName(path: string): boolean {
  return /\.warc(\.gz)?$/i.test(path);
}
