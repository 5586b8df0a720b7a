// Turns files handed over by any host (file input, dialog, CLI, samples) into archived
// articles, one outcome per file, in the order given. One bad file never stops the rest.
import type { ImportOutcome } from '../../../preload/contract'
import type { Archive, NewArticle } from '../archive/archive'
import { AppError, isAppError } from '../errors'
import type { ExtractArticle } from '../web/articleExtractor'
import { addWithImages, prepareWebArticle, type PreparedWebArticle } from '../web/webImport'
import { decodeText } from './decodeText'
import { parseDispatch } from './dispatchParser'
import { articleFromHtmlFile, isHtmlFile } from './html/htmlFile'

export interface FileToImport {
  name: string
  bytes: Uint8Array
}

/** Parses one file into an article ready for the archive; throws AppError for bad input. */
export function articleFromFile(file: FileToImport, now: Date = new Date()): NewArticle {
  const text = decodeText(file.bytes, file.name)
  const parsed = parseDispatch(text, { now, name: file.name })
  return { ...parsed, sourceName: file.name }
}

export interface ImportFilesOptions {
  /** Where saved web pages are read (articleExtractor.ts); in this thread by default. */
  extract?: ExtractArticle
}

/**
 * Imports text dispatches (.txt) and saved web pages (.html, .htm — their embedded images kept,
 * nothing fetched) in one archive save. One outcome per file, in order; a bad file never stops the rest.
 */
export async function importFiles(archive: Archive, files: FileToImport[], options: ImportFilesOptions = {}): Promise<ImportOutcome[]> {
  const outcomes: (ImportOutcome | null)[] = []
  const batch: { index: number; name: string; article: NewArticle }[] = []
  const web: PreparedWebArticle[] = []
  for (const [index, file] of files.entries()) {
    try {
      let article: NewArticle
      if (isHtmlFile(file.name, file.bytes)) {
        const prepared = await prepareWebArticle(archive, await articleFromHtmlFile(file, options.extract), { network: false })
        web.push(prepared)
        article = prepared.article
      } else {
        article = articleFromFile(file)
      }
      batch.push({ index, name: file.name, article })
      outcomes.push(null)
    } catch (e) {
      if (!isAppError(e)) throw e
      outcomes.push({ status: 'failed', name: file.name, error: e.toData() })
    }
  }
  const added = batch.length > 0 ? await addWithImages(archive, batch.map((b) => b.article), web) : []
  for (const [i, { index, name }] of batch.entries()) {
    const outcome = added[i]
    if (!outcome) throw new AppError('INTERNAL', 'the archive returned fewer outcomes than articles')
    outcomes[index] = { status: outcome.status, name, article: outcome.article }
  }
  return outcomes as ImportOutcome[]
}
