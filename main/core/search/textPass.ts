// The text rows of a large index build (titles, then bodies), written by a worker thread
// (textPassWorker.ts) with its own connection to the index file. Main keeps deciding what is
// written and when (order, progress, stopping, resets); the worker reads the body files, stems
// and writes, one batch at a time, so its garbage never reaches main's heap. WAL lets main search meanwhile; a
// write of main's (an import, a bookmark) waits for the worker's batch to commit.
import type { Worker } from 'node:worker_threads'
import { startWorker, workerFileBeside } from '../workerThread'

export interface TextPassData {
  indexPath: string
  archiveDir: string
  nativeBinding?: string | undefined
  /** SQLite page cache of the worker's connection (KiB): it only appends, little is re-read. */
  cacheKb: number
}

export interface TextPassJob {
  id: number
  /** Notes only where an article has some; the pack only where its body is in one (bodyPacks.ts). */
  items: { id: string; notes?: string[]; pack?: string }[]
  /** Titles (and notes) only, the body left pending: the first pass of a build. */
  titlesOnly: boolean
}

export type TextPassReply = { id: number; ok: true; written: number } | { id: number; ok: false; message: string; corrupt: boolean }

export interface TextPassOptions {
  /** The worker script; by default textPassWorker beside this module (see workerThread.ts). */
  workerFile?: string
  /** Heap cap of the worker (MB). */
  maxHeapMb?: number
}

// What the worker holds is a batch of bodies and their stems (a few MB) and the memo of stems
// (up to ~15 MB a language, wordForms.ts). A small young generation keeps each batch's garbage
// from piling up: with V8's defaults the build of 100,000 articles peaked at 412 MB, not 396.
export const textPassDefaults = {
  maxHeapMb: 64,
  maxYoungMb: 8,
  cacheKb: 8000,
} as const

/** The worker reported the index file corrupt: the index is reset, as for any corruption. */
export class TextPassCorruption extends Error {}

/** A worker that runs one batch at a time; it fails once and for all when the worker dies. */
export class TextPass {
  readonly #worker: Worker
  #nextId = 1
  #dead: Error | null = null
  readonly #waiting = new Map<number, { resolve: (written: number) => void; reject: (e: Error) => void }>()

  constructor(data: Omit<TextPassData, 'cacheKb'>, options: TextPassOptions = {}) {
    this.#worker = startWorker(options.workerFile ?? workerFileBeside(import.meta.url, 'textPassWorker'), {
      maxHeapMb: options.maxHeapMb ?? textPassDefaults.maxHeapMb,
      maxYoungMb: textPassDefaults.maxYoungMb,
      workerData: { ...data, cacheKb: textPassDefaults.cacheKb } satisfies TextPassData,
    })
    this.#worker.on('message', (reply: TextPassReply) => {
      const waiting = this.#waiting.get(reply.id)
      if (!waiting) return
      this.#waiting.delete(reply.id)
      if (this.#waiting.size === 0) this.#worker.unref()
      if (reply.ok) waiting.resolve(reply.written)
      else waiting.reject(reply.corrupt ? new TextPassCorruption(reply.message) : new Error(`the index worker failed: ${reply.message}`))
    })
    const die = (e: Error): void => {
      this.#dead ??= e
      for (const { reject } of this.#waiting.values()) reject(e)
      this.#waiting.clear()
    }
    this.#worker.on('error', (e) => die(e))
    this.#worker.on('exit', (code) => die(new Error(`the index worker stopped (exit code ${code})`)))
  }

  /** Writes the text rows of these articles (bodies read in the worker); resolves with the rows written. */
  write(items: TextPassJob['items'], titlesOnly = false): Promise<number> {
    if (this.#dead) return Promise.reject(this.#dead)
    const id = this.#nextId++
    return new Promise<number>((resolve, reject) => {
      // Referenced while it works, so a process with nothing else to do (the CLI) waits for it.
      this.#worker.ref()
      this.#waiting.set(id, { resolve, reject })
      this.#worker.postMessage({ id, items, titlesOnly } satisfies TextPassJob)
    })
  }

  /** Ends the worker; a batch it is writing is rolled back with its connection. */
  async stop(): Promise<void> {
    await this.#worker.terminate().catch(() => {})
  }
}
