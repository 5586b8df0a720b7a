// The `warta` command line: the archive from a terminal, over the same core as the app.
import { createRequire } from 'node:module'
import { parseArgs } from 'node:util'
import type { TFunction } from 'i18next'
import type { Article, ArticleSummary } from '../../preload/contract'
import { openArchive, type Archive } from '../core/archive/archive'
import { resolveArchiveDir } from '../core/archiveLocation'
import { isAppError } from '../core/errors'
import { languageFromLocale } from '../core/handlers'
import { createWebServices } from '../core/web/webServices'
import { cliTranslator, errorText } from './cliText'
import { feedsCommand, importCommand } from './webCommands'
import { searchCommand } from './searchCommand'

interface Io {
  out: (line: string) => void
  err: (line: string) => void
}

/** For the User-Agent of fetched pages and feeds. */
const appVersion = (): string => (createRequire(import.meta.url)('../../package.json') as { version: string }).version

const systemLocale = (): string => process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || Intl.DateTimeFormat().resolvedOptions().locale

/** Runs one CLI invocation; returns the exit code (0 ok, 1 something failed, 2 usage). */
export async function runCli(argv: string[], io: Io = { out: console.log, err: console.error }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      archive: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
      sort: { type: 'string' },
      limit: { type: 'string' },
    },
  })
  const [command, ...rest] = positionals
  let t = cliTranslator(languageFromLocale(systemLocale()))
  if (!command || values.help) {
    io.out(t('usage'))
    return command || values.help ? 0 : 2
  }
  if (!['import', 'list', 'show', 'search', 'feeds'].includes(command)) {
    io.err(t('unknownCommand', { command }))
    io.err(t('usage'))
    return 2
  }

  if (command === 'search') {
    try {
      // Opens the archive read-only itself: a search may run beside the app.
      return await searchCommand(
        { dir: resolveArchiveDir(values.archive), words: rest, sort: values.sort, limit: values.limit, json: values.json, bold: process.stdout.isTTY === true },
        t,
        io,
        cliTranslator,
      )
    } catch (e) {
      if (!isAppError(e)) throw e
      io.err(errorText(t, e.toData()))
      return 1
    }
  }

  let archive: Archive | undefined
  try {
    archive = await openArchive(resolveArchiveDir(values.archive))
    if (archive.language) t = cliTranslator(archive.language)
    const print = values.json ? (value: unknown) => io.out(JSON.stringify(value, null, 2)) : null
    switch (command) {
      case 'import':
        return await importCommand(archive, createWebServices(archive, { appVersion: appVersion() }), rest, t, io, print)
      case 'feeds':
        return await feedsCommand(createWebServices(archive, { appVersion: appVersion() }), rest, t, io, print)
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
