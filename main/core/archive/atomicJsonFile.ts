// Files that survive crashes and power cuts. Every save writes a temp file, fsyncs it, renames
// it over the old file and fsyncs the directory, so the file on disk is always the old state
// or the new one, and a save has reached the disk before its promise resolves. lowdb's own
// JSONFile (steno) never fsyncs. Reads are strict: our files are always UTF-8 JSON written by
// us, so a byte-order mark, a carriage return or a malformed byte means something else
// touched the file, and it is reported as corrupt rather than read leniently.
import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { copyFile, mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join, relative, sep } from 'node:path'
import type { Adapter } from 'lowdb'
import { AppError } from '../errors'

/** The steps of a save, injectable so tests can simulate a full disk or an I/O error at any one. */
export interface FsOps {
  writeTemp(path: string, text: string): Promise<void>
  rename(from: string, to: string): Promise<void>
  syncDir(dir: string): Promise<void>
  /** Appends to a file (creating it), its data synced before it resolves: a journal entry (journal.ts). */
  append(path: string, text: string): Promise<void>
}

async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export const realFs: FsOps = {
  async writeTemp(path, text) {
    const handle = await open(path, 'wx', 0o600)
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
  },
  rename,
  async append(path, text) {
    const handle = await open(path, 'a', 0o600)
    try {
      await handle.writeFile(text, 'utf8')
      // fdatasync also flushes the new length, which is what reading the entry back needs.
      await handle.datasync()
    } finally {
      await handle.close()
    }
  },
  async syncDir(dir) {
    // Windows cannot open a directory for fsync; NTFS journals the rename itself.
    if (process.platform === 'win32') return
    await syncPath(dir)
  },
}

export class CorruptFileError extends AppError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super('ARCHIVE_CORRUPT', `${basename(path)} cannot be read: ${reason}`, { file: basename(path) })
  }
}

// -- temp files -----------------------------------------------------------------------------

/** Names this process's temp files, so a sweep removes only those left behind by a crash. */
const processToken = randomBytes(4).toString('hex')
const TEMP_NAME = /^\..+\.([0-9a-f]{8})\.\d+\.tmp$/
let tempCounter = 0

export const tempPathFor = (path: string): string => join(dirname(path), `.${basename(path)}.${processToken}.${++tempCounter}.tmp`)

/** A temp file another process left behind (a crash between writing and renaming it). */
export const isLeftoverTempFile = (name: string): boolean => {
  const match = TEMP_NAME.exec(name)
  return match !== null && match[1] !== processToken
}

/** Removes leftover temp files in one directory; only call it while holding the archive lock. */
export async function sweepTempFiles(dir: string): Promise<number> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw e
  }
  const leftovers = names.filter(isLeftoverTempFile)
  await Promise.all(leftovers.map((name) => unlink(join(dir, name)).catch(() => {})))
  return leftovers.length
}

// -- reading --------------------------------------------------------------------------------

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** The parsed JSON of a file of ours; null when it does not exist; CorruptFileError when it is not clean JSON. */
export async function readJsonFile(path: string): Promise<unknown> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
  return parseJsonBytes(bytes, path)
}

export function parseJsonBytes(bytes: Uint8Array, path: string): unknown {
  // Node's own decoder is the fast path; it turns malformed bytes into U+FFFD, so only a text
  // containing that character (rare, and legitimate in a title) is checked strictly.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
  if (text.includes('\uFFFD')) {
    try {
      strictUtf8.decode(bytes)
    } catch {
      throw new CorruptFileError(path, 'not valid UTF-8')
    }
  }
  if (text.length === 0) throw new CorruptFileError(path, 'empty')
  if (text.charCodeAt(0) === 0xfeff) throw new CorruptFileError(path, 'starts with a byte-order mark')
  // JSON.stringify escapes \r inside strings, so a raw one means an editor rewrote the file.
  if (text.includes('\r')) throw new CorruptFileError(path, 'has carriage returns')
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new CorruptFileError(path, (e as Error).message)
  }
}

// -- writing --------------------------------------------------------------------------------

