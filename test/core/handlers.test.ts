import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { contract, methods, type Method, type Output, type Result } from '../../preload/contract'
import { bodyPath, openArchive } from '../../main/core/archive/archive'
import { invoke } from '../../main/core/invoke'
import { feedIdOf } from '../../main/core/feeds/subscription'
import { base64, tempHost, type TempHost } from '../helpers/tempArchive'
import { englishDispatch, validInputs } from '../helpers/validInputs'
import { fixture, startLocalSite, type LocalSite } from './web/localSite'

const dispatch = `Bandung (ANTARA) - Pemerintah Kota Bandung meresmikan taman baca baru di tepi Sungai Cikapundung pada Sabtu pagi, lengkap dengan rak buku terbuka untuk warga.
Taman itu dibangun di atas lahan bekas gudang yang lama terbengkalai, kata kepala dinas setempat.
Baca juga: Perpustakaan keliling kembali menyapa warga Bandung
Warga dapat meminjam buku tanpa kartu anggota selama masa uji coba tiga bulan.
Berita Terkait
Perpustakaan keliling kembali menyapa warga Bandung
2 Maret 2024 09:15
Pewarta: Rina Kusuma
Editor: Budi Santoso
Copyright © ANTARA 2024`

const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`)
  return r.value
}

let host: TempHost
function call<M extends Method>(method: M, input: unknown): Promise<Result<Output<M>>>
function call(method: string, input: unknown): Promise<Result<unknown>>
function call(method: string, input: unknown): Promise<Result<unknown>> {
  return invoke(host.handlers, method, input, { log: () => {} })
}

beforeEach(async () => {
  host = await tempHost({ systemLocale: 'id-ID', context: { openExternal: async () => {} } })
})
afterEach(async () => {
  await host.cleanup()
})

describe('settings', () => {
  it('follows an Indonesian or Malay system until the user picks a language', async () => {
    expect(ok(await call('getSettings', {}))).toEqual({ language: 'id' })
    const malay = await tempHost({ systemLocale: 'ms-MY' })
    const english = await tempHost({ systemLocale: 'fr-FR' })
    try {
      expect(ok(await invoke(malay.handlers, 'getSettings', {}))).toEqual({ language: 'id' })
      expect(ok(await invoke(english.handlers, 'getSettings', {}))).toEqual({ language: 'en' })
    } finally {
      await malay.cleanup()
      await english.cleanup()
    }
  })

  it('remembers the chosen language after the archive is reopened', async () => {
    expect(ok(await call('setLanguage', { language: 'en' }))).toEqual({ language: 'en' })
    await (host.archive as { close?: () => Promise<void> }).close?.()
    const reopened = await openArchive(host.dir)
    expect(reopened.language).toBe('en')
    await (reopened as { close?: () => Promise<void> }).close?.()
  })
})

describe('importFiles', () => {
  it('imports a dispatch and lists it with its dateline', async () => {
    const { outcomes } = ok(await call('importFiles', { files: [{ name: 'taman.txt', contentBase64: base64(dispatch) }] }))
    expect(outcomes).toHaveLength(1)
    const [first] = outcomes
    expect(first?.status).toBe('imported')
    const list = ok(await call('listArticles', {}))
    expect(list.total).toBe(1)
    expect(list.items[0]?.dateline).toEqual({ place: 'Bandung', agency: 'ANTARA' })
    expect(list.items[0]?.language).toBe('id')
  })

  it('tells the user a text is already there instead of adding it twice', async () => {
    await call('importFiles', { files: [{ name: 'a.txt', contentBase64: base64(dispatch) }] })
    // Same words, different line endings and a BOM: still the same story.
    const again = '\uFEFF' + dispatch.replace(/\n/g, '\r\n')
    const { outcomes } = ok(await call('importFiles', { files: [{ name: 'b.txt', contentBase64: base64(again) }] }))
    expect(outcomes[0]?.status).toBe('duplicate')
    expect(ok(await call('listArticles', {})).total).toBe(1)
  })

  it('reports each bad file with its own code and imports the good ones', async () => {
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
    const { outcomes } = ok(
      await call('importFiles', {
        files: [
          { name: 'empty.txt', contentBase64: base64('   \n\t  ') },
          { name: 'image.txt', contentBase64: base64(binary) },
          { name: 'good.txt', contentBase64: base64(englishDispatch) },
        ],
      }),
    )
    expect(outcomes.map((o) => (o.status === 'failed' ? o.error.code : o.status))).toEqual(['EMPTY', 'NOT_TEXT', 'imported'])
    expect(outcomes[0]?.status === 'failed' && outcomes[0].error.params?.name).toBe('empty.txt')
    expect(ok(await call('listArticles', {})).total).toBe(1)
  })

  it('refuses a file over the size limit without touching the archive', async () => {
    const big = 'Jakarta (ANTARA) - ' + 'kata '.repeat(1_100_000)
    const result = await call('importFiles', { files: [{ name: 'big.txt', contentBase64: base64(big) }] })
    // Either the contract refuses the call, or the importer refuses the file: never an import.
    if (result.ok) {
      const outcome = (result.value as { outcomes: { status: string; error?: { code: string } }[] }).outcomes[0]
      expect(outcome?.error?.code).toBe('TOO_LARGE')
    } else {
      expect(result.error.code).toBe('INVALID_INPUT')
    }
    expect(ok(await call('listArticles', {})).total).toBe(0)
  })

  it('rejects content that is not base64', async () => {
    const result = await call('importFiles', { files: [{ name: 'x.txt', contentBase64: 'not base64 at all!' }] })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.code).toBe('INVALID_INPUT')
  })
})

describe('reading and bookmarks', () => {
  async function importOne(text = dispatch): Promise<string> {
    const { outcomes } = ok(await call('importFiles', { files: [{ name: 'x.txt', contentBase64: base64(text) }] }))
    const o = outcomes[0]
    if (!o || o.status === 'failed') throw new Error('import failed')
    return o.article.id
  }

  it('returns the whole article with related items and credits', async () => {
    const id = await importOne()
    const article = ok(await call('getArticle', { articleId: id }))
    expect(article.paragraphs[0]).toMatch(/^Pemerintah Kota Bandung/)
    expect(article.paragraphs.join(' ')).not.toMatch(/Baca juga|Berita Terkait|Pewarta/)
    expect(article.inlineRelated).toEqual([{ title: 'Perpustakaan keliling kembali menyapa warga Bandung', afterParagraph: 1, articleId: null }])
    expect(article.related).toEqual([{ title: 'Perpustakaan keliling kembali menyapa warga Bandung', publishedAt: '2024-03-02T09:15:00+07:00', articleId: null }])
    expect(article.credits).toEqual({ reporter: 'Rina Kusuma', editor: 'Budi Santoso', copyright: 'Copyright © ANTARA 2024' })
  })

  it('links a related title to an article already in the archive', async () => {
    const related = `Perpustakaan keliling kembali menyapa warga Bandung

