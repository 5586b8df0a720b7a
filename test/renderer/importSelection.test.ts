// The window's import path against the real handlers and a real archive: only the HTTP or IPC
// hop is left out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportOutcome, Result } from '../../preload/contract'
import { invoke } from '../../main/core/invoke'
import { importLimits } from '../../renderer/src/importLimits'
import { importSelection, type SelectedFile, type SendImport } from '../../renderer/src/importSelection'
import { tempHost, type TempHost } from '../helpers/tempArchive'

const dispatch = (place: string, sentence: string): string =>
  `${place} (ANTARA) - ${sentence}\nPetugas setempat mengatakan kegiatan itu akan diulang setiap bulan bila warga antusias.\n`

const textFile = (name: string, text: string): SelectedFile => {
  const bytes = new TextEncoder().encode(text)
  return { name, size: bytes.length, arrayBuffer: async () => bytes.buffer.slice(0) as ArrayBuffer }
}

/** A file that claims a size over the limit; reading it would be a bug. */
const hugeFile = (name: string): SelectedFile => ({
  name,
  size: importLimits.maxImportBytes + 1,
  arrayBuffer: async () => {
    throw new Error('a file over the limit must not be read')
  },
})

let host: TempHost
let calls: number
const send: SendImport = async (files) => {
  calls += 1
  return (await invoke(host.handlers, 'importFiles', { files }, { log: () => {} })) as Result<{ outcomes: ImportOutcome[] }>
}

beforeEach(async () => {
  host = await tempHost({ systemLocale: 'id-ID' })
  calls = 0
})
afterEach(async () => {
  await host.cleanup()
})

describe('importing a selection from the window', () => {
  it('returns one outcome per file in the order chosen: imported, duplicate, failed, too large', async () => {
    const garden = textFile('taman.txt', dispatch('Bogor', 'Warga Kelurahan Tegallega menanam 200 bibit pohon buah di taman kota pada Minggu pagi.'))
    const outcomes = await importSelection(
      [garden, hugeFile('besar.txt'), textFile('kosong.txt', '   \n'), garden],
      send,
    )
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([
      ['taman.txt', 'imported'],
      ['besar.txt', 'failed'],
      ['kosong.txt', 'failed'],
      ['taman.txt', 'duplicate'],
    ])
    const [, tooLarge, empty] = outcomes
    expect(tooLarge?.status === 'failed' && tooLarge.error).toMatchObject({ code: 'TOO_LARGE', params: { name: 'besar.txt', maxMegabytes: 5 } })
    expect(empty?.status === 'failed' && empty.error.code).toBe('EMPTY')
    expect(calls).toBe(1)
    expect(host.archive.size).toBe(1)
  })

  it('sends a selection larger than one call allows in several calls', async () => {
    const files = Array.from({ length: importLimits.maxFilesPerImport + 3 }, (_, i) =>
      textFile(`berita-${i}.txt`, dispatch('Solo', `Pasar malam nomor ${i} dibuka di halaman balai kota dengan ${i + 10} lapak makanan tradisional.`)),
    )
    const outcomes = await importSelection(files, send)
    expect(calls).toBe(2)
    expect(outcomes.every((o) => o.status === 'imported')).toBe(true)
    expect(host.archive.size).toBe(files.length)
  })

  it('sends nothing when every file is over the limit', async () => {
    const outcomes = await importSelection([hugeFile('a.txt'), hugeFile('b.txt')], send)
    expect(calls).toBe(0)
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'failed'])
  })
})
