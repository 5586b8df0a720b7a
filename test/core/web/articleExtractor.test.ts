// The page reader's worker (articleExtractor.ts) made ready ahead of a save: the Save-from-URL
// dialog asks main for it (preparePageReader), so the first save does not also wait for jsdom.
import { afterEach, describe, expect, it } from 'vitest'
import { createWorkerExtractor, type ArticleExtractor } from '../../../main/core/web/articleExtractor'
import { createWebServices } from '../../../main/core/web/webServices'
import { invoke } from '../../../main/core/invoke'
import { tempHost, type TempHost } from '../../helpers/tempArchive'

const page = (title: string): string =>
  `<!doctype html><html lang="id"><head><title>${title}</title></head><body><article><h1>${title}</h1>` +
  '<p>Nelayan di pesisir utara mulai memakai es dari pabrik bertenaga surya yang dibangun tahun lalu.</p>' +
  '<p>Pabrik itu menghasilkan dua ton es setiap hari untuk kapal-kapal kecil.</p></article></body></html>'

let extractor: ArticleExtractor | null = null
let host: TempHost | null = null
afterEach(async () => {
  await extractor?.close()
  extractor = null
  await host?.cleanup()
  host = null
})

describe('getting the page reader ready', () => {
  it('starts the worker and has it read a page before any real one comes', async () => {
    extractor = createWorkerExtractor({ log: () => {} })
    expect(extractor.mode).toBe('idle')
    await extractor.warmUp()
    expect(extractor.mode).toBe('worker')
    const draft = await extractor.extract(page('Es tenaga surya untuk nelayan'), { name: 'es.html' })
    expect(draft.title).toBe('Es tenaga surya untuk nelayan')
  })

  it('never fails: a worker that cannot start leaves pages to be read in the main thread', async () => {
    const logged: string[] = []
    extractor = createWorkerExtractor({ workerFile: '/nowhere/extractWorker.js', log: (m) => logged.push(m) })
    await expect(extractor.warmUp()).resolves.toBeUndefined()
    expect(extractor.mode).toBe('in-process')
    expect(logged.join('\n')).toMatch(/did not start/)
    expect((await extractor.extract(page('Dibaca di utas utama'), { name: 'utama.html' })).title).toBe('Dibaca di utas utama')
  })

  it('is asked through the contract, which answers at once while the worker starts', async () => {
    extractor = createWorkerExtractor({ log: () => {} })
    host = await tempHost({ context: { web: { extractor } }, search: false })
    const answer = await invoke(host.handlers, 'preparePageReader', {})
    expect(answer).toEqual({ ok: true, value: {} })
    expect(extractor.mode).toBe('idle')
    await expect.poll(() => extractor?.mode, { timeout: 30_000 }).toBe('worker')
  })

  it('the services hand the same reader to saves: one worker, made ready once', async () => {
    host = await tempHost({ search: false })
    extractor = createWorkerExtractor({ log: () => {} })
    const services = createWebServices(host.archive, { extractor })
    await services.warmUp()
    expect(extractor.mode).toBe('worker')
    // Asked again (the dialog opened again): nothing more to do.
    const again = services.warmUp()
    expect(again).toBe(services.warmUp())
    await again
    expect((await services.extract(page('Satu pembaca'), { name: 'satu.html' })).title).toBe('Satu pembaca')
  })
})
