import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  AtomicJsonFile,
  CorruptFileError,
  realFs,
  readJsonFile,
  sweepTempFiles,
  tempPathFor,
  type FsOps,
} from '../../../main/core/archive/atomicJsonFile'
import { AppError } from '../../../main/core/errors'
import { tempDir } from '../../helpers/tempArchive'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
})
afterEach(() => cleanup())

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code })
const decode = (json: unknown): { n: number } => {
  if (typeof (json as { n?: unknown }).n !== 'number') throw new CorruptFileError('x', 'wrong shape')
  return json as { n: number }
}
const fileOf = (fs: Partial<FsOps> = {}) => new AtomicJsonFile(join(dir, 'data.json'), { decode, fs })

describe('saving a file', () => {
  it('reports a save done only after the temp file is synced, renamed into place and the folder synced', async () => {
    const steps: string[] = []
    const file = fileOf({
      writeTemp: async (p, t) => {
        await realFs.writeTemp(p, t)
        steps.push('write+fsync temp')
      },
      rename: async (a, b) => {
        await realFs.rename(a, b)
        steps.push('rename')
      },
      syncDir: async (d) => {
        await realFs.syncDir(d)
        steps.push('fsync dir')
      },
    })
    await file.write({ n: 1 })
    steps.push('resolved')
    expect(steps.slice(-4)).toEqual(['write+fsync temp', 'rename', 'fsync dir', 'resolved'])
    expect(await file.read()).toEqual({ n: 1 })
  })

  it('collapses saves queued behind a running one into a single save of the newest data', async () => {
    let writes = 0
    const file = fileOf({
      writeTemp: async (p, t) => {
        writes++
        await realFs.writeTemp(p, t)
      },
    })
    await Promise.all([1, 2, 3, 4, 5].map((n) => file.write({ n })))
    expect(await file.read()).toEqual({ n: 5 })
    expect(writes).toBe(2)
  })

  it('keeps the old file and leaves no temp file when the disk is full', async () => {
    await fileOf().write({ n: 1 })
    let attempts = 0
    const full = fileOf({
      writeTemp: async (p) => {
        attempts++
        await writeFile(p, '{"n":')
        throw errno('ENOSPC')
      },
    })
    const error = await full.write({ n: 2 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'WRITE_FAILED', params: { file: 'data.json', reason: 'ENOSPC' } })
    expect(attempts).toBe(1)
    expect(await readdir(dir)).toEqual(['data.json'])
    expect(await fileOf().read()).toEqual({ n: 1 })
  })

  it('tries again when another program briefly holds the file', async () => {
    let renames = 0
    const file = fileOf({
      rename: async (a, b) => {
        if (++renames === 1) throw errno('EBUSY')
        await realFs.rename(a, b)
      },
    })
    await file.write({ n: 7 })
    expect(renames).toBe(2)
    expect(await readdir(dir)).toEqual(['data.json'])
    expect(await file.read()).toEqual({ n: 7 })
  })

  it('reports a save as failed when the folder cannot be synced, since a power cut could still lose it', async () => {
    const file = fileOf({ syncDir: async () => Promise.reject(errno('EIO')) })
    await expect(file.write({ n: 1 })).rejects.toMatchObject({ code: 'WRITE_FAILED', params: { reason: 'EIO' } })
  })
})

describe('reading a file', () => {
  it('treats a missing file as no data', async () => {
    expect(await fileOf().read()).toBeNull()
  })

  it.each([
    ['a byte-order mark', Buffer.from('\uFEFF{"n":1}')],
    ['Windows line endings', Buffer.from('{\r\n  "n": 1\r\n}\r\n')],
    ['malformed UTF-8', Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x31, 0x2c, 0x22, 0x73, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])],
    ['nothing at all', Buffer.alloc(0)],
  ])('refuses a file with %s instead of reading it leniently', async (_, bytes) => {
    await writeFile(join(dir, 'data.json'), bytes)
    await expect(readJsonFile(join(dir, 'data.json'))).rejects.toBeInstanceOf(CorruptFileError)
  })

  it('clears temp files left by a crashed process but never one this process is writing', async () => {
    const ours = tempPathFor(join(dir, 'data.json'))
    await writeFile(ours, 'half')
    await writeFile(join(dir, '.data.json.0badf00d.3.tmp'), 'half')
    await writeFile(join(dir, 'notes.txt'), 'not ours to touch')
    expect(await sweepTempFiles(dir)).toBe(1)
    expect((await readdir(dir)).sort()).toEqual([ours.slice(dir.length + 1), 'notes.txt'].sort())
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('not ours to touch')
  })
})