/** Errors worth a second try: a virus scanner or indexer holding the file (Windows), a busy system. */
const TRANSIENT = new Set(['EBUSY', 'EPERM', 'EACCES', 'EAGAIN', 'EMFILE', 'ENFILE'])
const RETRY_DELAYS_MS = [50, 250]

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

const errorCode = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? 'EIO'

function writeFailed(path: string, e: unknown): AppError {
  if (e instanceof AppError) return e
  const reason = errorCode(e)
  return new AppError('WRITE_FAILED', `Could not save ${basename(path)}: ${reason}`, { file: basename(path), reason }, { cause: e })
}

/** Creates a file's directory if needed, and makes new directory entries durable up to `root`. */
async function ensureDir(dir: string, fs: FsOps): Promise<void> {
  const created = await mkdir(dir, { recursive: true })
  if (created === undefined) return
  // mkdir reports the topmost directory it made; each new directory is an entry in its parent.
  for (let d = dir; ; d = dirname(d)) {
    await fs.syncDir(dirname(d))
    if (d === created || dirname(d) === d) break
  }
}

/**
 * Replaces `path` with `text` atomically and durably: after it resolves the new text is on
 * disk; if it throws (AppError WRITE_FAILED) the old file is untouched and no temp file is left.
 * Errors that tend to pass (a scanner holding the file) are retried twice; a full disk is not.
 */
export async function writeFileDurably(path: string, text: string, fs: FsOps = realFs): Promise<void> {
  const dir = dirname(path)
  for (let attempt = 0; ; attempt++) {
    const temp = tempPathFor(path)
    try {
      await ensureDir(dir, fs)
      await fs.writeTemp(temp, text)
      await fs.rename(temp, path)
    } catch (e) {
      await unlink(temp).catch(() => {})
      const delay = RETRY_DELAYS_MS[attempt]
      if (delay !== undefined && TRANSIENT.has(errorCode(e))) {
        await sleep(delay)
        continue
      }
      throw writeFailed(path, e)
    }
    try {
      await fs.syncDir(dir)
    } catch (e) {
      // The new file is in place but may not survive a power cut: say so, so the caller retries.
      throw writeFailed(path, e)
    }
    return
  }
}

/** Files of one batch handled at once: enough for their fsyncs to share the disk's journal commits. */
const BATCH_CONCURRENCY = 32

/** Runs `work` over `items`, `limit` at a time; stops starting new ones after a failure, waits for those running, then throws it. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0
  let failure: { error: unknown } | null = null
  const worker = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      const i = next++
      try {
        await work(items[i] as T, i)
      } catch (e) {
        failure ??= { error: e }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (failure) throw (failure as { error: unknown }).error
}

/** One step of a save, tried again after a pause when the error tends to pass (see TRANSIENT). */
async function withRetries(step: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await step()
    } catch (e) {
      const delay = RETRY_DELAYS_MS[attempt]
      if (delay === undefined || !TRANSIENT.has(errorCode(e))) throw e
      await sleep(delay)
    }
  }
}

/**
 * Replaces many files at once (the bodies of an import), each atomically and durably as
 * writeFileDurably does, side by side — each temp file written, synced and renamed in its own
 * turn, then each directory synced once — so the fsyncs of the batch overlap instead of
 * queueing. Each path is pushed to `replaced` as it is renamed into place. On failure (AppError
 * WRITE_FAILED) no new file is started and no temp file is left; files already in `replaced`
 * are the caller's to put back.
 */
export async function writeFilesDurably(files: readonly { path: string; text: string }[], fs: FsOps = realFs, replaced: string[] = []): Promise<void> {
  const dirs = [...new Set(files.map((f) => dirname(f.path)))]
  const temps = files.map((f) => tempPathFor(f.path))
  const step = (path: string, run: () => Promise<void>): Promise<void> => withRetries(run).catch((e: unknown) => Promise.reject(writeFailed(path, e)))
  try {
    await eachLimited(dirs, BATCH_CONCURRENCY, (dir) => step(join(dir, '.'), () => ensureDir(dir, fs)))
    await eachLimited(files, BATCH_CONCURRENCY, async (f, i) => {
      const temp = temps[i] as string
      let tried = false
      await step(f.path, async () => {
        // A failed try may have left a half-written temp file.
        if (tried) await unlink(temp).catch(() => {})
        tried = true
        await fs.writeTemp(temp, f.text)
      })
      await step(f.path, () => fs.rename(temp, f.path))
      replaced.push(f.path)
    })
  } catch (e) {
    // A renamed temp file is gone already; the others go now.
    await Promise.all(temps.map((t) => unlink(t).catch(() => {})))
    throw e
  }
  // The new files are in place but may not survive a power cut until their directories are
  // synced: a failure here is reported, so the caller undoes them.
  await eachLimited(dirs, BATCH_CONCURRENCY, (dir) => step(files.find((f) => dirname(f.path) === dir)?.path ?? dir, () => fs.syncDir(dir)))
}

