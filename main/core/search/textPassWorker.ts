// The worker thread that writes the text rows of a large index build (see textPass.ts): reading
// 100,000 body files and stemming their words leaves hundreds of megabytes of short-lived
// garbage, which main's heap — holding the catalogue — was slow to give back (peaks of 420–570 MB
// at 100,000 articles). Here it stays under the worker's own heap cap, and main stays free.
import { parentPort, workerData } from 'node:worker_threads'
import type Database from 'better-sqlite3'
import { readParagraphsSync } from './articleText'
import type { TextPassData, TextPassJob, TextPassReply } from './textPass'
import { TextRows, connectIndex, isCorruption, type BatchText } from './textRows'

const port = parentPort
if (!port) throw new Error('textPassWorker.ts runs as a worker thread only')
const data = workerData as TextPassData
let db: Database.Database | null = null
let rows: TextRows | null = null

port.on('message', (job: TextPassJob) => {
  let reply: TextPassReply
  try {
    db ??= connectIndex(data.indexPath, { nativeBinding: data.nativeBinding, cacheKb: data.cacheKb })
    rows ??= new TextRows(db)
    // Bodies are read before the transaction opens, so main's own writes wait on it briefly.
    // One that cannot be read keeps its title-only row and stays pending, to be retried.
    const batch: BatchText[] = []
    for (const { id, notes, pack } of job.items) {
      const paragraphs = job.titlesOnly ? null : readParagraphsSync(data.archiveDir, id, pack)
      if (paragraphs || job.titlesOnly) batch.push({ id, paragraphs, notes: notes ?? [] })
    }
    reply = { id: job.id, ok: true, written: rows.writeBatch(batch) }
  } catch (e) {
    const corrupt = isCorruption(e)
    if (corrupt) {
      db?.close()
      db = rows = null
    }
    reply = { id: job.id, ok: false, message: e instanceof Error ? e.message : String(e), corrupt }
  }
  port.postMessage(reply)
})
