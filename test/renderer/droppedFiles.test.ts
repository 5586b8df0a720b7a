// Files and folders dropped on the window become the list of files to import: folders are
// walked (however Chromium hands them out), only dispatches and web pages are taken from them,
// and what was left out or could not be read is counted, never silently lost.
import { describe, expect, it } from 'vitest'
import { isImportableName, walkDrop, type DroppedEntry, type DroppedItem } from '../../renderer/src/web/droppedFiles'

/** A stand-in for a dropped file: just what the walk passes on. */
interface FakeFile {
  body: string
}

type Tree = { [name: string]: string | Tree | Error }

/** A FileSystemEntry tree like Chromium's: readEntries hands out at most `chunk` entries per call. */
function entryOf(name: string, node: string | Tree | Error, chunk = 100): DroppedEntry {
  if (typeof node === 'string' || node instanceof Error) {
    return {
      name,
      isFile: true,
      isDirectory: false,
      file: (ok: (f: FakeFile) => void, fail?: (e: unknown) => void) =>
        queueMicrotask(() => (node instanceof Error ? fail?.(node) : ok({ body: node }))),
    } as DroppedEntry
  }
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      const children = Object.entries(node).map(([n, child]) => entryOf(n, child, chunk))
      let at = 0
      return {
        readEntries: (ok: (entries: DroppedEntry[]) => void) =>
          queueMicrotask(() => {
            ok(children.slice(at, at + chunk))
            at += chunk
          }),
      }
    },
  } as DroppedEntry
}

const dropped = (tree: Tree, chunk?: number): DroppedItem<FakeFile>[] => Object.entries(tree).map(([name, node]) => ({ entry: entryOf(name, node, chunk) }))

describe('dropping files and folders', () => {
  it('takes dropped files as they are and walks folders in name order, naming each file by its path', async () => {
    const walk = await walkDrop<FakeFile>(
      dropped({
        'loose.txt': 'a',
        dispatches: {
          'b-10.txt': 'b10',
          'b-2.txt': 'b2',
          '2024': { 'oktober.html': '<p>x</p>', 'notes.htm': 'y' },
        },
      }),
    )
    expect(walk.files.map((f) => f.name)).toEqual(['loose.txt', 'dispatches/2024/notes.htm', 'dispatches/2024/oktober.html', 'dispatches/b-2.txt', 'dispatches/b-10.txt'])
    expect(walk.files.map((f) => f.file.body)).toEqual(['a', 'y', '<p>x</p>', 'b2', 'b10'])
    expect(walk).toMatchObject({ skipped: 0, unreadable: [], truncated: false })
  })

  it('reads a big folder to the end, although the browser hands it out a hundred entries at a time', async () => {
    const big: Tree = {}
    for (let i = 0; i < 250; i += 1) big[`berita-${i}.txt`] = String(i)
    const walk = await walkDrop<FakeFile>(dropped({ arsip: big }, 100))
    expect(walk.files).toHaveLength(250)
    expect(walk.files[0]?.name).toBe('arsip/berita-0.txt')
    expect(walk.files.at(-1)?.name).toBe('arsip/berita-249.txt')
  })

  it('leaves out, and counts, files in folders that are not dispatches or pages; hidden files are ignored', async () => {
    const walk = await walkDrop<FakeFile>(dropped({ folder: { 'a.txt': 'a', 'photo.jpg': 'x', 'report.pdf': 'x', '.DS_Store': 'x', '.hidden': { 'b.txt': 'b' } } }))
    expect(walk.files.map((f) => f.name)).toEqual(['folder/a.txt'])
    expect(walk.skipped).toBe(2)
  })

  it('still takes a wrong file dropped on its own, so the importer can say why it refuses it', async () => {
    const walk = await walkDrop<FakeFile>(dropped({ 'photo.png': 'binary' }))
    expect(walk.files.map((f) => f.name)).toEqual(['photo.png'])
  })

  it('reports files and folders that cannot be read, and goes on with the rest', async () => {
    const broken = {
      name: 'locked',
      isFile: false,
      isDirectory: true,
      createReader: () => ({ readEntries: (_ok: unknown, fail?: (e: unknown) => void) => queueMicrotask(() => fail?.(new Error('denied'))) }),
    } as unknown as DroppedEntry
    const walk = await walkDrop<FakeFile>([{ entry: broken }, ...dropped({ folder: { 'gone.txt': new Error('NotFoundError'), 'ok.txt': 'ok' } })])
    expect(walk.unreadable).toEqual(['locked', 'folder/gone.txt'])
    expect(walk.files.map((f) => f.name)).toEqual(['folder/ok.txt'])
  })

  it('stops at the limit and says so, rather than reading a whole disk', async () => {
    const many: Tree = {}
    for (let i = 0; i < 30; i += 1) many[`${i}.txt`] = 'x'
    const walk = await walkDrop<FakeFile>(dropped({ one: many, two: { 'late.txt': 'x' } }), { maxFiles: 12 })
    expect(walk.files).toHaveLength(12)
    expect(walk.truncated).toBe(true)
  })

  it('takes files given without an entry (a DataTransfer built by a page) in order', async () => {
    const walk = await walkDrop<FakeFile>([
      { file: { body: '1' }, name: 'satu.txt' },
      ...dropped({ dua: { 'dua.txt': '2' } }),
      { file: { body: '3' }, name: 'tiga.txt' },
    ])
    expect(walk.files.map((f) => [f.name, f.file.body])).toEqual([
      ['satu.txt', '1'],
      ['dua/dua.txt', '2'],
      ['tiga.txt', '3'],
    ])
  })

  it('keeps the end of a path too long for the importer, where the file’s own name is', async () => {
    const deep: Tree = { 'akhir.txt': 'x' }
    let tree: Tree = deep
    for (let i = 0; i < 40; i += 1) tree = { [`folder-dengan-nama-panjang-${i}`]: tree }
    const walk = await walkDrop<FakeFile>(dropped(tree))
    const name = walk.files[0]?.name ?? ''
    expect(name.length).toBe(255)
    expect(name.startsWith('…')).toBe(true)
    expect(name.endsWith('/akhir.txt')).toBe(true)
  })

  it('knows which names the importer reads', () => {
    expect(['a.txt', 'B.HTML', 'c.htm'].every(isImportableName)).toBe(true)
    expect(['a.pdf', 'b.html.zip', 'txt'].some(isImportableName)).toBe(false)
  })
})
