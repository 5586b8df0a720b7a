// Where pages become articles: in a worker thread, so main (and every window) stays responsive
// while a page — 0.5 s typically, 7.8 s for the largest accepted — is parsed, read and
// sanitised. One worker, one page at a time (Warta targets two cores: main and the worker);
// it is replaced every so many pages, after a page that takes too long, and when it dies
// (a heap cap keeps a pathological page from taking main down with it). Where no worker can be
// started, pages are extracted in this thread, one per turn of the event loop.
import type { Worker } from 'node:worker_threads'
import type { AppErrorData } from '../../../preload/contract'
import { AppError } from '../errors'
import { startWorker, workerFileBeside } from '../workerThread'
import { extractArticle, type ExtractOptions, type WebArticleDraft } from '../import/html/htmlArticle'
import { webError } from './webErrors'

export type ExtractArticle = (html: string, options: ExtractOptions) => Promise<WebArticleDraft>

export interface ExtractJob {
  id: number
  html: string
  options: ExtractOptions
}

export type ExtractReply = { id: number; ok: true; draft: WebArticleDraft } | { id: number; ok: false; error: AppErrorData }

export interface ArticleExtractor {
  extract: ExtractArticle
  /**
   * Reads a tiny page, so the worker has loaded jsdom and Readability before the first real
   * one (~2 s of a first save otherwise). Resolves when done; never rejects. Runs in the queue like any page.
   */
  warmUp(): Promise<void>
  /** Ends the worker; later calls start a new one. */
  close(): Promise<void>
  /** 'worker' once a worker answered; 'in-process' after falling back. */
  readonly mode: 'worker' | 'in-process' | 'idle'
}

export interface WorkerExtractorOptions {
  /** The worker script. By default the built extractWorker.js beside this module, else extractWorker.ts run through tsx. */
  workerFile?: string
  /** A worker is replaced after this many pages, so nothing jsdom keeps alive accumulates. */
  maxJobsPerWorker?: number
  /** A page taking longer is given up (TOO_COMPLEX) and its worker ended. */
  timeoutMs?: number
  /** Heap cap of the worker (MB). */
  maxHeapMb?: number
  log?: (message: string, error?: unknown) => void
}

export const extractorDefaults = {
  maxJobsPerWorker: 200,
  // The largest page accepted took 7.8 s on a loaded two-core machine; four times that is a hang.
  timeoutMs: 30_000,
  maxHeapMb: 1024,
} as const

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * In this thread, never two pages in one turn of the event loop: jsdom frees a closed window
 * only once the loop turns (1,500 pages in one synchronous loop went past 4 GB).
 */
export const extractInProcess: ExtractArticle = async (html, options) => {
  await nextTurn()
  try {
    return extractArticle(html, options)
  } finally {
    await nextTurn()
  }
}

export function createWorkerExtractor(options: WorkerExtractorOptions = {}): ArticleExtractor {
  const workerFile = options.workerFile ?? workerFileBeside(import.meta.url, 'extractWorker')
  const maxJobs = options.maxJobsPerWorker ?? extractorDefaults.maxJobsPerWorker
  const timeoutMs = options.timeoutMs ?? extractorDefaults.timeoutMs
  const log = options.log ?? ((m: string, e?: unknown) => console.warn(m, e ?? ''))
  let worker: Worker | null = null
  let jobsDone = 0
  let nextId = 1
  let mode: ArticleExtractor['mode'] = 'idle'
  // One page at a time: each call waits for the one before.
  let queue: Promise<unknown> = Promise.resolve()
  let warming: Promise<void> | null = null

  const start = (): Worker => startWorker(workerFile, { maxHeapMb: options.maxHeapMb ?? extractorDefaults.maxHeapMb })

  const stop = async (): Promise<void> => {
    const w = worker
    worker = null
    jobsDone = 0
    warming = null
    if (w) await w.terminate().catch(() => {})
  }

  const inWorker = (html: string, extractOptions: ExtractOptions): Promise<WebArticleDraft> => {
    worker ??= start()
    const w = worker
    const id = nextId++
    const name = extractOptions.name ?? extractOptions.url ?? 'page'
    return new Promise<WebArticleDraft>((resolve, reject) => {
      let settled = false
      const finish = (outcome: () => void): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        w.off('message', onMessage)
        w.off('error', onError)
        w.off('exit', onExit)
        w.unref()
        outcome()
      }
      const onMessage = (reply: ExtractReply): void => {
        if (reply.id !== id) return
        mode = 'worker'
        finish(() => (reply.ok ? resolve(reply.draft) : reject(new AppError(reply.error.code, reply.error.message, reply.error.params ?? {}))))
      }
      const giveUp = (why: string, cause?: unknown): void => {
        if (worker === w) void stop()
        finish(() => reject(webError('TOO_COMPLEX', `${name} could not be read: ${why}`, { name }, { cause })))
      }
      const onError = (e: Error): void => {
        // A worker that could not start at all (no script, no tsx) is a setup problem, not the page's.
        if (mode === 'idle' && !('code' in e && e.code === 'ERR_WORKER_OUT_OF_MEMORY')) {
          finish(() => reject(new WorkerUnavailable(e)))
          if (worker === w) void stop()
          return
        }
        giveUp(e.message, e)
      }
      const onExit = (code: number): void => giveUp(`the worker stopped (${code})`)
      const timer = setTimeout(() => giveUp(`it took longer than ${Math.round(timeoutMs / 1000)} s`), timeoutMs)
      w.on('message', onMessage)
      w.on('error', onError)
      w.on('exit', onExit)
      w.ref()
      w.postMessage({ id, html, options: extractOptions } satisfies ExtractJob)
    }).finally(() => {
      jobsDone++
      if (jobsDone >= maxJobs && worker === w) void stop()
    })
  }

  const extract: ExtractArticle = (html, extractOptions) => {
    const run = queue.then(async () => {
      if (mode === 'in-process') return extractInProcess(html, extractOptions)
      try {
        return await inWorker(html, extractOptions)
      } catch (e) {
        if (!(e instanceof WorkerUnavailable)) throw e
        log(`warta: pages are read in the main thread, the worker ${workerFile} did not start`, e.cause)
        mode = 'in-process'
        return extractInProcess(html, extractOptions)
      }
    })
    queue = run.catch(() => {})
    return run
  }

  return {
    extract,
    warmUp: () => {
      // Once: later calls (the dialog opened again) share the first.
      warming ??= extract(WARM_UP_PAGE, { name: 'warm-up', readable: true }).then(
        () => {},
        () => {},
      )
      return warming
    },
    close: stop,
    get mode() {
      return mode
    },
  }
}

/** A small page that Readability takes as an article, so the warm-up loads what a real page needs. */
const WARM_UP_PAGE =
  '<!doctype html><html lang="id"><head><title>Warta</title></head><body><article><h1>Warta</h1>' +
  '<p>Sebuah paragraf yang cukup panjang untuk dibaca sebagai artikel oleh pembaca halaman, dengan beberapa kalimat di dalamnya.</p>' +
  '<p>Paragraf kedua menyusul, agar halaman ini terbaca seperti berita yang sebenarnya.</p></article></body></html>'

class WorkerUnavailable extends Error {
  constructor(cause: unknown) {
    super('the extraction worker did not start', { cause })
  }
}
