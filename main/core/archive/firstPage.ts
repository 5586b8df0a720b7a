// The library's first page and the chosen language, kept beside the catalogue when the archive
// closes, so the next window can show them before a catalogue of 100,000 articles has been
// read (handlersWhileOpening.ts). They are used only while every file they were made from is
// exactly as it was then — same size, same modification time — so an import by another
// program, a crash after more saves, or a restored backup makes the window wait for the archive.
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { z } from 'zod'
import { contract, Language, type Output, type ParsedInput } from '../../../preload/contract'
import { readJsonFile, writeFileDurably, type FsOps } from './atomicJsonFile'
import { journalPathOf } from './journal'
import { CATALOG_FILE, STATE_FILE } from './recovery'

export const FIRST_PAGE_FILE = 'first-page.json'

/**
 * The page a window asks for first: listArticles with every default (the whole library, newest
 * story first, the first 100). The window's LibraryPages asks for exactly that; e2e startup.spec checks it.
 */
export const firstPageQuery: ParsedInput<'listArticles'> = contract.listArticles.input.parse({})

export const isFirstPageQuery = (query: ParsedInput<'listArticles'>): boolean => isDeepStrictEqual(query, firstPageQuery)

/** What the summaries and the language are read from. */
const SOURCES = [CATALOG_FILE, journalPathOf(CATALOG_FILE), STATE_FILE, journalPathOf(STATE_FILE)]

/** Size and modification time (ns) of each source file; null for one that does not exist. */
const Stamp = z.array(z.tuple([z.number(), z.string()]).nullable())

const FirstPageFile = z.strictObject({
  version: z.literal(1),
  stamp: Stamp,
  language: Language.nullable(),
  page: contract.listArticles.output,
})

export interface FirstPage {
  /** The language the user chose; null until they choose one. */
  language: Language | null
  page: Output<'listArticles'>
}

async function stampOf(dir: string): Promise<z.infer<typeof Stamp>> {
  return Promise.all(
    SOURCES.map(async (name) => {
      try {
        const s = await stat(join(dir, name), { bigint: true })
        return [Number(s.size), s.mtimeNs.toString()] as [number, string]
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw e
      }
    }),
  )
}

/** Called last when the archive closes: after it, nothing writes the files it stamps. */
export async function writeFirstPage(dir: string, first: FirstPage, fs?: FsOps): Promise<void> {
  const file: z.input<typeof FirstPageFile> = { version: 1, stamp: await stampOf(dir), ...first }
  await writeFileDurably(join(dir, FIRST_PAGE_FILE), JSON.stringify(file), fs)
}

/**
 * The kept first page, or null when there is none, it is damaged or of another version, or
 * any file it was made from has changed since. Never throws: the archive is read as usual then.
 */
export async function readFirstPage(dir: string): Promise<FirstPage | null> {
  try {
    const [json, stamp] = await Promise.all([readJsonFile(join(dir, FIRST_PAGE_FILE)), stampOf(dir)])
    const kept = FirstPageFile.safeParse(json)
    if (!kept.success || !isDeepStrictEqual(kept.data.stamp, stamp)) return null
    return { language: kept.data.language, page: kept.data.page }
  } catch {
    return null
  }
}
