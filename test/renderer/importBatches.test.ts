// A long import as the window runs it — dropped folders, big selections — against the real
// handlers and a real archive: one call per batch, progress after each, and Cancel stopping
// after the batch under way, with every file sent imported or reported.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportOutcome, Result } from '../../preload/contract'
import { invoke } from '../../main/core/invoke'
import { importLimits } from '../../renderer/src/importLimits'
import { importInBatches, type BatchProgress, type SelectedFile, type SendImport } from '../../renderer/src/importSelection'
import { tempHost, type TempHost } from '../helpers/tempArchive'

const places = ['BANDUNG', 'GARUT', 'MEDAN', 'AMBON', 'KUPANG', 'PALU']

/** A different short dispatch per index, so none is a duplicate of another. */
const dispatchFile = (i: number): SelectedFile => {
  const text = `${places[i % places.length]} (ANTARA) - Warga desa nomor ${i} menggelar panen raya kopi arabika pada pekan ke-${i}.\nPetugas setempat mengatakan kegiatan itu akan diulang setiap bulan bila warga antusias.\n`
  const bytes = new TextEncoder().encode(text)
  return { name: `berita-${i}.txt`, size: bytes.length, arrayBuffer: async () => bytes.buffer.slice(0) as ArrayBuffer }
}

let host: TempHost
let calls: number
const send: SendImport = async (files) => {
  calls += 1
  return (await invoke(host.handlers, 'importFiles', { files }, { log: () => {} })) as Result<{ outcomes: ImportOutcome[] }>
}

beforeEach(async () => {
  host = await tempHost({ systemLocale: 'id-ID', search: false })
  calls = 0
})
afterEach(async () => {
  await host.cleanup()
})

describe('importing many files in batches', () => {
  it('reports files done out of the total after every call, and imports them all', async () => {
    // Two full calls and a part one.
    const perCall = importLimits.maxFilesPerImport
    const total = 2 * perCall + 20
    const files = Array.from({ length: total }, (_, i) => dispatchFile(i))
    const progress: BatchProgress[] = []
    const run = await importInBatches(files, send, { onProgress: (p) => progress.push(p) })
    expect(calls).toBe(3)
    expect(progress).toEqual([
      { done: 0, total },
      { done: perCall, total },
      { done: 2 * perCall, total },
      { done: total, total },
    ])
    expect(run.notSent).toBe(0)
    expect(run.outcomes.map((o) => o.status)).toEqual(Array(total).fill('imported'))
    expect(run.outcomes.map((o) => o.name)).toEqual(files.map((f) => f.name))
    expect(host.archive.size).toBe(total)
  })

  it('stops after the batch under way when cancelled: what was sent is imported, the rest is counted as not imported', async () => {
    const perCall = importLimits.maxFilesPerImport
    const files = Array.from({ length: 2 * perCall + 20 }, (_, i) => dispatchFile(i))
    const stop = new AbortController()
    const slowSend: SendImport = async (batch) => {
      // Cancel pressed while the first call is still with main.
      if (calls === 0) stop.abort()
      return send(batch)
    }
    const run = await importInBatches(files, slowSend, { signal: stop.signal })
    expect(calls).toBe(1)
    expect(run.outcomes).toHaveLength(perCall)
    expect(run.outcomes.every((o) => o.status === 'imported')).toBe(true)
    expect(run.notSent).toBe(perCall + 20)
    expect(host.archive.size).toBe(perCall)
  })

  it('lets a file that can no longer be read fail alone, and counts a file too large without reading it', async () => {
    const vanished: SelectedFile = {
      name: 'hilang.txt',
      size: 10,
      arrayBuffer: async () => {
        throw new DOMException('A requested file or directory could not be found', 'NotFoundError')
      },
    }
    const huge: SelectedFile = {
      name: 'besar.txt',
      size: importLimits.maxImportBytes + 1,
      arrayBuffer: async () => {
        throw new Error('a file over the limit must not be read')
      },
    }
    const progress: BatchProgress[] = []
    const run = await importInBatches([dispatchFile(1), vanished, huge, dispatchFile(2)], send, { onProgress: (p) => progress.push(p) })
    expect(run.outcomes.map((o) => [o.name, o.status, o.status === 'failed' ? o.error.code : null])).toEqual([
      ['berita-1.txt', 'imported', null],
      ['hilang.txt', 'failed', 'UNREADABLE'],
      ['besar.txt', 'failed', 'TOO_LARGE'],
      ['berita-2.txt', 'imported', null],
    ])
    expect(progress[0]).toEqual({ done: 1, total: 4 })
    expect(progress.at(-1)).toEqual({ done: 4, total: 4 })
    expect(host.archive.size).toBe(2)
  })

  it('reports a refused call as a failure of each of its files, in the language-neutral error main gave', async () => {
    const refusing: SendImport = async () => ({ ok: false, error: { code: 'ARCHIVE_LOCKED', message: 'locked' } })
    const run = await importInBatches([dispatchFile(1), dispatchFile(2)], refusing)
    expect(run.outcomes.map((o) => (o.status === 'failed' ? o.error.code : o.status))).toEqual(['ARCHIVE_LOCKED', 'ARCHIVE_LOCKED'])
  })
})
