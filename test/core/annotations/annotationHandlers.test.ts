// The annotation calls as the window makes them: through invoke() and the real handler table,
// over a real archive in a temp dir — validation, errors, persistence and what each save writes.
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { annotationLimits, type Method, type Output, type Result } from '../../../preload/contract'
import { openArchive } from '../../../main/core/archive/archive'
import { realFs } from '../../../main/core/archive/atomicJsonFile'
import { STATE_VERSION } from '../../../main/core/archive/records'
import { createHandlers } from '../../../main/core/handlers'
import { invoke } from '../../../main/core/invoke'
import { articlePlainText } from '../../../main/core/annotations/plainText'
import { SearchIndex } from '../../../main/core/search/searchIndex'
import { base64, samplesDir, tempHost, type TempHost } from '../../helpers/tempArchive'

const pasar = `Banjarmasin (WARTA) - Pemerintah kota Banjarmasin menambah jadwal pasar terapung di Sungai Martapura menjadi tiga kali sepekan mulai bulan depan.
Menurut dia, pasar terapung bukan sekadar tontonan. "Bagi warga bantaran sungai, pasar ini adalah dapur bersama," ujarnya.
Para pedagang menyambut baik rencana itu, tetapi meminta pemerintah memperbaiki dermaga kayu yang mulai lapuk.`

const lisbon = `LISBON, June 1 (WARTA) - The city council voted on Tuesday to close three central streets to cars every Sunday morning.
Residents with limited mobility will keep access through a permit scheme, and delivery vans may enter before eight o'clock.`

