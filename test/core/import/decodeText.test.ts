import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { limits } from '../../../preload/contract'
import { AppError } from '../../../main/core/errors'
import { decodeText } from '../../../main/core/import/decodeText'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)))

function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const out: number[] = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : []
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (order === 'le') out.push(unit & 0xff, unit >> 8)
    else out.push(unit >> 8, unit & 0xff)
  }
  return Uint8Array.from(out)
}

function errorOf(run: () => unknown): AppError {
  try {
    run()
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected an AppError')
}

describe('reading text', () => {
  it('returns valid UTF-8 as it is', () => {
    expect(decodeText(utf8('Harga cabai naik — “kata” pedagang, café.'), 'a.txt')).toBe('Harga cabai naik — “kata” pedagang, café.')
  })

  it('strips a UTF-8 byte order mark', () => {
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Berita')]), 'a.txt')).toBe('Berita')
  })

  it('reads UTF-16 LE and BE with a byte order mark', () => {
    expect(decodeText(utf16('Berita “hari” ini\r\nbaris dua', 'le'), 'a.txt')).toBe('Berita “hari” ini\nbaris dua')
    expect(decodeText(utf16('Berita “hari” ini', 'be'), 'a.txt')).toBe('Berita “hari” ini')
  })

  it('recognises UTF-16 LE without a byte order mark instead of calling it binary', () => {
    expect(decodeText(utf16('Berita hari ini dari Jakarta', 'le', false), 'a.txt')).toBe('Berita hari ini dari Jakarta')
  })

  it('turns CRLF and lone CR line ends into LF', () => {
    expect(decodeText(utf8('satu\r\ndua\rtiga\n'), 'a.txt')).toBe('satu\ndua\ntiga\n')
  })

  it('normalises to NFC', () => {
    expect(decodeText(utf8('cafe\u0301'), 'a.txt')).toBe('caf\u00e9')
  })

  it('decodes windows-1252 bytes that are not UTF-8, curly quotes included', () => {
    expect(decodeText(bytes('caf', [0xe9], ' ', [0x93], 'quoted', [0x94]), 'a.txt')).toBe('café “quoted”')
    expect(decodeText(bytes('Harga ', [0x80], '5 ', [0x96], ' naik'), 'a.txt')).toBe('Harga €5 – naik')
  })

  it('repairs UTF-8 that was once read as windows-1252 and saved again', () => {
    expect(decodeText(utf8('cafÃ© â€œquotedâ€\u009d'), 'a.txt')).toBe('café “quoted”')
    expect(decodeText(utf8('SÃ£o Paulo'), 'a.txt')).toBe('São Paulo')
  })

  it('leaves genuine accented text alone even when it resembles double encoding', () => {
    expect(decodeText(utf8('voilà\u00a0! Ãgua'), 'a.txt')).toBe('voilà\u00a0! Ãgua')
  })

  it('turns C1 controls left by an ISO-8859-1 reader back into windows-1252 punctuation', () => {
    expect(decodeText(utf8('\u0093kutipan\u0094 \u0096 selesai'), 'a.txt')).toBe('“kutipan” – selesai')
  })

  it('drops a stray DOS end-of-file mark and form feeds become line breaks', () => {
    expect(decodeText(bytes('Halaman satu.', [0x0c], 'Halaman dua.', [0x1a]), 'a.txt')).toBe('Halaman satu.\nHalaman dua.')
  })

  it('accepts a file of exactly the size limit', () => {
    const big = new Uint8Array(limits.maxImportBytes).fill(0x61)
    expect(decodeText(big, 'big.txt')).toHaveLength(limits.maxImportBytes)
  })
})

describe('refusing bad input', () => {
  it('refuses a file over the limit as TOO_LARGE with the limit in MiB', () => {
    const error = errorOf(() => decodeText(new Uint8Array(limits.maxImportBytes + 1).fill(0x61), 'besar.txt'))
    expect(error.code).toBe('TOO_LARGE')
    expect(error.params).toEqual({ name: 'besar.txt', maxMegabytes: 5 })
  })

  it.each([
    ['no bytes', new Uint8Array(0)],
    ['only whitespace', utf8(' \n\t\r\n  ')],
    ['only a byte order mark', bytes([0xef, 0xbb, 0xbf])],
    ['only a UTF-16 byte order mark and spaces', utf16('   ', 'le')],
    ['only non-breaking and zero-width spaces', utf8('\u00a0\u200b\u3000')],
  ])('refuses %s as EMPTY', (_, input) => {
    const error = errorOf(() => decodeText(input, 'kosong.txt'))
    expect(error.code).toBe('EMPTY')
    expect(error.params).toEqual({ name: 'kosong.txt' })
  })

  it.each([
    ['a PNG image', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR rest of image')],
    ['a PDF', bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj')],
    ['a ZIP (or docx) archive', bytes([0x50, 0x4b, 0x03, 0x04], 'word/document.xml')],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')],
    ['a GZIP stream', bytes([0x1f, 0x8b, 0x08], 'compressed')],
    ['random bytes with NULs', bytes([0x13, 0x00, 0xa7, 0x4f, 0x00, 0x00, 0xc3, 0x10, 0xfe, 0x00, 0x7a, 0x88])],
    ['text with a NUL in it', bytes('Berita', [0x00], 'hari ini')],
    ['bytes full of control characters but no NUL', bytes([0x01, 0x02, 0x41, 0x03, 0x42, 0x04, 0x05, 0x06, 0x43, 0x07])],
  ])('refuses %s as NOT_TEXT', (_, input) => {
    const error = errorOf(() => decodeText(input, 'gambar.png'))
    expect(error.code).toBe('NOT_TEXT')
    expect(error.params).toEqual({ name: 'gambar.png' })
  })

  it.each([
    ['bytes windows-1252 leaves undefined', bytes('abc ', [0x81, 0x8d, 0x8f, 0x90, 0x9d], ' def')],
    // "Привет, мир" in windows-1251: readable only as Cyrillic, mojibake as windows-1252.
    ['text in another legacy encoding', bytes([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2], ', ', [0xec, 0xe8, 0xf0])],
    ['a UTF-8 byte order mark over invalid UTF-8', bytes([0xef, 0xbb, 0xbf], 'caf', [0xe9])],
    ['UTF-16 with a broken surrogate pair', Uint8Array.from([0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00])],
    ['UTF-32', Uint8Array.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00])],
    ['UTF-8 holding C1 controls with no windows-1252 meaning', utf8('abc \u0081\u008d def')],
  ])('refuses %s as BAD_ENCODING', (_, input) => {
    const error = errorOf(() => decodeText(input, 'aneh.txt'))
    expect(error.code).toBe('BAD_ENCODING')
    expect(error.params).toEqual({ name: 'aneh.txt' })
  })

  it('either refuses arbitrary bytes with an AppError or returns clean text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (input) => {
        try {
          const text = decodeText(input, 'acak.bin')
          // eslint-disable-next-line no-control-regex -- no control may survive decoding
          expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\r\ufeff]/)
          expect(text.normalize('NFC')).toBe(text)
          expect(text.trim()).not.toBe('')
        } catch (e) {
          expect(e).toBeInstanceOf(AppError)
          expect((e as AppError).params.name).toBe('acak.bin')
        }
      }),
      { numRuns: 500 },
    )
  })
})
