// Opening the archive's own files without ever losing one: a file that cannot be read is
// moved aside (never overwritten), replaced by its newest good backup — or, for the
// catalogue, rebuilt from the body files, which hold everything it lists — and what happened
// is reported, so the host can tell the user. Files from older releases are migrated
// forward after a backup; files from newer releases stop the open before anything is written.
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { recoveryActions, type RecoveryItem } from '../../../preload/contract'
import { archivePath, CorruptFileError, moveAside, readJsonFile, writeFileDurably, type FsOps } from './atomicJsonFile'
import { fileStamp, listBackups, takeMigrationBackup } from './backups'
import { hasBodyShards, listBodyIds, readBody, readPackedBodies } from './bodyFiles'
import { cutJournal, journalPathOf, readJournal, type JournalContents } from './journal'
import { catalogKind, stateKind, upgrade, type FileKind } from './migrations'
import {
  applyCatalogChanges,
  applyStateChanges,
  CatalogChange,
  emptyCatalog,
  emptyState,
  recordFromBody,
  StateChange,
  type ArticleRecord,
  type CatalogFile,
  type StateFile,
} from './records'
import { recoveryNoticeOf, type RecoveryNotice } from './recoveryNotice'

export const CATALOG_FILE = 'catalog.json'
export const STATE_FILE = 'state.json'

/** One thing the archive repaired while opening or reading, for the host to tell the user. */
export const RecoveryEvent = z.object({
  /** The damaged or missing file, relative to the archive: 'catalog.json', 'articles/ab/ab….json'. */
  file: z.string(),
  action: z.enum(recoveryActions),
  /** Where the damaged file was kept, relative to the archive; null when it was missing, not damaged. */
  movedTo: z.string().nullable(),
  /** Why it could not be read, in English, for logs. */
  reason: z.string(),
  /** 'restored-backup': when the restored copy was taken (ISO 8601). */
  backupTakenAt: z.string().optional(),
  /** Articles taken from body files: all of them when rebuilt, those newer than the backup when restored. */
  articlesFromBodies: z.number().int().min(0).optional(),
})
export type RecoveryEvent = z.infer<typeof RecoveryEvent>
export type RecoveryAction = RecoveryEvent['action']

/** Which file an event is about, as the contract names it. */
export const recoveredFileOf = (file: string): RecoveryItem['what'] => (file === CATALOG_FILE ? 'catalog' : file === STATE_FILE ? 'state' : 'article')

/** The translation key (namespace `archive`) and params that tell the user about an event. */
export function recoveryNotice(event: RecoveryEvent): RecoveryNotice {
  return recoveryNoticeOf({
    what: recoveredFileOf(event.file),
    action: event.action,
    movedTo: event.movedTo,
    backupTakenAt: event.backupTakenAt ?? null,
    articlesFromBodies: event.articlesFromBodies ?? 0,
  })
}

/** The name a damaged file is kept under, beside where it was. */
export const corruptName = (path: string, at: Date): string => `${path}.corrupt-${fileStamp(at)}`

export interface LoadOptions {
  now: Date
  readOnly: boolean
  fs: FsOps
  /** The formats to read; tests pass a future version to exercise migrating on open. */
  kinds?: { catalog?: FileKind<CatalogFile>; state?: FileKind<StateFile> }
}

export interface LoadedFiles {
  catalog: CatalogFile
  state: StateFile
  events: RecoveryEvent[]
  /** The journals as found (journal.ts), null when there was none: new entries go after these bytes. */
  journals: { catalog: { bytes: number } | null; state: { bytes: number } | null }
}

type Attempt<T> = { status: 'ok'; data: T; from: number } | { status: 'missing' } | { status: 'corrupt'; error: CorruptFileError }

/** Reads and migrates one file; a file too new for this release throws ArchiveTooNewError. */
async function attempt<T>(path: string, file: string, kind: FileKind<T>): Promise<Attempt<T>> {
  try {
    const json = await readJsonFile(path)
    if (json === null) return { status: 'missing' }
    return { status: 'ok', ...upgrade(kind, json, path, file, undefined) }
  } catch (e) {
    if (e instanceof CorruptFileError) return { status: 'corrupt', error: e }
    throw e
  }
}

/** The newest backup that reads cleanly (migrated if it is older), with when it was taken. */
async function newestGoodBackup<T>(dir: string, file: string, kind: FileKind<T>): Promise<{ data: T; takenAt: string } | null> {
  for (const backup of await listBackups(dir, file)) {
    try {
      const json = await readJsonFile(backup.path)
      if (json !== null) return { data: upgrade(kind, json, backup.path, file, undefined).data, takenAt: backup.takenAt }
    } catch {
      // A damaged backup, or one written by a newer release: try the next older one.
    }
  }
  return null
}

