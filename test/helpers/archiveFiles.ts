// An archive folder looked at from the outside, as a test sees what a call left on disk.
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'

/** Every file under `dir`, relative, with forward slashes, sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort()
}

/** Temp files of interrupted saves, anywhere in the archive. */
export const tempFilesUnder = async (dir: string): Promise<string[]> => (await filesUnder(dir)).filter((f) => f.endsWith('.tmp'))

/**
 * Relative path → base64 contents of every file, in path order: what a test compares to prove a
 * call changed nothing. A file that vanishes between the listing and the read is left out: a
 * background backup renames its temp file at any moment.
 */
export async function archiveBytes(dir: string, options: { skip?: (path: string) => boolean } = {}): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const path of await filesUnder(dir)) {
    if (options.skip?.(path)) continue
    const bytes = await readFile(join(dir, path)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null
      throw error
    })
    if (bytes) out.set(path, bytes.toString('base64'))
  }
  return out
}
