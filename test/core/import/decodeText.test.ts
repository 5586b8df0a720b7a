import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { limits } from '../../../preload/contract'
import { AppError } from '../../../main/core/errors'
import { decodeText } from '../../../main/core/import/decodeText'
import { toNFC } from '../../../main/core/nfc'

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

// -- the shortcuts against the definition ---------------------------------------------------

/**
 * decodeText as first written, every check done in full (controls counted byte by byte, every
 * repair and clean-up pass run, NFC always): the definition its shortcuts must match.
 */
function referenceDecodeText(input: Uint8Array, name: string): string {
  const refuse = (code: 'NOT_TEXT' | 'BAD_ENCODING' | 'EMPTY', message: string): never => {
    throw new AppError(code, message, { name })
  }
  const starts = (prefix: number[], from = input): boolean => prefix.every((b, i) => from[i] === b)
  const strict = (encoding: string, from: Uint8Array): string | null => {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(from)
    } catch {
      return null
    }
  }
  const controlShare = (units: ArrayLike<number>): number => {
    let controls = 0
    for (let i = 0; i < units.length; i++) {
      const c = units[i] ?? 0
      if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++
    }
    return units.length === 0 ? 0 : controls / units.length
  }
  const cp1252 = [
    0x20ac, null, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, null, 0x017d, null,
    null, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, null, 0x017e, 0x0178,
  ]
  const charOfByte = (b: number): number | null => (b >= 0x80 && b < 0xa0 ? (cp1252[b - 0x80] ?? null) : b)
  const byteOfChar = (c: number): number | undefined => {
    const high = cp1252.indexOf(c)
    if (high >= 0) return 0x80 + high
    return c < 0x100 && !(c >= 0x80 && c < 0xa0 && cp1252[c - 0x80] != null) ? c : undefined
  }
  const repair = (text: string): string => {
    let repaired = text
    if (/[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]/.test(repaired)) {
      const back = codes(repaired).map(byteOfChar)
      if (back.every((b) => b !== undefined)) repaired = strict('utf-8', Uint8Array.from(back as number[])) ?? repaired
    }
    repaired = repaired.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(cp1252[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)))
    if (/[\u0080-\u009f]/.test(repaired)) refuse('BAD_ENCODING', `${name} holds characters that are not text`)
    return repaired
  }
  const decode = (): string => {
    if (starts([0xff, 0xfe, 0, 0]) || starts([0, 0, 0xfe, 0xff])) refuse('BAD_ENCODING', `${name} is not valid text in a supported encoding (UTF-32 is not supported)`)
    if (starts([0xef, 0xbb, 0xbf])) return repair(strict('utf-8', input.subarray(3)) ?? refuse('BAD_ENCODING', `${name} is not valid UTF-8`))
    if (starts([0xff, 0xfe])) return repair(strict('utf-16le', input.subarray(2)) ?? refuse('BAD_ENCODING', `${name} is not valid UTF-16`))
    if (starts([0xfe, 0xff])) return repair(strict('utf-16be', input.subarray(2)) ?? refuse('BAD_ENCODING', `${name} is not valid UTF-16`))
    const sniffed = input.subarray(0, Math.min(input.length, 1024) & ~1)
    if (sniffed.length >= 4) {
      const pairs = sniffed.length / 2
      let zeroHigh = 0
      let zeroLow = 0
      for (let i = 0; i < sniffed.length; i += 2) {
        if (sniffed[i] !== 0 && sniffed[i + 1] === 0) zeroHigh++
        else if (sniffed[i] === 0 && sniffed[i + 1] !== 0) zeroLow++
      }
      const utf16 = zeroHigh / pairs >= 0.9 ? 'utf-16le' : zeroLow / pairs >= 0.9 ? 'utf-16be' : null
      if (utf16) return repair(strict(utf16, input) ?? refuse('BAD_ENCODING', `${name} is not valid UTF-16`))
    }
    if (input.includes(0) || controlShare(input) > 0.05) refuse('NOT_TEXT', `${name} looks like a binary file`)
    const utf8 = strict('utf-8', input)
    if (utf8 !== null) return repair(utf8)
    const legacy = Array.from(input, charOfByte)
    const text = legacy.includes(null) ? '' : String.fromCharCode(...(legacy as number[]))
    const visible = codes(text).filter((c) => c > 0x20 && c !== 0xa0)
    if (visible.length === 0 || visible.filter((c) => c > 0x7f).length / visible.length > 0.3) {
      refuse('BAD_ENCODING', `${name} is not valid UTF-8, UTF-16 or windows-1252 text`)
    }
    return text
  }

  if (input.length > limits.maxImportBytes) throw new Error('the reference leaves size to the unit tests')
  if (input.length === 0) refuse('EMPTY', `${name} is empty`)
  const magic = MAGIC_KINDS.find(([, prefix]) => starts(prefix))
  if (magic) refuse('NOT_TEXT', `${name} is a ${magic[0]} file, not text`)
  const raw = decode()
  if (controlShare(codes(raw)) > 0.05) refuse('NOT_TEXT', `${name} looks like a binary file`)
  const text = raw
    .replace(/\ufeff/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .replace(/[\u2028\f\v]/g, '\n')
    // eslint-disable-next-line no-control-regex -- the definition removes controls
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '')
    .normalize('NFC')
  if (!/[^\s\u200b-\u200d\u2060]/.test(text)) refuse('EMPTY', `${name} has no text`)
  return text
}

