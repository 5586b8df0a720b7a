// Repairs the reader has not dismissed yet, kept in `recovery-notices.json` beside the archive's
// files: a repair made by the command line, or by a run that closed before its window showed
// it, is still told in the next window. The file is a courtesy, not the archive: when it is
// damaged or cannot be written, the notices live in memory for this run and the archive is fine.
import { join } from 'node:path'
import { z } from 'zod'
import { AtomicJsonFile, type FsOps } from './atomicJsonFile'
import { RecoveryEvent } from './recovery'

export const NOTICES_FILE = 'recovery-notices.json'

const NoticesFile = z.object({ version: z.literal(1), events: z.array(RecoveryEvent) })
type NoticesFile = z.infer<typeof NoticesFile>

export class RecoveryNotices {
  /** Every repair this run knows of, oldest first: those left from earlier runs, then its own. */
  readonly #all: RecoveryEvent[]
  /** Repairs before this index were dismissed. */
  #dismissed = 0
  readonly #file: AtomicJsonFile<NoticesFile> | null
  readonly #log: (message: string, error: unknown) => void
  #saving: Promise<void> = Promise.resolve()

  private constructor(left: RecoveryEvent[], file: AtomicJsonFile<NoticesFile> | null, log: (message: string, error: unknown) => void) {
    this.#all = left
    this.#file = file
    this.#log = log
  }

  /** The notices left in `dir`; `persist: false` (a read-only open) keeps them in memory only and reads none. */
  static async load(dir: string, options: { persist: boolean; fs?: Partial<FsOps>; log: (message: string, error: unknown) => void }): Promise<RecoveryNotices> {
    if (!options.persist) return new RecoveryNotices([], null, options.log)
    const file = new AtomicJsonFile(join(dir, NOTICES_FILE), { decode: (json) => NoticesFile.parse(json), pretty: true, ...(options.fs ? { fs: options.fs } : {}) })
    let left: RecoveryEvent[] = []
    try {
      left = (await file.read())?.events ?? []
    } catch (e) {
      options.log(`warta: ${NOTICES_FILE} could not be read; earlier repairs will not be told again`, e)
    }
    return new RecoveryNotices(left, file, options.log)
  }

  /** Repairs not yet dismissed, oldest first, and how many there have been (what `dismiss` takes). */
  report(): { events: RecoveryEvent[]; seen: number } {
    return { events: this.#all.slice(this.#dismissed), seen: this.#all.length }
  }

  /** Adds repairs just made; resolves once they are saved (or the save failed and was logged). */
  add(events: readonly RecoveryEvent[]): Promise<void> {
    if (events.length === 0) return this.#saving
    this.#all.push(...events)
    return this.#save()
  }

  /** Dismisses the first `seen` repairs (never ones made since); returns how many are left. */
  dismiss(seen: number): { remaining: number; saved: Promise<void> } {
    const before = this.#dismissed
    this.#dismissed = Math.max(this.#dismissed, Math.min(seen, this.#all.length))
    const saved = this.#dismissed === before ? this.#saving : this.#save()
    return { remaining: this.#all.length - this.#dismissed, saved }
  }

  /** Resolves when every save started so far has ended. */
  settled(): Promise<void> {
    return this.#saving
  }

  #save(): Promise<void> {
    const file = this.#file
    if (!file) return this.#saving
    const events = this.#all.slice(this.#dismissed)
    this.#saving = this.#saving.then(() =>
      file.write({ version: 1, events }).catch((e: unknown) => this.#log(`warta: could not save ${NOTICES_FILE}; the repair is told in this run only`, e)),
    )
    return this.#saving
  }
}
