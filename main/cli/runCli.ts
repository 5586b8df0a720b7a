// The `warta` command line: the archive from a terminal, over the same core as the app.
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import type { TFunction } from 'i18next'
import { limits, type Article, type ArticleSummary, type ImportOutcome } from '../../preload/contract'
import { openArchive, type Archive } from '../core/archive/archive'
import { resolveArchiveDir } from '../core/archiveLocation'
import { AppError, isAppError } from '../core/errors'
import { languageFromLocale } from '../core/handlers'
import { importFiles, type FileToImport } from '../core/import/importFiles'
import { cliTranslator, errorText } from './cliText'

interface Io {
  out: (line: string) => void
  err: (line: string) => void
}

const systemLocale = (): string => process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || Intl.DateTimeFormat().resolvedOptions().locale

/** Runs one CLI invocation; returns the exit code (0 ok, 1 something failed, 2 usage). */
export async function runCli(argv: string[], io: Io = { out: console.log, err: console.error }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { archive: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  })
  const [command, ...rest] = positionals
  let t = cliTranslator(languageFromLocale(systemLocale()))
  if (!command || values.help) {
    io.out(t('usage'))
    return command || values.help ? 0 : 2
  }
  if (!['import', 'list', 'show'].includes(command)) {
    io.err(t('unknownCommand', { command }))
    io.err(t('usage'))
    return 2
  }

  let archive: Archive | undefined
  try {
    archive = await openArchive(resolveArchiveDir(values.archive))
    if (archive.language) t = cliTranslator(archive.language)
    const print = values.json ? (value: unknown) => io.out(JSON.stringify(value, null, 2)) : null
    switch (command) {
      case 'import':
        return await importCommand(archive, rest, t, io, print)
      case 'list':
        return listCommand(archive, t, io, print)
      default:
        return await showCommand(archive, rest[0], t, io, print)
    }
  } catch (e) {
    if (!isAppError(e)) throw e
    io.err(errorText(t, e.toData()))
    return 1
  } finally {
    await archive?.close?.()
  }
}

async function readForImport(path: string): Promise<FileToImport> {
  const name = basename(path)
  // Check the size before reading, so a huge file is refused without loading it.
  const { size } = await stat(path).catch((e: NodeJS.ErrnoException) => {
    throw new AppError('NOT_FOUND', `${path}: ${e.code ?? e.message}`, { id: path })
  })
  if (size > limits.maxImportBytes) {
    throw new AppError('TOO_LARGE', `${name} is larger than ${limits.maxImportBytes / 1024 / 1024} MiB`, { name, limitMiB: limits.maxImportBytes / 1024 / 1024 })
  }
  return { name, bytes: await readFile(path) }
}

async function importCommand(archive: Archive, paths: string[], t: TFunction, io: Io, print: ((v: unknown) => void) | null): Promise<number> {
  if (paths.length === 0) {
    io.err(t('missingArgument', { command: 'import', argument: '<files…>' }))
    return 2
  }
  const outcomes: (ImportOutcome | null)[] = []
  const files: FileToImport[] = []
  for (const path of paths) {
    try {
      files.push(await readForImport(path))
      outcomes.push(null)
    } catch (e) {
      if (!isAppError(e)) throw e
      outcomes.push({ status: 'failed', name: basename(path), error: e.toData() })
    }
  }
  const imported = files.length > 0 ? await importFiles(archive, files) : []
  let next = 0
  const all = outcomes.map((o) => o ?? (imported[next++] as ImportOutcome))
  if (print) print({ outcomes: all })
  else {
    for (const o of all) {
      if (o.status === 'failed') io.err(t('failed', { name: o.name, reason: errorText(t, o.error) }))
      else io.out(t(o.status, { title: o.article.title, id: o.article.id }))
    }
  }
  return all.some((o) => o.status === 'failed') ? 1 : 0
}

function listCommand(archive: Archive, t: TFunction, io: Io, print: ((v: unknown) => void) | null): number {
  const { items, total } = archive.list({ filter: 'all', offset: 0, limit: archive.size || 1 })
  if (print) {
    print({ items, total })
    return 0
  }
  for (const a of items) io.out(summaryLine(a, t))
  io.out(t('summary', { count: total }))
  return 0
}

async function showCommand(archive: Archive, id: string | undefined, t: TFunction, io: Io, print: ((v: unknown) => void) | null): Promise<number> {
  if (!id) {
    io.err(t('missingArgument', { command: 'show', argument: '<id>' }))
    return 2
  }
  const article = await archive.getArticle(id)
  if (print) print(article)
  else io.out(articleText(article, t))
  return 0
}

function datelineText(a: ArticleSummary): string {
  return [a.dateline.place, a.dateline.agency].filter(Boolean).join(' · ')
}

function summaryLine(a: ArticleSummary, t: TFunction): string {
  const date = (a.publishedAt ?? a.savedAt).slice(0, 10)
  const mark = a.bookmarked ? ` [${t('bookmarked')}]` : ''
  return `${a.id}  ${date}  [${a.language}]  ${a.title}${datelineText(a) ? `  — ${datelineText(a)}` : ''}${mark}`
}

function articleText(a: Article, t: TFunction): string {
  const lines = [a.title, datelineText(a), '']
  a.paragraphs.forEach((p, i) => {
    lines.push(p, '')
    for (const r of a.inlineRelated.filter((r) => r.afterParagraph === i)) lines.push(`${t('readAlso')}: ${r.title}`, '')
  })
  if (a.related.length > 0) {
    lines.push(`${t('related')}:`)
    for (const r of a.related) lines.push(`  - ${r.title}${r.publishedAt ? ` (${r.publishedAt})` : ''}`)
  }
  return lines.join('\n').trimEnd()
}