/** Copies a file atomically and durably (a reflink where the filesystem offers one), for backups. */
export async function copyFileDurably(from: string, to: string): Promise<void> {
  const dir = dirname(to)
  const temp = tempPathFor(to)
  try {
    await ensureDir(dir, realFs)
    await copyFile(from, temp, constants.COPYFILE_FICLONE)
    await syncPath(temp)
    await rename(temp, to)
    await realFs.syncDir(dir)
  } catch (e) {
    await unlink(temp).catch(() => {})
    throw writeFailed(to, e)
  }
}

/** Moves a file aside under a new name in the same directory, durably. */
export async function moveAside(from: string, to: string): Promise<void> {
  await rename(from, to)
  await realFs.syncDir(dirname(to))
}

/** A path relative to the archive, with forward slashes, for messages and reports. */
export const archivePath = (archiveDir: string, path: string): string => relative(archiveDir, path).split(sep).join('/')

// -- the lowdb adapter ------------------------------------------------------------------------

export interface AtomicJsonFileOptions<T> {
  /** Checks (and migrates) what was read; throws CorruptFileError for a file of the wrong shape. */
  decode: (json: unknown) => T
  /** Pretty output only for small, human-inspected files; big ones stay compact. */
  pretty?: boolean
  /** Injected by tests to simulate a full disk or an I/O error at a given step. */
  fs?: Partial<FsOps>
}

interface Waiter {
  resolve: () => void
  reject: (e: unknown) => void
}

/**
 * One JSON file as a lowdb adapter. Writes are serialised and collapse to the newest data
 * (like steno), and each is durable before its promise resolves.
 */
export class AtomicJsonFile<T> implements Adapter<T> {
  readonly path: string
  readonly #decode: (json: unknown) => T
  readonly #pretty: boolean
  readonly #fs: FsOps
  #writing: Promise<void> | null = null
  #pending: { data: T; waiters: Waiter[] } | null = null
  /** Characters of the last text written, for callers that size other work by the file (journal.ts). */
  lastWrittenLength = 0

  constructor(path: string, options: AtomicJsonFileOptions<T>) {
    this.path = path
    this.#decode = options.decode
    this.#pretty = options.pretty ?? false
    this.#fs = { ...realFs, ...options.fs }
  }

  /** null when the file does not exist; CorruptFileError when it cannot be parsed or has the wrong shape. */
  async read(): Promise<T | null> {
    const json = await readJsonFile(this.path)
    return json === null ? null : this.#decode(json)
  }

  write(data: T): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.#pending) {
        this.#pending.data = data
        this.#pending.waiters.push({ resolve, reject })
      } else {
        this.#pending = { data, waiters: [{ resolve, reject }] }
      }
      this.#writing ??= this.#drain()
    })
  }

  /** Resolves once no write is queued or in flight (whether they succeeded or not). */
  async flush(): Promise<void> {
    while (this.#writing) await this.#writing
  }

  async #drain(): Promise<void> {
    while (this.#pending) {
      const { data, waiters } = this.#pending
      this.#pending = null
      try {
        // Serialised now, not when queued, so a coalesced write carries the newest data.
        const text = this.#pretty ? `${JSON.stringify(data, null, 2)}\n` : JSON.stringify(data)
        await writeFileDurably(this.path, text, this.#fs)
        this.lastWrittenLength = text.length
        for (const w of waiters) w.resolve()
      } catch (e) {
        for (const w of waiters) w.reject(e)
      }
    }
    this.#writing = null
  }
}