const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`)
  return r.value
}

/** Every file written through the archive's atomic writer, in order. */
let writes: { path: string; text: string }[]
let host: TempHost
let ids: { pasar: string; lisbon: string }
let texts: { pasar: string; lisbon: string }

function call<M extends Method>(method: M, input: unknown): Promise<Result<Output<M>>> {
  return invoke(host.handlers, method, input, { log: () => {} }) as Promise<Result<Output<M>>>
}

/** Offsets of a phrase in an article's plain text, as the reader computes them from a selection. */
const range = (article: 'pasar' | 'lisbon', phrase: string, until?: string) => {
  const text = texts[article]
  const start = text.indexOf(phrase)
  if (start === -1) throw new Error(`no "${phrase}"`)
  const end = until ? text.indexOf(until, start) + until.length : start + phrase.length
  return { articleId: ids[article], start, end }
}

beforeEach(async () => {
  writes = []
  host = await tempHost({
    systemLocale: 'id-ID',
    archive: {
      fs: {
        writeTemp: async (path, text) => (writes.push({ path, text }), realFs.writeTemp(path, text)),
        append: async (path, text) => (writes.push({ path, text }), realFs.append(path, text)),
      },
    },
  })
  const { outcomes } = ok(
    await call('importFiles', {
      files: [
        { name: 'pasar.txt', contentBase64: base64(pasar) },
        { name: 'lisbon.txt', contentBase64: base64(lisbon) },
      ],
    }),
  )
  const [p, l] = outcomes.map((o) => (o.status === 'failed' ? '' : o.article.id)) as [string, string]
  ids = { pasar: p, lisbon: l }
  texts = {
    pasar: articlePlainText(ok(await call('getArticle', { articleId: p })).paragraphs),
    lisbon: articlePlainText(ok(await call('getArticle', { articleId: l })).paragraphs),
  }
  writes = []
})
afterEach(async () => {
  await host.cleanup()
})

describe('createAnnotation', () => {
  it('highlights the selected words with a colour and a note, and keeps them after the archive is reopened', async () => {
    const created = ok(await call('createAnnotation', { ...range('pasar', 'dapur bersama'), colour: 'green', note: '  Kutipan utama \r\n' }))
    expect(created).toMatchObject({ colour: 'green', note: 'Kutipan utama', quote: { exact: 'dapur bersama' } })
    expect(created.anchor).toEqual({ status: 'placed', start: range('pasar', 'dapur bersama').start, end: range('pasar', 'dapur bersama').end, text: 'dapur bersama' })

    await host.archive.close()
    const reopened = await openArchive(host.dir)
    try {
      const handlers = createHandlers({ archive: reopened, systemLocale: 'id-ID', samplesDir })
      const listed = ok(await invoke(handlers, 'listArticleAnnotations', { articleId: ids.pasar }))
      expect(listed).toEqual({ placed: [created], unplaced: [] })
    } finally {
      await reopened.close()
    }
  })

  it('uses yellow and no note unless told, and drops the paragraph break a drag to the line end picks up', async () => {
    const { articleId, start } = range('pasar', 'ujarnya.')
    const created = ok(await call('createAnnotation', { articleId, start, end: start + 'ujarnya.'.length + 2 }))
    expect(created).toMatchObject({ colour: 'yellow', note: '', quote: { exact: 'ujarnya.' } })
    expect(texts.pasar.slice(start + 'ujarnya.'.length, start + 'ujarnya.'.length + 2)).toBe('\n\n')
  })

  it('spans paragraphs', async () => {
    const created = ok(await call('createAnnotation', range('pasar', 'bukan sekadar tontonan', 'Para pedagang')))
    expect(created.quote.exact).toMatch(/^bukan sekadar tontonan\. .*ujarnya\.\n\nPara pedagang$/)
  })

  it('refuses a selection outside the text, only spaces, a wrong colour or an over-long note', async () => {
    const bad = [
      { articleId: ids.pasar, start: 5, end: 999_999 },
      { articleId: ids.pasar, start: 10, end: 10 },
      { ...range('pasar', 'dapur bersama'), colour: 'purple' },
      { ...range('pasar', 'dapur bersama'), note: 'x'.repeat(annotationLimits.maxNoteLength + 1) },
      { ...range('pasar', 'dapur bersama'), start: -1 },
    ]
    for (const input of bad) expect((await call('createAnnotation', input)).ok, JSON.stringify(input).slice(0, 80)).toBe(false)
    for (const input of bad) {
      const r = await call('createAnnotation', input)
      expect(!r.ok && r.error.code).toBe('INVALID_INPUT')
    }
    expect(host.archive.annotations).toEqual([])
    expect(writes).toEqual([])
  })

  it('answers NOT_FOUND for an article that is not in the archive', async () => {
    const r = await call('createAnnotation', { articleId: 'zzzzzzzzzzzzzzzz', start: 0, end: 3 })
    expect(!r.ok && r.error).toMatchObject({ code: 'NOT_FOUND', params: { id: 'zzzzzzzzzzzzzzzz' } })
  })
})

describe('updateAnnotation, deleteAnnotation and restoreAnnotation', () => {
  it('edits the note and colour, removes a note by emptying it, and refuses an edit that says nothing', async () => {
    const created = ok(await call('createAnnotation', range('pasar', 'dermaga kayu')))
    const edited = ok(await call('updateAnnotation', { id: created.id, note: 'Perlu dicek\nlagi', colour: 'pink' }))
    expect(edited).toMatchObject({ id: created.id, note: 'Perlu dicek\nlagi', colour: 'pink', quote: created.quote })
    expect(ok(await call('updateAnnotation', { id: created.id, note: '' })).note).toBe('')
    const nothing = await call('updateAnnotation', { id: created.id })
    expect(!nothing.ok && nothing.error.code).toBe('INVALID_INPUT')
  })

  it('deletes with undo: the same record comes back once, at the same words', async () => {
    const created = ok(await call('createAnnotation', { ...range('pasar', 'dermaga kayu'), note: 'Satu' }))
    const removed = ok(await call('deleteAnnotation', { id: created.id }))
    const { anchor: _anchor, ...record } = created
    expect(removed).toEqual(record)
    expect(ok(await call('listArticleAnnotations', { articleId: ids.pasar })).placed).toEqual([])
    expect(ok(await call('restoreAnnotation', { annotation: removed }))).toEqual({ restored: true })
    expect(ok(await call('restoreAnnotation', { annotation: removed }))).toEqual({ restored: false })
    expect(ok(await call('listArticleAnnotations', { articleId: ids.pasar })).placed).toEqual([created])
  })

  it('answers NOT_FOUND for an annotation id that does not exist, and for undo onto a missing article', async () => {
    const missing = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f'
    for (const [method, input] of [
      ['updateAnnotation', { id: missing, note: 'x' }],
      ['deleteAnnotation', { id: missing }],
    ] as const) {
      const r = await call(method, input)
      expect(!r.ok && r.error, method).toMatchObject({ code: 'NOT_FOUND', params: { id: missing } })
    }
    const created = ok(await call('createAnnotation', range('pasar', 'dermaga kayu')))
    const { anchor: _anchor, ...record } = created
    const r = await call('restoreAnnotation', { annotation: { ...record, id: missing, articleId: 'zzzzzzzzzzzzzzzz' } })
    expect(!r.ok && r.error.code).toBe('NOT_FOUND')
    const notUuid = await call('deleteAnnotation', { id: 'not-a-uuid' })
    expect(!notUuid.ok && notUuid.error.code).toBe('INVALID_INPUT')
  })
})

describe('listing', () => {
  it('lists every highlight across the archive newest first, with titles, filtered by colour, words and notes', async () => {
    const a = ok(await call('createAnnotation', { ...range('pasar', 'dapur bersama'), note: 'Kutipan pembuka' }))
    const b = ok(await call('createAnnotation', { ...range('lisbon', 'permit scheme'), colour: 'blue' }))
    const c = ok(await call('createAnnotation', { ...range('pasar', 'dermaga kayu'), colour: 'blue', note: 'Dermaga rusak' }))
    const all = ok(await call('listAnnotations', {}))
    expect(all.total).toBe(3)
    // Made within the same millisecond possibly: the order is by time, then id; all three are there.
    expect(new Set(all.items.map((i) => i.id))).toEqual(new Set([a.id, b.id, c.id]))
    expect(all.items.find((i) => i.id === b.id)?.articleTitle).toMatch(/^The city council voted/)
    expect(ok(await call('listAnnotations', { colour: 'blue' })).items.map((i) => i.id).sort()).toEqual([b.id, c.id].sort())
    expect(ok(await call('listAnnotations', { text: 'DERMAGA' })).items.map((i) => i.id)).toEqual([c.id])
    expect(ok(await call('listAnnotations', { text: 'kutipan dapur' })).items.map((i) => i.id)).toEqual([a.id])
    expect(ok(await call('listAnnotations', { hasNote: false })).items.map((i) => i.id)).toEqual([b.id])
    expect(ok(await call('listAnnotations', { articleId: ids.lisbon })).items.map((i) => i.id)).toEqual([b.id])
    const page = ok(await call('listAnnotations', { offset: 1, limit: 1 }))
    expect(page).toMatchObject({ total: 3, items: [{ id: all.items[1]?.id }] })
  })

  it('shows highlight and note counts in the library and filters it to annotated articles', async () => {
    await call('createAnnotation', { ...range('pasar', 'dapur bersama'), note: 'Satu' })
    await call('createAnnotation', range('pasar', 'dermaga kayu'))
    const list = ok(await call('listArticles', {}))
    expect(list).toMatchObject({ archiveTotal: 2, annotatedTotal: 1 })
    expect(Object.fromEntries(list.items.map((i) => [i.id, [i.annotationCount, i.noteCount]]))).toEqual({ [ids.pasar]: [2, 1], [ids.lisbon]: [0, 0] })
    const annotated = ok(await call('listArticles', { filter: 'annotated' }))
    expect(annotated.total).toBe(1)
    expect(annotated.items.map((i) => i.id)).toEqual([ids.pasar])
    expect(ok(await call('getArticle', { articleId: ids.pasar }))).toMatchObject({ annotationCount: 2, noteCount: 1 })
  })

  it('places each highlight on the article as it reads now, and answers NOT_FOUND for an unknown article', async () => {
    const r = await call('listArticleAnnotations', { articleId: 'zzzzzzzzzzzzzzzz' })
    expect(!r.ok && r.error.code).toBe('NOT_FOUND')
    const later = ok(await call('createAnnotation', range('pasar', 'dermaga kayu')))
    const earlier = ok(await call('createAnnotation', range('pasar', 'pasar terapung')))
    expect(ok(await call('listArticleAnnotations', { articleId: ids.pasar })).placed.map((a) => a.id)).toEqual([earlier.id, later.id])
  })
})

describe('export and import', () => {
  it('exports an article’s highlights as Markdown in the interface language, or the one asked for', async () => {
    await call('createAnnotation', { ...range('pasar', 'pasar ini adalah dapur bersama'), note: 'Kutipan bagus' })
    const md = ok(await call('exportArticleAnnotations', { articleId: ids.pasar }))
    expect(md.fileName).toMatch(/\.md$/)
    expect(md.content).toContain('## Sorotan\n\n> pasar ini adalah dapur bersama\n\nKutipan bagus\n')
    expect(ok(await call('exportArticleAnnotations', { articleId: ids.pasar, language: 'en' })).content).toContain('## Highlights\n')
    await call('setLanguage', { language: 'en' })
    expect(ok(await call('exportArticleAnnotations', { articleId: ids.pasar })).content).toContain('- [Open in Warta](warta://article/')
    const r = await call('exportArticleAnnotations', { articleId: 'zzzzzzzzzzzzzzzz' })
    expect(!r.ok && r.error.code).toBe('NOT_FOUND')
  })

  it('brings deleted annotations back from a JSON-LD export, once, and reports what it skipped', async () => {
    const a = ok(await call('createAnnotation', { ...range('pasar', 'dapur bersama'), note: 'Satu' }))
    const b = ok(await call('createAnnotation', { ...range('lisbon', 'permit scheme'), colour: 'pink' }))
    const exported = ok(await call('exportAnnotations', {}))
    expect(exported.fileName).toMatch(/^warta-annotations-\d{4}-\d{2}-\d{2}\.jsonld$/)
    await call('deleteAnnotation', { id: a.id })
    await call('deleteAnnotation', { id: b.id })

    const json = JSON.parse(exported.content) as { first: { items: Record<string, unknown>[] } }
    json.first.items.push({ ...json.first.items[0], id: 'urn:uuid:22222222-2222-4222-8222-222222222222', target: { source: 'warta://article/zzzzzzzzzzzzzzzz' } })
    const result = ok(await call('importAnnotations', { content: JSON.stringify(json) }))
    expect(result).toMatchObject({ imported: 2, duplicates: 0, skipped: { invalid: 1, unknownArticle: 0, tooMany: 0 } })
    const listed = ok(await call('listAnnotations', {})).items
    expect(listed.map((i) => i.id).sort()).toEqual([a.id, b.id].sort())
    expect(ok(await call('listArticleAnnotations', { articleId: ids.pasar })).placed).toEqual([a])
    expect(ok(await call('importAnnotations', { content: exported.content }))).toMatchObject({ imported: 0, duplicates: 2 })
  })

  it('refuses a file that is not annotations and changes nothing', async () => {
    for (const content of ['<html>', '{"type":"Something"}']) {
      const r = await call('importAnnotations', { content })
      expect(!r.ok && r.error.code).toBe('UNSUPPORTED')
    }
    expect(writes).toEqual([])
  })
})

describe('what a save writes', () => {
  it('writes only the state file, then one compact journal line per change — never the catalogue or a body', async () => {
    const before = await readdir(join(host.dir, 'articles'), { recursive: true })
    const created = ok(await call('createAnnotation', { ...range('pasar', 'dapur bersama'), note: 'Satu' }))
    await call('updateAnnotation', { id: created.id, colour: 'blue' })
    const removed = ok(await call('deleteAnnotation', { id: created.id }))
    await call('restoreAnnotation', { annotation: removed })
    // A new archive's first save writes state.json whole (through a temp file beside it,
    // .state.json.<token>.<n>.tmp); later ones append a line to its journal.
    expect(writes.map((w) => relative(host.dir, w.path).replace(/^\.(.+)\.[0-9a-f]{8}\.\d+\.tmp$/, '$1'))).toEqual(['state.json', ...Array(3).fill('state.json-journal')])
    for (const w of writes) expect(w.text.trimEnd()).not.toContain('\n')
    expect(await readdir(join(host.dir, 'articles'), { recursive: true })).toEqual(before)
    const state = JSON.parse(await readFile(join(host.dir, 'state.json'), 'utf8')) as { version: number; annotations: unknown[] }
    expect(state.version).toBe(STATE_VERSION)
    expect(state.annotations).toHaveLength(1)
  })

  it('saves 10,000 annotations in a few milliseconds', async () => {
    const first = ok(await call('createAnnotation', range('pasar', 'dapur bersama')))
    const { anchor: _anchor, ...record } = first
    const many = Array.from({ length: 10_000 }, (_, i) => ({ ...record, id: `${(i + 1).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`, note: `Catatan ${i}` }))
    // Straight through the host's own change, as an import does, to reach 10,000 quickly.
    await host.archive.changeAnnotations({ apply: (list) => [...list, ...many], revert: (list) => list.filter((a) => !many.includes(a as never)) })
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      const started = performance.now()
      await call('updateAnnotation', { id: first.id, note: `Edit ${i}` })
      times.push(performance.now() - started)
    }
    times.sort((a, b) => a - b)
    // The median; fsync dominates, so the bound is generous for slow CI disks.
    expect(times[2]).toBeLessThan(250)
    const size = (await readFile(join(host.dir, 'state.json'))).length
    expect(size).toBeLessThan(10_001 * 700)
  })
})

describe('search', () => {
  it('finds an article by the words of its notes and by has:note, and forgets them when the note goes', async () => {
    const index = SearchIndex.open(host.dir)
    const handlers = createHandlers({ archive: host.archive, systemLocale: 'id-ID', samplesDir, searchIndex: index })
    const via = <M extends Method>(method: M, input: unknown) => invoke(handlers, method, input, { log: () => {} }) as Promise<Result<Output<M>>>
    try {
      await index.sync(host.archive)
      const titles = (query: string) => index.search(query).items.map((hit) => hit.article.id)
      expect(titles('has:note')).toEqual([])
      const created = ok(await via('createAnnotation', { ...range('lisbon', 'permit scheme'), note: 'Tanya soal kuota izin' }))
      expect(titles('has:note')).toEqual([ids.lisbon])
      expect(titles('kuota')).toEqual([ids.lisbon])
      ok(await via('updateAnnotation', { id: created.id, note: 'Tanya soal tarif' }))
      expect(titles('kuota')).toEqual([])
      expect(titles('tarif')).toEqual([ids.lisbon])
      ok(await via('deleteAnnotation', { id: created.id }))
      expect(titles('has:note')).toEqual([])
      expect(titles('tarif')).toEqual([])
    } finally {
      index.close()
    }
  })
})

describe('a new version of the article', () => {
  const savedPage = (paragraphs: string[]) =>
    `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Jembatan gantung desa dibuka</title>
    <meta property="article:published_time" content="2024-05-02T08:00:00+07:00"></head>
    <body><article><h1>Jembatan gantung desa dibuka</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`
  const before = [
    'Warga dua desa di tepi Sungai Serayu kini bisa menyeberang tanpa perahu setelah jembatan gantung sepanjang 120 meter dibuka pada Rabu pagi.',
    'Kepala desa mengatakan jembatan itu dibangun bersama oleh warga selama delapan bulan dengan dana desa.',
    'Anak-anak sekolah yang dulu menunggu perahu kini berjalan kaki sepuluh menit saja.',
  ]
  const after = [
    'Warga dua desa di tepi Sungai Serayu kini bisa menyeberang tanpa perahu setelah jembatan gantung sepanjang 120 meter dibuka pada Kamis pagi.',
    'Kepala desa mengatakan jembatan itu dibangun bersama oleh warga selama delapan bulan dengan dana desa.',
    'Koreksi: peresmian berlangsung Kamis, bukan Rabu seperti diberitakan sebelumnya.',
  ]

  it('keeps every highlight: unchanged text placed, edited text placed approximately, removed text listed as unplaced', async () => {
    const file = (paragraphs: string[]) => ({ name: 'jembatan.html', contentBase64: base64(savedPage(paragraphs)) })
    const first = ok(await call('importFiles', { files: [file(before)] })).outcomes[0]
    if (first?.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(first)}`)
    const id = first.article.id
    const text = articlePlainText(ok(await call('getArticle', { articleId: id })).paragraphs)
    const at = (phrase: string) => ({ articleId: id, start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length })
    const kept = ok(await call('createAnnotation', at('dibangun bersama oleh warga selama delapan bulan')))
    const edited = ok(await call('createAnnotation', { ...at('jembatan gantung sepanjang 120 meter dibuka pada Rabu pagi'), note: 'Cek tanggal' }))
    const removed = ok(await call('createAnnotation', { ...at('Anak-anak sekolah yang dulu menunggu perahu'), note: 'Kutipan bagus' }))

    const second = ok(await call('importFiles', { files: [file(after)] })).outcomes[0]
    expect(second?.status).toBe('newVersion')
    const { placed, unplaced } = ok(await call('listArticleAnnotations', { articleId: id }))
    expect(placed.map((a) => [a.id, a.anchor.status, a.anchor.text])).toEqual([
      [edited.id, 'placed-approximate', 'jembatan gantung sepanjang 120 meter dibuka pada Kamis pagi'],
      [kept.id, 'placed', 'dibangun bersama oleh warga selama delapan bulan'],
    ])
    expect(unplaced.map((a) => [a.id, a.quote.exact, a.note])).toEqual([[removed.id, 'Anak-anak sekolah yang dulu menunggu perahu', 'Kutipan bagus']])
    // Nothing is lost in the exports either.
    const md = ok(await call('exportArticleAnnotations', { articleId: id })).content
    expect(md).toContain('## Tidak ditemukan di teks')
    expect(md).toContain('> Anak-anak sekolah yang dulu menunggu perahu\n\nKutipan bagus')
    expect(ok(await call('listArticles', { filter: 'annotated' })).items[0]).toMatchObject({ id, annotationCount: 3, noteCount: 2 })
  })
})
