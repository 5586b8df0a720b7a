// The worker thread that turns pages into articles (see articleExtractor.ts): jsdom parsing,
// Readability and the sanitiser take up to seconds of CPU per page, which would otherwise
// freeze main — and with it every window — while a feed or a folder of pages is imported.
import { parentPort } from 'node:worker_threads'
import { isAppError } from '../errors'
import { extractArticle } from '../import/html/htmlArticle'
import type { ExtractJob, ExtractReply } from './articleExtractor'

const port = parentPort
if (!port) throw new Error('extractWorker.ts runs as a worker thread only')

port.on('message', (job: ExtractJob) => {
  let reply: ExtractReply
  try {
    reply = { id: job.id, ok: true, draft: extractArticle(job.html, job.options) }
  } catch (e) {
    reply = isAppError(e)
      ? { id: job.id, ok: false, error: e.toData() }
      : { id: job.id, ok: false, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } }
  }
  port.postMessage(reply)
})