Bandung (ANTARA) - Mobil perpustakaan keliling kembali berkeliling ke kampung-kampung di Bandung setelah sempat berhenti karena perbaikan.
Petugas membawa ratusan buku cerita anak setiap hari.`
    const relatedId = await importOne(related)
    const id = await importOne()
    const article = ok(await call('getArticle', { articleId: id }))
    expect(article.related[0]?.articleId).toBe(relatedId)
    expect(article.inlineRelated[0]?.articleId).toBe(relatedId)
  })

  it('keeps a bookmark after the archive is reopened, without rewriting bodies or the catalogue', async () => {
    const id = await importOne()
    const before = await Promise.all([stat(bodyPath(host.dir, id)), stat(join(host.dir, 'catalog.json'))])
    const bodyText = await readFile(bodyPath(host.dir, id), 'utf8')
    expect(ok(await call('setBookmark', { articleId: id, bookmarked: true }))).toEqual({ bookmarked: true })
    const after = await Promise.all([stat(bodyPath(host.dir, id)), stat(join(host.dir, 'catalog.json'))])
    expect(after.map((s) => s.mtimeMs)).toEqual(before.map((s) => s.mtimeMs))
    expect(await readFile(bodyPath(host.dir, id), 'utf8')).toBe(bodyText)

    await (host.archive as { close?: () => Promise<void> }).close?.()
    const reopened = await openArchive(host.dir)
    expect(reopened.summary(id).bookmarked).toBe(true)
    expect(reopened.list({ filter: 'bookmarked', offset: 0, limit: 10 }).total).toBe(1)
    await (reopened as { close?: () => Promise<void> }).close?.()
  })

  it('filters the library to bookmarks and counts them', async () => {
    const a = await importOne()
    await importOne(englishDispatch)
    await call('setBookmark', { articleId: a, bookmarked: true })
    const bookmarked = ok(await call('listArticles', { filter: 'bookmarked' }))
    expect(bookmarked.items.map((i) => i.id)).toEqual([a])
    expect(bookmarked).toMatchObject({ total: 1, archiveTotal: 2, bookmarkedTotal: 1 })
    ok(await call('setBookmark', { articleId: a, bookmarked: false }))
    expect(ok(await call('listArticles', { filter: 'bookmarked' })).total).toBe(0)
  })

  it('marks an article read when it is opened', async () => {
    const id = await importOne()
    expect(ok(await call('listArticles', {})).items[0]?.read).toBe(false)
    ok(await call('markRead', { articleId: id }))
    expect(ok(await call('listArticles', {})).items[0]?.read).toBe(true)
  })

  it('lets the user rename a derived title', async () => {
    const id = await importOne()
    const renamed = ok(await call('renameArticle', { articleId: id, title: '  Taman baca di tepi Cikapundung ' }))
    expect(renamed.title).toBe('Taman baca di tepi Cikapundung')
    expect(ok(await call('getArticle', { articleId: id }))).toMatchObject({ title: 'Taman baca di tepi Cikapundung', titleEdited: true })
  })

  it('says NOT_FOUND for an article that is not in the archive', async () => {
    const r = await call('getArticle', { articleId: '0123456789abcdef' })
    expect(!r.ok && r.error.code).toBe('NOT_FOUND')
    const b = await call('setBookmark', { articleId: '0123456789abcdef', bookmarked: true })
    expect(!b.ok && b.error.code).toBe('NOT_FOUND')
  })
})

describe('samples', () => {
  it('loads the bundled samples in both languages, once', async () => {
    const first = ok(await call('importSamples', {}))
    expect(first.outcomes.length).toBeGreaterThanOrEqual(4)
    expect(first.outcomes.every((o) => o.status === 'imported')).toBe(true)
    const languages = new Set(first.outcomes.map((o) => (o.status === 'imported' ? o.article.language : null)))
    expect(languages).toEqual(new Set(['id', 'en']))
    const second = ok(await call('importSamples', {}))
    expect(second.outcomes.every((o) => o.status === 'duplicate')).toBe(true)
  })
})

describe('validation of every method', () => {
  // A page and a feed on 127.0.0.1 for the web methods; nothing leaves the machine.
  let site: LocalSite
  beforeAll(async () => {
    site = await startLocalSite({
      '/pages/article-og.html': fixture('pages/article-og.html', 'text/html; charset=utf-8'),
      '/feeds/rss.xml': fixture('feeds/rss.xml', 'application/rss+xml'),
      '/media/harbour.png': fixture('images/harbour.png', 'image/png'),
    })
  })
  afterAll(() => site.close())

  it('rejects unknown methods and inherited property names', async () => {
    for (const name of ['deleteEverything', '__proto__', 'constructor', 'toString']) {
      const r = await call(name, {})
      expect(!r.ok && r.error.code).toBe('NOT_FOUND')
    }
  })

  it.each(methods)('%s rejects extra fields and wrong types with INVALID_INPUT', async (method) => {
    const extra = await call(method, { unexpected: true })
    expect(!extra.ok && extra.error.code).toBe('INVALID_INPUT')
    for (const wrong of ['text', 42, [], true]) {
      const r = await call(method, wrong)
      expect(!r.ok && r.error.code).toBe('INVALID_INPUT')
    }
  })

  it('every output matches its contract schema', async () => {
    const { outcomes } = ok(await call('importSamples', {}))
    const first = outcomes[0]
    if (!first || first.status === 'failed') throw new Error('samples failed')
    const id = first.article.id
    const feedUrl = site.url('/feeds/rss.xml')
    const inputs = validInputs({ articleId: id, pageUrl: site.url('/pages/article-og.html'), feedUrl, feedId: feedIdOf(feedUrl) })
    for (const method of methods) {
      const r = await call(method, inputs[method])
      expect(r.ok, method).toBe(true)
      if (r.ok) expect(() => contract[method].output.parse(r.value), method).not.toThrow()
    }
  })
})
