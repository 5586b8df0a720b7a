// `warta import` with folders and web addresses, and `warta feeds`, against a real archive in a
// temp folder and a real HTTP server on 127.0.0.1.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../main/cli/runCli'
import { fixture, startLocalSite, webFixtures, type LocalSite } from '../core/web/localSite'
import { tempDir } from '../helpers/tempArchive'

const dispatch = `Makassar (ANTARA) - Nelayan di pesisir Makassar mulai memakai kotak pendingin bertenaga surya untuk menjaga ikan tetap segar sampai ke pasar.
Alat itu dipinjamkan oleh koperasi setempat dengan biaya sewa harian yang ringan.`

let site: LocalSite
let dir: string
let cleanup: () => Promise<void>
const lines = { out: [] as string[], err: [] as string[] }
const io = { out: (l: string) => lines.out.push(l), err: (l: string) => lines.err.push(l) }
const archive = () => join(dir, 'archive')

beforeAll(async () => {
  site = await startLocalSite({
    '/pages/article-og.html': fixture('pages/article-og.html', 'text/html; charset=utf-8'),
    '/media/perahu.png': fixture('images/harbour.png', 'image/png'),
    '/media/peta.png': fixture('images/map.png', 'image/png'),
    '/feeds/rss.xml': fixture('feeds/rss.xml', 'application/rss+xml'),
    '/media/harbour.png': fixture('images/harbour.png', 'image/png'),
  })
})
afterAll(() => site.close())
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  lines.out = []
  lines.err = []
  process.env.LANG = 'en_US.UTF-8'
})
afterEach(() => cleanup())

describe('warta import', () => {
  it('imports a folder recursively (.txt and .html), skipping other files, and a web address', async () => {
    const folder = join(dir, 'kiriman')
    await mkdir(join(folder, 'maret', '.tersembunyi'), { recursive: true })
    await writeFile(join(folder, 'nelayan.txt'), dispatch)
    await writeFile(join(folder, 'maret', 'halaman.html'), await readFile(join(webFixtures, 'pages', 'article-meta.html')))
    await writeFile(join(folder, 'maret', 'foto.png'), await readFile(join(webFixtures, 'images', 'map.png')))
    await writeFile(join(folder, 'maret', '.tersembunyi', 'lain.txt'), 'Jakarta (ANTARA) - Teks tersembunyi yang tidak boleh diimpor sama sekali.')
    await writeFile(join(folder, 'catatan.md'), '# not imported')

    const code = await runCli(['import', folder, site.url('/pages/article-og.html'), '--archive', archive(), '--json'], io)
    expect(lines.err).toEqual([])
    expect(code).toBe(0)
    const { outcomes } = JSON.parse(lines.out.join('\n')) as { outcomes: { status: string; name: string }[] }
    expect(outcomes.map((o) => [o.status, o.name])).toEqual([
      ['imported', 'halaman.html'],
      ['imported', 'nelayan.txt'],
      ['imported', site.url('/pages/article-og.html')],
    ])

    lines.out = []
    expect(await runCli(['import', site.url('/pages/article-og.html'), join(dir, 'nowhere'), '--archive', archive()], io)).toBe(1)
    expect(lines.out).toEqual([expect.stringMatching(/^Already in the archive: Perahu Listrik/)])
    expect(lines.err).toEqual([expect.stringContaining('Warta could not open')])
  })

  it('reports an address it cannot save, in the user’s language', async () => {
    process.env.LANG = 'id_ID.UTF-8'
    expect(await runCli(['import', site.url('/missing'), '--archive', archive()], io)).toBe(1)
    expect(lines.err[0]).toContain('HTTP 404')
    expect(lines.err[0]).toMatch(/^Gagal: /)
  })
})

describe('warta feeds', () => {
  it('adds a feed with its articles, lists it and refreshes it', async () => {
    expect(await runCli(['feeds', 'add', site.url('/feeds/rss.xml'), '--archive', archive()], io)).toBe(0)
    expect(lines.out).toEqual([expect.stringMatching(/^Following: Kabar Pesisir & Sekitarnya \([0-9a-f]{16}\)$/), 'Kabar Pesisir & Sekitarnya: 2 new articles, 0 updated, 0 removed'])

    lines.out = []
    expect(await runCli(['feeds', 'list', '--archive', archive()], io)).toBe(0)
    expect(lines.out[0]).toMatch(/^[0-9a-f]{16} {2}Kabar Pesisir & Sekitarnya {2}<http:\/\/127\.0\.0\.1:\d+\/feeds\/rss\.xml> {2}2 articles {2}\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    expect(lines.out[1]).toBe('1 feed followed')

    lines.out = []
    expect(await runCli(['feeds', 'refresh', '--archive', archive(), '--json'], io)).toBe(0)
    expect(JSON.parse(lines.out.join('\n'))).toMatchObject({ results: [{ added: 0, error: null }] })

    lines.out = []
    expect(await runCli(['list', '--archive', archive()], io)).toBe(0)
    expect(lines.out.at(-1)).toBe('2 articles in the archive')
  })

  it('refuses what is not a feed, and an unknown action', async () => {
    expect(await runCli(['feeds', 'add', site.url('/pages/article-og.html'), '--archive', archive()], io)).toBe(1)
    expect(lines.err[0]).toMatch(/is not a news feed/)
    expect(await runCli(['feeds', 'subscribe', '--archive', archive()], io)).toBe(2)
  })
})
