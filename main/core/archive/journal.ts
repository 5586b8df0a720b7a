// Changes to catalog.json and state.json, appended to a journal beside each file
// (`catalog.json-journal`) instead of rewriting a file that holds 100,000 articles or 20,000
// read marks for every save. An entry is one line of JSON, synced before the save is reported
// done: a bookmark costs one small append and one fdatasync (~0.3 ms here), where rewriting the
// file costs a megabyte and two fsyncs (10–50 ms on a busy disk).
//
// Every entry sets values — an article's record, a bookmark's date, or its absence — so
// replaying an entry twice changes nothing. That keeps the checkpoint simple: the whole file is
// written atomically as before, then the journal is emptied; a crash in between only replays
// entries the file already holds.
//
// Reading: a last line that is cut short or unreadable is an append that never finished (its
// save was never acknowledged) and is dropped. An unreadable line before the last means the
// journal was damaged: the entries before it are kept and the caller reports the damage.
import { open, readFile, truncate } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { z } from 'zod'
import { AppError } from '../errors'
import type { FsOps } from './atomicJsonFile'

export const journalPathOf = (path: string): string => `${path}-journal`

export interface JournalContents<E> {
  entries: E[]
  /** Bytes of the file up to the end of the last entry kept: a torn end is cut back to here. */
  keptBytes: number
  /** Bytes of the whole file as found. */
  bytes: number
  /** Why an entry before the last could not be read (the journal is damaged), or null. */
  damage: string | null
}

const NEWLINE = 0x0a
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** The journal at `path`, its entries checked against `entry`; null when there is none. */
export async function readJournal<E>(path: string, entry: z.ZodType<E>): Promise<JournalContents<E> | null> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
  const entries: E[] = []
  let keptBytes = 0
  let start = 0
  while (start < bytes.length) {
    const end = bytes.indexOf(NEWLINE, start)
    // No newline: the last append stopped part-way.
    if (end === -1) break
    const parsed = parseEntry(bytes.subarray(start, end), entry)
    if (!parsed.ok) {
      // Only the last append can have been cut short; damage anywhere else is reported.
      const last = bytes.indexOf(NEWLINE, end + 1) === -1
      return { entries, keptBytes, bytes: bytes.length, damage: last ? null : `entry ${entries.length + 1}: ${parsed.reason}` }
    }
    entries.push(parsed.value)
    start = end + 1
    keptBytes = start
  }
  return { entries, keptBytes, bytes: bytes.length, damage: null }
}

function parseEntry<E>(line: Uint8Array, entry: z.ZodType<E>): { ok: true; value: E } | { ok: false; reason: string } {
  let json: unknown
  try {
    json = JSON.parse(strictUtf8.decode(line))
  } catch (e) {
    return { ok: false, reason: (e as Error).message }
  }
  const parsed = entry.safeParse(json)
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: parsed.error.issues[0]?.message ?? 'wrong shape' }
}

/** Cuts a journal back to `size` bytes, durably (a torn end, a failed append, a checkpoint). */
export async function cutJournal(path: string, size: number): Promise<void> {
  let handle
  try {
    handle = await open(path, 'r+')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return
    throw e
  }
  try {
    await handle.truncate(size)
    await handle.datasync()
  } finally {
    await handle.close()
  }
}

function appendFailed(path: string, e: unknown): AppError {
  if (e instanceof AppError) return e
  const reason = (e as NodeJS.ErrnoException).code ?? 'EIO'
  const file = basename(path).replace(/-journal$/, '')
  return new AppError('WRITE_FAILED', `Could not save ${file}: ${reason}`, { file, reason }, { cause: e })
}

/**
 * The journal of one file, for appending. Appends are not queued here: the archive runs the
 * changes to a file one after another, and a checkpoint between them.
 */
export class Journal {
  readonly path: string
  readonly #fs: FsOps
  #bytes: number
  #exists: boolean
  /** A failed append may have left part of its line: cut back before the next one. */
  #dirty = false

  constructor(path: string, fs: FsOps, found: { bytes: number } | null) {
    this.path = path
    this.#fs = fs
    this.#bytes = found?.bytes ?? 0
    this.#exists = found !== null
  }

  /** Bytes of entries not yet in the file itself. */
  get bytes(): number {
    return this.#bytes
  }

  /** Appends one entry and syncs it; AppError WRITE_FAILED (the journal as it was) when the disk refuses. */
  async append(entry: unknown): Promise<void> {
    const text = `${JSON.stringify(entry)}\n`
    try {
      if (this.#dirty) {
        await cutJournal(this.path, this.#bytes)
        this.#dirty = false
      }
      this.#dirty = true
      await this.#fs.append(this.path, text)
      // A new file is an entry in its directory, which must reach the disk too.
      if (!this.#exists) await this.#fs.syncDir(dirname(this.path))
      this.#dirty = false
    } catch (e) {
      // Best effort now; the next append tries again before writing.
      if (this.#dirty) await cutJournal(this.path, this.#bytes).then(() => (this.#dirty = false), () => {})
      throw appendFailed(this.path, e)
    }
    this.#exists = true
    this.#bytes += Buffer.byteLength(text)
  }

  /** Empties the journal once its entries are in the file itself. */
  async clear(): Promise<void> {
    if (!this.#exists || (this.#bytes === 0 && !this.#dirty)) return
    await truncate(this.path, 0)
    this.#bytes = 0
    this.#dirty = false
  }
}