/** Runs `work` over `items` with at most `limit` at a time, keeping results in order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      results[i] = await work(items[i] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

const BODY_READ_CONCURRENCY = 16

/**
 * Catalogue entries for the body files whose ids are not in `known`. Damaged bodies are
 * moved aside (and reported); bodies from a newer release are left alone.
 */
async function recordsFromBodies(dir: string, known: ReadonlySet<string>, now: Date, events: RecoveryEvent[]): Promise<ArticleRecord[]> {
  const ids = (await listBodyIds(dir)).filter((id) => !known.has(id))
  const records = await mapLimited(ids, BODY_READ_CONCURRENCY, async (id) => {
    try {
      const body = await readBody(dir, id)
      return body ? recordFromBody(body) : null
    } catch (e) {
      if (!(e instanceof CorruptFileError)) return null
      events.push(await setAside(dir, e.path, e.reason, now))
      return null
    }
  })
  // A body's own file is newer than its copy in a pack (it moves out when written again), and a
  // later pack newer than an earlier one.
  const listed = new Map<string, ArticleRecord>()
  const damaged: CorruptFileError[] = []
  for (const { pack, body } of await readPackedBodies(dir, (e) => damaged.push(e))) {
    if (!known.has(body.id)) listed.set(body.id, { ...recordFromBody(body), pack })
  }
  for (const e of damaged) events.push(await setAside(dir, e.path, e.reason, now))
  for (const record of records) if (record) listed.set(record.id, record)
  return [...listed.values()].sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : a.id < b.id ? -1 : 1))
}

/** Moves a damaged body file aside and says so. */
export async function setAside(dir: string, path: string, reason: string, now: Date): Promise<RecoveryEvent> {
  const to = corruptName(path, now)
  await moveAside(path, to)
  return { file: archivePath(dir, path), action: 'set-aside', movedTo: archivePath(dir, to), reason }
}

/** Compact: the state file is saved often and may hold thousands of annotations. */
const toText = (data: unknown): string => JSON.stringify(data)

async function loadCatalog(dir: string, found: Attempt<CatalogFile>, options: LoadOptions, events: RecoveryEvent[]): Promise<CatalogFile> {
  const path = join(dir, CATALOG_FILE)
  const kind = options.kinds?.catalog ?? catalogKind
  if (found.status === 'ok') {
    if (found.from < kind.version) {
      await takeMigrationBackup(dir, CATALOG_FILE, found.from, options.now)
      await writeFileDurably(path, toText(found.data), options.fs)
    }
    return found.data
  }
  let movedTo: string | null = null
  if (found.status === 'missing') {
    // A catalogue that was never written has no bodies beside it; bodies without one mean it was lost.
    if (!(await hasBodyShards(dir))) return emptyCatalog()
  } else {
    movedTo = corruptName(path, options.now)
    await moveAside(path, movedTo)
  }
  const backup = await newestGoodBackup(dir, CATALOG_FILE, kind)
  const base = backup?.data ?? emptyCatalog()
  // Bodies saved since the backup (or all of them, with no backup) are listed again.
  const fromBodies = await recordsFromBodies(dir, new Set(base.articles.map((r) => r.id)), options.now, events)
  const catalog: CatalogFile = { ...base, articles: [...base.articles, ...fromBodies] }
  await writeFileDurably(path, toText(catalog), options.fs)
  events.push({
    file: CATALOG_FILE,
    action: backup ? 'restored-backup' : 'rebuilt',
    movedTo: movedTo && archivePath(dir, movedTo),
    reason: found.status === 'missing' ? 'missing' : found.error.reason,
    ...(backup ? { backupTakenAt: backup.takenAt } : {}),
    articlesFromBodies: fromBodies.length,
  })
  return catalog
}

async function loadState(dir: string, found: Attempt<StateFile>, options: LoadOptions, events: RecoveryEvent[]): Promise<StateFile> {
  const path = join(dir, STATE_FILE)
  const kind = options.kinds?.state ?? stateKind
  if (found.status === 'ok') {
    if (found.from < kind.version) {
      await takeMigrationBackup(dir, STATE_FILE, found.from, options.now)
      await writeFileDurably(path, toText(found.data), options.fs)
    }
    return found.data
  }
  let movedTo: string | null = null
  if (found.status === 'corrupt') {
    movedTo = corruptName(path, options.now)
    await moveAside(path, movedTo)
  }
  // Backups exist only once the file did: a missing file with backups was lost, not never written.
  const backup = await newestGoodBackup(dir, STATE_FILE, kind)
  if (found.status === 'missing' && !backup) return emptyState()
  const state = backup?.data ?? emptyState()
  await writeFileDurably(path, toText(state), options.fs)
  events.push({
    file: STATE_FILE,
    action: backup ? 'restored-backup' : 'reset',
    movedTo: movedTo && archivePath(dir, movedTo),
    reason: found.status === 'missing' ? 'missing' : found.error.reason,
    ...(backup ? { backupTakenAt: backup.takenAt } : {}),
  })
  return state
}

