/**
 * Walks dropped folders with the File and Directory Entries API (`webkitGetAsEntry`), the only way a web
 * page sees a dropped folder's contents. Each file keeps its path relative to what was dropped
 * (`Scans/1988/letter.pdf`), so the catalogue records where it was found.
 */

export interface NamedFile {
  file: File;
  /** The path relative to what the user dropped or picked, `/`-separated; the bare name for a lone file. */
  name: string;
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function readFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** readEntries returns a batch at a time (100 in Chromium); it is called until it returns nothing. */
async function readAll(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

function relativePath(entry: FileSystemEntry): string {
  const full = entry.fullPath || entry.name;
  return full.replace(/^\/+/, '') || entry.name;
}

/** Every file under the given entries, depth first, in the order the browser lists them. */
export async function walkEntries(entries: FileSystemEntry[]): Promise<NamedFile[]> {
  const out: NamedFile[] = [];
  const visit = async (entry: FileSystemEntry): Promise<void> => {
    if (isFile(entry)) {
      out.push({ file: await readFile(entry), name: relativePath(entry) });
    } else if (isDirectory(entry)) {
      for (const child of await readAll(entry)) await visit(child);
    }
  };
  for (const entry of entries) await visit(entry);
  return out;
}

/** A picked or dropped File's name as the catalogue should record it. */
export function nameOf(file: File): string {
  return file.webkitRelativePath || file.name;
}
