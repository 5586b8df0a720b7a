// The content hash decides what is a duplicate, and archives store it: it must never change for
// a text, whatever shortcut computes it, and must not depend on spacing, line endings or NFC/NFD.
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { contentHashOf } from '../../../main/core/archive/archive'

/** The definition, written out the slow way: NFC, every run of whitespace one space, trimmed, lines joined. */
const definedHash = (title: string, titleDerived: boolean, paragraphs: string[]): string =>
  createHash('sha256')
    .update([titleDerived ? '' : title, ...paragraphs].map((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim()).join('\n'))
    .digest('hex')

const whitespace = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\ufeff', '\u3000')
const piece = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('é', 'e\u0301', 'Ş', 'ﬁ', 'Rp1.000'), whitespace)
const line = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''))

describe('contentHashOf', () => {
  it('is the defined hash for any text, spaced and normalised or not', () => {
    fc.assert(
      fc.property(line, fc.boolean(), fc.array(line, { maxLength: 6 }), (title, titleDerived, paragraphs) => {
        expect(contentHashOf({ title, titleDerived, paragraphs })).toBe(definedHash(title, titleDerived, paragraphs))
      }),
      { numRuns: 2000 },
    )
  })

  it('gives the same hash to the same words however they are spaced or composed, and another to other words', () => {
    const hash = (title: string, ...paragraphs: string[]): string => contentHashOf({ title, titleDerived: false, paragraphs })
    const plain = hash('Café di Jakarta', 'Harga naik lagi.', 'Menteri bicara.')
    expect(hash('  Cafe\u0301 di\tJakarta ', 'Harga  naik\r\nlagi.', '\ufeffMenteri bicara.\u00a0')).toBe(plain)
    expect(hash('Café di Jakarta', 'Harga turun lagi.', 'Menteri bicara.')).not.toBe(plain)
  })
})