/**
 * Replays a file's journal (journal.ts) onto the data read from the file. A torn last entry —
 * an append cut short, whose save was never acknowledged — is cut off without a word. A damaged
 * journal has its readable entries applied, then `repair` saves the file with them (and with
 * what else can be recovered), the journal is kept aside, and the event is reported.
 */
async function replayJournal<E>(
  dir: string,
  file: string,
  found: JournalContents<E> | null,
  apply: (entries: E[]) => void,
  options: LoadOptions,
  repair: () => Promise<Partial<RecoveryEvent>>,
  events: RecoveryEvent[],
): Promise<{ bytes: number } | null> {
  const path = journalPathOf(join(dir, file))
  if (!found) return null
  apply(found.entries)
  if (found.damage === null) {
    if (found.keptBytes < found.bytes && !options.readOnly) await cutJournal(path, found.keptBytes)
    return { bytes: found.keptBytes }
  }
  if (options.readOnly) throw new CorruptFileError(path, found.damage)
  const lastSaved = await stat(join(dir, file)).then((s) => s.mtime.toISOString(), () => new Date(0).toISOString())
  const repaired = await repair()
  // The file holds every readable entry now; the journal is kept aside, and the next one starts empty.
  const movedTo = corruptName(path, options.now)
  await moveAside(path, movedTo)
  events.push({ file, action: 'restored-backup', movedTo: archivePath(dir, movedTo), reason: `journal damaged: ${found.damage}`, backupTakenAt: lastSaved, ...repaired })
  return null
}

async function replayCatalogJournal(
  dir: string,
  found: JournalContents<CatalogChange> | null,
  catalog: CatalogFile,
  options: LoadOptions,
  events: RecoveryEvent[],
): Promise<{ bytes: number } | null> {
  return replayJournal(dir, CATALOG_FILE, found, (entries) => applyCatalogChanges(catalog, entries), options, async () => {
    // Articles saved after the damaged entry are in their body files.
    const fromBodies = await recordsFromBodies(dir, new Set(catalog.articles.map((r) => r.id)), options.now, events)
    catalog.articles.push(...fromBodies)
    await writeFileDurably(join(dir, CATALOG_FILE), toText(catalog), options.fs)
    return { articlesFromBodies: fromBodies.length }
  }, events)
}

async function replayStateJournal(
  dir: string,
  found: JournalContents<StateChange> | null,
  state: StateFile,
  options: LoadOptions,
  events: RecoveryEvent[],
): Promise<{ bytes: number } | null> {
  return replayJournal(dir, STATE_FILE, found, (entries) => applyStateChanges(state, entries), options, async () => {
    await writeFileDurably(join(dir, STATE_FILE), toText(state), options.fs)
    return {}
  }, events)
}

/**
 * Reads catalog.json and state.json, repairing and migrating them (unless read-only, where
 * a damaged file is an error and migrations stay in memory), and replays their journals.
 * Both files are read before anything is written, so a file from a newer release stops the
 * open with nothing changed.
 */
export async function loadArchiveFiles(dir: string, options: LoadOptions): Promise<LoadedFiles> {
  // The journals before their files: a reader beside a running app that is folding a journal into
  // its file then sees either the old file with the whole journal or the new file (with entries it
  // already holds) — never the old file with an emptied journal.
  const [catalogJournal, stateJournal] = await Promise.all([
    readJournal(journalPathOf(join(dir, CATALOG_FILE)), CatalogChange),
    readJournal(journalPathOf(join(dir, STATE_FILE)), StateChange),
  ])
  const [catalogFound, stateFound] = await Promise.all([
    attempt(join(dir, CATALOG_FILE), CATALOG_FILE, options.kinds?.catalog ?? catalogKind),
    attempt(join(dir, STATE_FILE), STATE_FILE, options.kinds?.state ?? stateKind),
  ])
  const events: RecoveryEvent[] = []
  let catalog: CatalogFile
  let state: StateFile
  if (options.readOnly) {
    for (const found of [catalogFound, stateFound]) if (found.status === 'corrupt') throw found.error
    catalog = catalogFound.status === 'ok' ? catalogFound.data : emptyCatalog()
    state = stateFound.status === 'ok' ? stateFound.data : emptyState()
  } else {
    catalog = await loadCatalog(dir, catalogFound, options, events)
    state = await loadState(dir, stateFound, options, events)
  }
  const journals = {
    catalog: await replayCatalogJournal(dir, catalogJournal, catalog, options, events),
    state: await replayStateJournal(dir, stateJournal, state, options, events),
  }
  return { catalog, state, events, journals }
}
