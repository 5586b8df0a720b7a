// The CLI's `import` (files, folders and web addresses) and `feeds` commands, over the same
// core as the app: files are read here in batches of the contract's per-call limit, pages are
// fetched and read like "Save from URL", feeds are the app's own subscriptions.
import { open, readdir, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { TFunction } from 'i18next'
import { limits, type FeedRefreshResult, type FeedSummary, type ImportOutcome } from '../../preload/contract'
import type { Archive } from '../core/archive/archive'
import { AppError, isAppError } from '../core/errors'
import { importFiles, type FileToImport } from '../core/import/importFiles'
import { savePage } from '../core/web/webImport'
import type { WebServices } from '../core/web/webServices'
import { errorText } from './cliText'

export interface Io {
  out: (line: string) => void
  err: (line: string) => void
}

type Print = ((value: unknown) => void) | null

/** Files a folder is searched for. */
const IMPORTABLE = /\.(?:txt|html?)$/i

type Item = { kind: 'url'; url: string } | { kind: 'file'; path: string } | { kind: 'failed'; outcome: ImportOutcome }

/** `import <file|folder|url…>`: folders are searched recursively for .txt, .html and .htm. Exit 1 if anything failed. */
export async function importCommand(archive: Archive, web: WebServices, args: string[], t: TFunction, io: Io, print: Print): Promise<number> {
  if (args.length === 0) {
    io.err(t('missingArgument', { command: 'import', argument: '<files|folders|urls…>' }))
    return 2
  }
  const items: Item[] = []
  for (const arg of args) items.push(...(await itemsOf(arg)))

  const all: ImportOutcome[] = []
  const report = (outcomes: ImportOutcome[]): void => {
    all.push(...outcomes)
    if (print) return
    for (const o of outcomes) {
      if (o.status === 'failed') io.err(t('failed', { name: o.name, reason: errorText(t, o.error) }))
      else io.out(t(o.status, { title: o.article.title, id: o.article.id }))
    }
  }
  let files: string[] = []
  const flush = async (): Promise<void> => {
    if (files.length === 0) return
    const batch = files
    files = []
    report(await importBatch(archive, web, batch))
  }
  for (const item of items) {
    if (item.kind === 'file') {
      files.push(item.path)
      if (files.length >= limits.maxFilesPerImport) await flush()
      continue
    }
    await flush()
    if (item.kind === 'failed') report([item.outcome])
    else report([await pageOutcome(archive, web, item.url)])
  }
  await flush()
  if (print) print({ outcomes: all })
  return all.some((o) => o.status === 'failed') ? 1 : 0
}

async function itemsOf(arg: string): Promise<Item[]> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) return [{ kind: 'url', url: arg }]
  const info = await stat(arg).catch(() => null)
  if (!info) return [failed(basename(arg), new AppError('UNREADABLE', `${arg} could not be opened`, { name: arg }))]
  if (!info.isDirectory()) return [{ kind: 'file', path: arg }]
  return (await filesUnder(arg)).map((path) => ({ kind: 'file', path }))
}

/** Importable files under a folder, in name order, skipping hidden ones; links to folders are not followed. */
async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = []
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) found.push(...(await filesUnder(path)))
    else if (entry.isFile() && IMPORTABLE.test(entry.name)) found.push(path)
  }
  return found
}

function failed(name: string, e: AppError): Item {
  return { kind: 'failed', outcome: { status: 'failed', name, error: e.toData() } }
}

async function importBatch(archive: Archive, web: WebServices, paths: string[]): Promise<ImportOutcome[]> {
  const outcomes: (ImportOutcome | null)[] = []
  const files: FileToImport[] = []
  for (const path of paths) {
    try {
      files.push(await readLimited(path))
      outcomes.push(null)
    } catch (e) {
      if (!isAppError(e)) throw e
      outcomes.push({ status: 'failed', name: basename(path), error: e.toData() })
    }
  }
  const imported = files.length > 0 ? await importFiles(archive, files, { extract: web.extract }) : []
  let next = 0
  return outcomes.map((o) => o ?? (imported[next++] as ImportOutcome))
}

