// Files named outside the renderer — the File ▸ Import dialog, a second launch's command
// line, macOS "Open With" — read in main and handed to the same importer as every other host.
import { open } from 'node:fs/promises'
import { basename, isAbsolute, resolve } from 'node:path'
import { limits, type ImportOutcome } from '../../preload/contract'
import type { Archive } from '../core/archive/archive'
import { AppError } from '../core/errors'
import { importFiles, type FileToImport, type ImportFilesOptions } from '../core/import/importFiles'

/** The `.txt` files on a command line, resolved against the directory it was typed in. */
export function txtPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && /\.txt$/i.test(arg))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)))
}

/** Reads one file without ever holding more than the import limit in memory. */
async function readForImport(path: string): Promise<FileToImport> {
  const name = basename(path)
  let handle
  try {
    handle = await open(path, 'r')
  } catch (e) {
    throw new AppError('UNREADABLE', `${name} could not be opened`, { name }, { cause: e })
  }
  try {
    const { size, isFile } = await handle.stat().then((s) => ({ size: s.size, isFile: s.isFile() }))
    if (!isFile) throw new AppError('UNREADABLE', `${name} is not a file`, { name })
    if (size > limits.maxImportBytes) {
      const maxMegabytes = limits.maxImportBytes / (1024 * 1024)
      // The params are the ones locales/*/errors.json interpolates for TOO_LARGE.
      throw new AppError('TOO_LARGE', `${name} is larger than ${maxMegabytes} MiB`, { name, maxMegabytes })
    }
    return { name, bytes: await handle.readFile() }
  } finally {
    await handle.close()
  }
}

/** Imports the files at `paths`; one outcome per path, in order, a bad path never stopping the rest. */
export async function importPaths(archive: Archive, paths: readonly string[], options: ImportFilesOptions = {}): Promise<ImportOutcome[]> {
  const outcomes: (ImportOutcome | null)[] = []
  const readable: { index: number; file: FileToImport }[] = []
  for (const [index, path] of paths.entries()) {
    try {
      readable.push({ index, file: await readForImport(path) })
      outcomes.push(null)
    } catch (e) {
      if (!(e instanceof AppError)) throw e
      outcomes.push({ status: 'failed', name: basename(path), error: e.toData() })
    }
  }
  const imported = readable.length > 0 ? await importFiles(archive, readable.map((r) => r.file), options) : []
  for (const [i, { index }] of readable.entries()) outcomes[index] = imported[i] ?? null
  return outcomes.filter((o): o is ImportOutcome => o !== null)
}
