// Reads an article's current text straight from its body file or pack (the archive's on-disk
// format), for indexing and snippets. The index is derived data: an unreadable body is skipped
// here and reported by the archive when the article itself is opened.
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { readBodyFromPack } from '../archive/bodyPacks'
import { bodyPath } from '../archive/bodyPath'
import type { BodyFile } from '../archive/records'

/** The paragraphs of the newest version, or null when the file is missing or not a body file. */
function paragraphsOf(text: string): string[] | null {
  let body: BodyFile
  try {
    body = JSON.parse(text) as BodyFile
  } catch {
    return null
  }
  // A light shape check instead of the full schema: this runs 100,000 times during a rebuild.
  const current = Array.isArray(body?.versions) ? body.versions[body.versions.length - 1] : undefined
  const paragraphs = current?.paragraphs
  if (!Array.isArray(paragraphs) || !paragraphs.every((p) => typeof p === 'string')) return null
  return paragraphs
}

/** `pack` is where the archive keeps the body (Archive.packOf); without one, its own file. */
export async function readParagraphs(archiveDir: string, id: string, pack?: string): Promise<string[] | null> {
  try {
    const packed = pack ? readBodyFromPack(archiveDir, pack, id) : null
    return paragraphsOf(packed ? packed.toString('utf8') : await readFile(bodyPath(archiveDir, id), 'utf8'))
  } catch {
    return null
  }
}

/** Synchronous, for the 20-odd snippets of one result page: faster than a round of promises. */
export function readParagraphsSync(archiveDir: string, id: string, pack?: string): string[] | null {
  try {
    const packed = pack ? readBodyFromPack(archiveDir, pack, id) : null
    return paragraphsOf(packed ? packed.toString('utf8') : readFileSync(bodyPath(archiveDir, id), 'utf8'))
  } catch {
    return null
  }
}
