import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../main/cli/runCli'
import { repoRoot, tempDir } from '../helpers/tempArchive'

const dispatch = `Makassar (ANTARA) - Nelayan di pesisir Makassar mulai memakai kotak pendingin bertenaga surya untuk menjaga ikan tetap segar sampai ke pasar.
Alat itu dipinjamkan oleh koperasi setempat dengan biaya sewa harian yang ringan.
Baca juga: Koperasi nelayan Makassar buka gudang es baru
Para nelayan mengatakan hasil tangkapan kini lebih jarang terbuang.`

let dir: string
let cleanup: () => Promise<void>
const lines = { out: [] as string[], err: [] as string[] }
const io = { out: (l: string) => lines.out.push(l), err: (l: string) => lines.err.push(l) }

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  lines.out = []
  lines.err = []
  process.env.LANG = 'en_US.UTF-8'
})
afterEach(() => cleanup())

const archiveDir = () => join(dir, 'archive')

describe('warta CLI', () => {
  it('imports a file and shows it as the contract’s article in JSON', async () => {
    const file = join(dir, 'nelayan.txt')
    await writeFile(file, dispatch)
    expect(await runCli(['import', file, '--archive', archiveDir(), '--json'], io)).toBe(0)
    const { outcomes } = JSON.parse(lines.out.join('\n'))
    expect(outcomes[0].status).toBe('imported')
    const id = outcomes[0].article.id

    lines.out = []
    expect(await runCli(['show', id, '--archive', archiveDir(), '--json'], io)).toBe(0)
    const article = JSON.parse(lines.out.join('\n'))
    expect(article).toMatchObject({
      id,
      language: 'id',
      dateline: { place: 'Makassar', agency: 'ANTARA' },
      inlineRelated: [{ title: 'Koperasi nelayan Makassar buka gudang es baru' }],
      related: [],
      bookmarked: false,
    })
    expect(article.paragraphs).toHaveLength(3)
    expect(typeof article.title).toBe('string')
  })

  it('lists the archive in text with a count', async () => {
    const file = join(dir, 'nelayan.txt')
    await writeFile(file, dispatch)
    await runCli(['import', file, '--archive', archiveDir()], io)
    lines.out = []
    expect(await runCli(['list', '--archive', archiveDir()], io)).toBe(0)
    expect(lines.out.at(-1)).toBe('1 article in the archive')
    expect(lines.out[0]).toContain('Makassar · ANTARA')
  })

  it('says a re-imported file was already there', async () => {
    const file = join(dir, 'nelayan.txt')
    await writeFile(file, dispatch)
    await runCli(['import', file, '--archive', archiveDir()], io)
    lines.out = []
    expect(await runCli(['import', file, '--archive', archiveDir()], io)).toBe(0)
    expect(lines.out[0]).toMatch(/^Already in the archive: /)
  })

  it('exits non-zero with a clear message for bad input, and imports the rest', async () => {
    const empty = join(dir, 'kosong.txt')
    const good = join(dir, 'nelayan.txt')
    await writeFile(empty, '  \n ')
    await writeFile(good, dispatch)
    expect(await runCli(['import', empty, join(dir, 'missing.txt'), good, '--archive', archiveDir()], io)).toBe(1)
    expect(lines.err[0]).toContain('kosong.txt')
    expect(lines.err[0]).toMatch(/empty/i)
    expect(lines.err[1]).toContain('missing.txt')
    expect(lines.out).toHaveLength(1)
  })

  it('answers in Indonesian on an Indonesian system', async () => {
    const file = join(dir, 'nelayan.txt')
    await writeFile(file, dispatch)
    process.env.LANG = 'id_ID.UTF-8'
    await runCli(['import', file, '--archive', archiveDir()], io)
    expect(lines.out[0]).toMatch(/^Diimpor: /)
  })

  it('prints usage and exits 2 for an unknown command', async () => {
    expect(await runCli(['frobnicate'], io)).toBe(2)
    expect(lines.err[0]).toContain('frobnicate')
  })

  it('runs as `npm run -s warta` straight after install', () => {
    const result = spawnSync('npm', ['run', '-s', 'warta', '--', 'list', '--archive', archiveDir()], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en_US.UTF-8' },
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout.trim()).toBe('0 articles in the archive')
  })
})
