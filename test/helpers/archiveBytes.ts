// Every file an archive folder holds, byte for byte: what a test compares to prove a call changed nothing.
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'

/**
 * Relative path (with `/`) → base64 contents, in path order. A file that vanishes between the
 * listing and the read is left out: a background backup renames its temp file at any moment.
 */
export async function archiveBytes(dir: string, options: { skip?: (path: string) => boolean } = {}): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((path) => !options.skip?.(path))
    .sort()
  const out = new Map<string, string>()
  for (const path of files) {
    const bytes = await readFile(join(dir, path)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null
      throw error
    })
    if (bytes) out.set(path, bytes.toString('base64'))
  }
  return out
}
