// Turns files handed over by any host (file input, dialog, CLI, samples) into archived
// articles, one outcome per file, in the order given. One bad file never stops the rest.
import type { ImportOutcome } from '../../../preload/contract'
import type { Archive, NewArticle } from '../archive/archive'
import { AppError, isAppError } from '../errors'
import { decodeText } from './decodeText'
import { parseDispatch } from './dispatchParser'

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

export async function importFiles(archive: Archive, files: FileToImport[]): Promise<ImportOutcome[]> {
  const outcomes: (ImportOutcome | null)[] = []
  const batch: { index: number; name: string; article: NewArticle }[] = []
  for (const [index, file] of files.entries()) {
    try {
      batch.push({ index, name: file.name, article: articleFromFile(file) })
      outcomes.push(null)
    } catch (e) {
      if (!isAppError(e)) throw e
      outcomes.push({ status: 'failed', name: file.name, error: e.toData() })
    }
  }
  const added = batch.length > 0 ? await archive.addArticles(batch.map((b) => b.article)) : []
  for (const [i, { index, name }] of batch.entries()) {
    const outcome = added[i]
    if (!outcome) throw new AppError('INTERNAL', 'the archive returned fewer outcomes than articles')
    outcomes[index] = { status: outcome.status, name, article: outcome.article }
  }
  return outcomes as ImportOutcome[]
}