const MAGIC_KINDS: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['ZIP', [0x50, 0x4b, 0x03, 0x04]],
  ['ZIP', [0x50, 0x4b, 0x05, 0x06]],
  ['ZIP', [0x50, 0x4b, 0x07, 0x08]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['GZIP', [0x1f, 0x8b]],
  ['7Z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['RAR', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['OLE', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['ELF', [0x7f, 0x45, 0x4c, 0x46]],
]

/** UTF-16 code units (Array.from(text) would give code points). */
const codes = (text: string): number[] => Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))

type Outcome = { text: string } | { code: string; message: string; params: unknown }
const outcomeOf = (run: () => string): Outcome => {
  try {
    return { text: run() }
  } catch (e) {
    if (!(e instanceof AppError)) throw e
    return { code: e.code, message: e.message, params: e.params }
  }
}

// Pieces that reach every branch: controls near the binary threshold, line and paragraph
// separators, marks, C1 controls and double-encoded UTF-8 to repair, NFD, and plain words.
const piece = fc.oneof(
  { arbitrary: fc.constantFrom('berita', 'Harga naik', ' ', '  ', '\t', '\n', '\r\n', '\r', 'a.', '12'), weight: 6 },
  { arbitrary: fc.constantFrom('\u0001', '\u0008', '\u000b', '\u000c', '\u000e', '\u001a', '\u001f', '\u007f', '\u0000'), weight: 2 },
  { arbitrary: fc.constantFrom('\ufeff', '\u2028', '\u2029', '\u200b', '\u00a0', '\u3000'), weight: 1 },
  { arbitrary: fc.constantFrom('é', 'ā', 'ǅ', '\u02ff', 'a\u0300', 'e\u0301', 'A\u030a', '\u1100\u1161', '한', '𝐀', '“kata”', '—', '€'), weight: 2 },
  { arbitrary: fc.constantFrom('Ã©', 'â€œ', 'â€\u009d', 'Ã£o', 'Ã', '\u0081', '\u008d', '\u0093', '\u0094', '\u0096', '\u00c2\u00a0'), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 4 }), weight: 1 },
)
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''))
// Each way a text reaches the importer: UTF-8 with or without a mark, UTF-16 either way round
// with or without one, a single-byte code page, or bytes that are no text at all.
const encoded = fc.oneof(
  text.map((s) => utf8(s)),
  text.map((s) => Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(s)])),
  fc.tuple(text, fc.constantFrom('le', 'be') as fc.Arbitrary<'le' | 'be'>, fc.boolean()).map(([s, order, bom]) => utf16(s, order, bom)),
  text.map((s) => Uint8Array.from(codes(s).map((c) => c & 0xff))),
  fc.uint8Array({ maxLength: 300 }),
  fc.tuple(fc.constantFrom(...MAGIC_KINDS.map(([, prefix]) => prefix)), fc.uint8Array({ maxLength: 20 })).map(([m, rest]) => Uint8Array.from([...m, ...rest])),
)

describe('decodeText shortcuts', () => {
  it('decodes, repairs and refuses every input exactly as the definition does', () => {
    fc.assert(
      fc.property(encoded, (input) => {
        expect(outcomeOf(() => decodeText(input, 'f.txt'))).toEqual(outcomeOf(() => referenceDecodeText(input, 'f.txt')))
      }),
      { numRuns: 5000 },
    )
  })

  it('matches the definition on a text near the share of controls that makes it binary', () => {
    for (let controls = 0; controls <= 12; controls++) {
      for (const body of ['a'.repeat(200), 'é'.repeat(100), '“'.repeat(70)]) {
        const input = utf8(`${'\u0001'.repeat(controls)}${body}`)
        expect(outcomeOf(() => decodeText(input, 'f.txt'))).toEqual(outcomeOf(() => referenceDecodeText(input, 'f.txt')))
      }
    }
  })

  it('is NFC for any text, however close to U+0300 its characters lie', () => {
    const nearTheEdge = fc.string({ unit: fc.integer({ min: 0x2f8, max: 0x301 }).map((c) => String.fromCharCode(c)) })
    const withBases = fc.array(fc.oneof(nearTheEdge, fc.constantFrom('a', 'e', 'o', 'A', 'ā')), { maxLength: 8 }).map((p) => p.join(''))
    fc.assert(
      fc.property(fc.oneof(withBases, fc.string({ unit: 'binary' })), (s) => {
        expect(toNFC(s)).toBe(s.normalize('NFC'))
      }),
      { numRuns: 3000 },
    )
  })

  it('skips NFC only where it changes nothing: no code point below U+0300 changes alone or next to another', () => {
    const changed: string[] = []
    for (let a = 0; a < 0x300; a++) {
      const first = String.fromCharCode(a)
      if (first.normalize('NFC') !== first) changed.push(first)
      for (let b = 0; b < 0x300; b++) {
        const pair = first + String.fromCharCode(b)
        if (pair.normalize('NFC') !== pair) changed.push(pair)
      }
    }
    expect(changed).toEqual([])
  })
})