/** Reads a file without ever holding more than the import limit. */
async function readLimited(path: string): Promise<FileToImport> {
  const name = basename(path)
  const handle = await open(path, 'r').catch((e: unknown) => {
    throw new AppError('UNREADABLE', `${name} could not be opened`, { name }, { cause: e })
  })
  try {
    const { size } = await handle.stat()
    const maxMegabytes = limits.maxImportBytes / (1024 * 1024)
    if (size > limits.maxImportBytes) throw new AppError('TOO_LARGE', `${name} is larger than ${maxMegabytes} MB`, { name, maxMegabytes })
    return { name, bytes: await handle.readFile() }
  } finally {
    await handle.close()
  }
}

async function pageOutcome(archive: Archive, web: WebServices, url: string): Promise<ImportOutcome> {
  try {
    const { outcome } = await savePage(archive, url, web)
    return { status: outcome.status, name: url, article: outcome.article }
  } catch (e) {
    if (!isAppError(e)) throw e
    return { status: 'failed', name: url, error: e.toData() }
  }
}

/** `feeds add <url…>`, `feeds list`, `feeds refresh [id…]`. */
export async function feedsCommand(web: WebServices, args: string[], t: TFunction, io: Io, print: Print): Promise<number> {
  const [action, ...rest] = args
  switch (action) {
    case 'list': {
      const feeds = await web.feeds.list()
      if (print) print({ feeds })
      else {
        for (const feed of feeds) io.out(feedLine(feed, t))
        io.out(t('feedCount', { count: feeds.length }))
      }
      return 0
    }
    case 'add': {
      if (rest.length === 0) {
        io.err(t('missingArgument', { command: 'feeds add', argument: '<url…>' }))
        return 2
      }
      let failures = 0
      const added: unknown[] = []
      for (const url of rest) {
        try {
          const { feed, refresh } = await web.feeds.add(url)
          added.push({ feed, refresh })
          if (!print) {
            io.out(t('feedAdded', { title: feed.title, id: feed.id }))
            reportRefresh(refresh, t, io)
          }
        } catch (e) {
          if (!isAppError(e)) throw e
          failures++
          added.push({ url, error: e.toData() })
          if (!print) io.err(t('failed', { name: url, reason: errorText(t, e.toData()) }))
        }
      }
      if (print) print({ added })
      return failures > 0 ? 1 : 0
    }
    case 'refresh': {
      const results: FeedRefreshResult[] = []
      if (rest.length === 0) results.push(...(await web.feeds.refresh()))
      else for (const id of rest) results.push(...(await web.feeds.refresh(id)))
      if (print) print({ results })
      else for (const r of results) reportRefresh(r, t, io)
      return results.some((r) => r.error) ? 1 : 0
    }
    default:
      io.err(action ? t('unknownCommand', { command: `feeds ${action}` }) : t('missingArgument', { command: 'feeds', argument: 'add | list | refresh' }))
      io.err(t('usage'))
      return 2
  }
}

function reportRefresh(r: FeedRefreshResult, t: TFunction, io: Io): void {
  if (r.error) {
    io.err(t('failed', { name: r.title, reason: errorText(t, r.error) }))
    return
  }
  io.out(t('feedRefreshed', { title: r.title, count: r.added, versions: r.newVersions, removed: r.removed }))
  for (const f of r.itemFailures) io.err(t('failed', { name: f.title ?? f.url ?? r.title, reason: errorText(t, f.error) }))
}

function feedLine(feed: FeedSummary, t: TFunction): string {
  const last = feed.lastFetched ? feed.lastFetched.slice(0, 16).replace('T', ' ') : t('feedNeverRefreshed')
  const problem = feed.lastError ? `  [${errorText(t, feed.lastError)}]` : ''
  return `${feed.id}  ${feed.title}  <${feed.url}>  ${t('feedArticles', { count: feed.articleCount })}  ${last}${problem}`
}
