// One writer per archive directory. Two processes writing the same lowdb files lose each
// other's updates, so opening an archive for writing takes `warta.lock` in its directory:
// a small file naming the holder (host, pid, a random token), created atomically by hard-
// linking a complete temp file into place. A lock whose holder has died (same host, pid
// gone) is taken over at once, so a crash never locks the user out; a lock nobody has
// touched for `staleMs` (a holder on another host, or a reused pid) is taken over too.
// proper-lockfile only knows the second rule, which would keep the archive locked for its
// whole stale period after every crash.
import { randomBytes } from 'node:crypto'
import { link, mkdir, readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../errors'
import { tempPathFor } from './atomicJsonFile'

export const LOCK_FILE = 'warta.lock'

export interface LockOptions {
  /** A lock not refreshed for this long is abandoned, whoever it names. */
  staleMs?: number
  /** How often the holder refreshes the lock's mtime (and checks it still holds it). */
  heartbeatMs?: number
}

const DEFAULT_STALE_MS = 120_000
const DEFAULT_HEARTBEAT_MS = 30_000
/** A takeover in progress that has not finished in this long was interrupted by a crash. */
const TAKEOVER_STALE_MS = 10_000

interface Holder {
  pid: number
  host: string
  token: string
  since: string
}

interface Seen {
  holder: Holder | null
  ino: number
  mtimeMs: number
}

/** Locks held by this process, by path → token: a lock naming our own pid is ours only if listed here. */
const heldHere = new Map<string, string>()

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function parseHolder(text: string): Holder | null {
  try {
    const h = JSON.parse(text) as Partial<Holder>
    if (typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.token === 'string') {
      return { pid: h.pid, host: h.host, token: h.token, since: typeof h.since === 'string' ? h.since : '' }
    }
  } catch {
    // An unreadable lock names nobody; only its age can free it.
  }
  return null
}

async function inspect(path: string): Promise<Seen | null> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)])
    return { holder: parseHolder(text), ino: info.ino, mtimeMs: info.mtimeMs }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function isStale(path: string, seen: Seen, staleMs: number): boolean {
  const { holder } = seen
  if (holder && holder.host === hostname()) {
    if (holder.pid === process.pid) return heldHere.get(path) !== holder.token
    if (!isAlive(holder.pid)) return true
  }
  return Date.now() - seen.mtimeMs > staleMs
}

function lockedError(dir: string, seen: Seen | null): AppError {
  const who = seen?.holder ? ` (process ${seen.holder.pid} on ${seen.holder.host})` : ''
  return new AppError('ARCHIVE_LOCKED', `The archive in ${dir} is in use by another Warta window or command${who}`, {
    dir,
    pid: seen?.holder?.pid ?? 0,
  })
}

/** Creates `path` holding `content`, complete, or fails with EEXIST if it exists. */
async function createExclusive(path: string, content: string): Promise<void> {
  const temp = tempPathFor(path)
  await writeFile(temp, content, { flag: 'wx', mode: 0o600 })
  try {
    await link(temp, path)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw e
    // Filesystems without hard links (FAT, some network shares): O_EXCL is atomic there too,
    // though a crash mid-write could leave an unreadable lock, which ages out.
    await writeFile(path, content, { flag: 'wx', mode: 0o600 })
  } finally {
    await unlink(temp).catch(() => {})
  }
}

/** Removes a stale lock, unless someone else is already doing so or it changed since we looked. */
async function takeOver(path: string, seen: Seen, staleMs: number): Promise<void> {
  const guard = `${path}.takeover`
  try {
    await writeFile(guard, String(process.pid), { flag: 'wx', mode: 0o600 })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    const info = await stat(guard).catch(() => null)
    if (info && Date.now() - info.mtimeMs > TAKEOVER_STALE_MS) await unlink(guard).catch(() => {})
    else await sleep(25)
    return
  }
  try {
    const now = await inspect(path)
    if (now && now.ino === seen.ino && now.holder?.token === seen.holder?.token && isStale(path, now, staleMs)) await unlink(path)
  } finally {
    await unlink(guard).catch(() => {})
  }
}

export class ArchiveLock {
  readonly path: string
  readonly #token: string
  readonly #timer: NodeJS.Timeout
  #lost = false
  #released = false

  private constructor(path: string, token: string, heartbeatMs: number) {
    this.path = path
    this.#token = token
    this.#timer = setInterval(() => void this.#heartbeat(), heartbeatMs)
    // The heartbeat must never keep a CLI command alive.
    this.#timer.unref()
  }

  /**
   * Takes the archive's lock, taking over one left by a crashed process; throws
   * AppError ARCHIVE_LOCKED when another live process (or another open Archive here) holds it.
   */
  static async acquire(dir: string, options: LockOptions = {}): Promise<ArchiveLock> {
    const staleMs = options.staleMs ?? DEFAULT_STALE_MS
    const path = join(dir, LOCK_FILE)
    const token = randomBytes(8).toString('hex')
    const content = `${JSON.stringify({ pid: process.pid, host: hostname(), token, since: new Date().toISOString() })}\n`
    await mkdir(dir, { recursive: true })
    let seen: Seen | null = null
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        await createExclusive(path, content)
        heldHere.set(path, token)
        return new ArchiveLock(path, token, options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS)
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code
        if (code !== 'EEXIST') {
          throw new AppError('WRITE_FAILED', `Could not lock the archive in ${dir}: ${code ?? 'EIO'}`, { file: LOCK_FILE, reason: code ?? 'EIO' }, { cause: e })
        }
      }
      seen = await inspect(path)
      if (!seen) continue
      if (!isStale(path, seen, staleMs)) throw lockedError(dir, seen)
      await takeOver(path, seen, staleMs)
    }
    throw lockedError(dir, seen)
  }

  /** True once another process took the lock over (this one was frozen past `staleMs`): stop writing. */
  get lost(): boolean {
    return this.#lost
  }

  async #heartbeat(): Promise<void> {
    if (this.#released || this.#lost) return
    try {
      const seen = await inspect(this.path)
      if (seen?.holder?.token !== this.#token) {
        this.#lost = true
        clearInterval(this.#timer)
        return
      }
      const now = new Date()
      await utimes(this.path, now, now)
    } catch {
      // A missed beat is harmless; the next one tries again.
    }
  }

  /** Removes the lock if it is still ours. Safe to call twice. */
  async release(): Promise<void> {
    if (this.#released) return
    this.#released = true
    clearInterval(this.#timer)
    if (heldHere.get(this.path) === this.#token) heldHere.delete(this.path)
    const seen = await inspect(this.path).catch(() => null)
    if (seen?.holder?.token === this.#token) await unlink(this.path).catch(() => {})
  }
}
