// Files and folders dropped on the window, as a flat list to import. Folders are walked through
// the File and Directory Entries API (DataTransferItem.webkitGetAsEntry), which Chromium and
// Electron both offer; only the shapes used are declared here, so a fake tree can stand in.

/** The part of FileSystemEntry read here. */
export interface DroppedEntry {
  isFile: boolean
  isDirectory: boolean
  name: string
}

export interface DroppedFileEntry<F> extends DroppedEntry {
  file(success: (file: F) => void, failure?: (error: unknown) => void): void
}

export interface DroppedDirectoryEntry extends DroppedEntry {
  createReader(): { readEntries(success: (entries: DroppedEntry[]) => void, failure?: (error: unknown) => void): void }
}

/**
 * One item of a drop: an entry to walk, or (where the browser gives no entry — a DataTransfer
 * built by a page, some hosts) just the file.
 */
export type DroppedItem<F> = { entry: DroppedEntry } | { file: F; name: string }

/** A file to import, named by its path under what was dropped ("dispatches/2024/a.txt"). */
export interface DroppedFile<F> {
  name: string
  file: F
}

export interface DropWalk<F> {
  files: DroppedFile<F>[]
  /** Files inside dropped folders that are not dispatches or web pages (images, PDFs…), left out. */
  skipped: number
  /** Files or folders that could not be read (permissions, vanished while walking). */
  unreadable: string[]
  /** True when the drop held more than `maxFiles` importable files; the rest were not taken. */
  truncated: boolean
}

/** What the importer reads (importFiles.ts): dispatches and saved web pages. */
export const importableExtensions = ['.txt', '.html', '.htm'] as const

export const isImportableName = (name: string): boolean => importableExtensions.some((ext) => name.toLowerCase().endsWith(ext))

/** A folder holding a whole home directory should not freeze the window: enough for any real archive. */
export const maxDroppedFiles = 10_000

/** Names longer than the contract's 255 characters keep their end, where the file's own name is. */
const fitName = (path: string): string => (path.length <= 255 ? path : `…${path.slice(-254)}`)

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

function readAll(directory: DroppedDirectoryEntry): Promise<DroppedEntry[]> {
  const reader = directory.createReader()
  const all: DroppedEntry[] = []
  // readEntries hands out a folder in chunks (100 in Chromium) until it returns none.
  return new Promise((resolve, reject) => {
    const next = (): void =>
      reader.readEntries((entries) => {
        if (entries.length === 0) resolve(all)
        else {
          all.push(...entries)
          next()
        }
      }, reject)
    next()
  })
}

const fileOf = <F>(entry: DroppedFileEntry<F>): Promise<F> => new Promise((resolve, reject) => entry.file(resolve, reject))

/**
 * Flattens what was dropped: files dropped as such are all taken (a wrong one is reported by
 * the importer, as from the file picker); inside folders only .txt/.html/.htm files are taken,
 * hidden ones ignored and the rest counted as skipped. Folders are read in name order.
 */
export async function walkDrop<F>(items: readonly DroppedItem<F>[], options: { maxFiles?: number } = {}): Promise<DropWalk<F>> {
  const maxFiles = options.maxFiles ?? maxDroppedFiles
  const walk: DropWalk<F> = { files: [], skipped: 0, unreadable: [], truncated: false }

  const take = async (file: () => Promise<F>, path: string): Promise<void> => {
    if (walk.files.length >= maxFiles) {
      walk.truncated = true
      return
    }
    try {
      walk.files.push({ name: fitName(path), file: await file() })
    } catch {
      walk.unreadable.push(path)
    }
  }

  const visitFolder = async (folder: DroppedDirectoryEntry, path: string): Promise<void> => {
    let children: DroppedEntry[]
    try {
      children = await readAll(folder)
    } catch {
      walk.unreadable.push(path)
      return
    }
    children.sort((a, b) => byName.compare(a.name, b.name))
    for (const child of children) {
      if (walk.truncated) return
      if (child.name.startsWith('.')) continue
      const childPath = `${path}/${child.name}`
      if (child.isDirectory) await visitFolder(child as DroppedDirectoryEntry, childPath)
      else if (child.isFile) {
        if (isImportableName(child.name)) await take(() => fileOf(child as DroppedFileEntry<F>), childPath)
        else walk.skipped += 1
      }
    }
  }

  for (const item of items) {
    if (walk.truncated) break
    if (!('entry' in item)) await take(async () => item.file, item.name)
    else if (item.entry.isDirectory) await visitFolder(item.entry as DroppedDirectoryEntry, item.entry.name)
    else if (item.entry.isFile) await take(() => fileOf(item.entry as DroppedFileEntry<F>), item.entry.name)
  }
  return walk
}
