// Highlights stay put when the article's text changes, and are kept (unplaced) when they cannot.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anchorSelectors } from '../../../main/core/annotations/anchoring'
import { articlePlainText, paragraphStarts, plainTextOffset } from '../../../main/core/annotations/plainText'
import { makeSelectors } from '../../../main/core/annotations/selectors'
import { insertedLead, pasarTerapung, sundayStreets } from '../../fixtures/annotations/articles'

const textOf = (paragraphs: readonly string[]): string => articlePlainText(paragraphs)

/** Selectors for the `occurrence`-th (0-based) appearance of `phrase` in the text. */
function select(text: string, phrase: string, occurrence = 0) {
  let at = -1
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(phrase, at + 1)
    if (at === -1) throw new Error(`"${phrase}" occurs fewer than ${occurrence + 1} times`)
  }
  return makeSelectors(text, at, at + phrase.length)
}

describe('the plain text', () => {
  it('is the paragraphs joined by a blank line, and paragraph offsets map into it', () => {
    const paragraphs = ['Satu.', 'Dua dua.', 'Tiga.']
    expect(articlePlainText(paragraphs)).toBe('Satu.\n\nDua dua.\n\nTiga.')
    expect(paragraphStarts(paragraphs)).toEqual([0, 7, 17])
    expect(plainTextOffset(paragraphs, 1, 4)).toBe(11)
    expect(articlePlainText(paragraphs).slice(11, 15)).toBe('dua.')
    // A stale DOM position never lands outside the text.
    expect(plainTextOffset(paragraphs, 9, 99)).toBe(22)
    expect(plainTextOffset(paragraphs, -1, -5)).toBe(0)
  })
})

describe('making selectors from a selection', () => {
  it('keeps the quote with 32 characters of context either side', () => {
    const text = textOf(pasarTerapung.paragraphs)
    const { quote, position } = select(text, 'dapur bersama')
    expect(quote.exact).toBe('dapur bersama')
    expect(quote.prefix).toBe(text.slice(position.start - 32, position.start))
    expect(quote.prefix).toHaveLength(32)
    expect(quote.suffix).toBe(text.slice(position.end, position.end + 32))
    expect(text.slice(position.start, position.end)).toBe(quote.exact)
  })

  it('drops whitespace a selection picked up at its edges, such as a paragraph break', () => {
    const text = textOf(['Alpha beta.', 'Gamma delta.'])
    const { quote, position } = makeSelectors(text, 6, 13) // "beta.\n\n"
    expect(quote.exact).toBe('beta.')
    expect(position).toEqual({ start: 6, end: 11 })
  })

  it('has short context at the very start and end of the text', () => {
    const text = 'Kim tiba di Khasan.'
    const { quote } = makeSelectors(text, 0, 3)
    expect(quote).toEqual({ exact: 'Kim', prefix: '', suffix: ' tiba di Khasan.' })
  })

  it('never cuts an emoji in half', () => {
    const text = 'Hasilnya 👍 memuaskan'
    const thumb = text.indexOf('👍')
    expect(makeSelectors(text, thumb + 1, thumb + 2).quote.exact).toBe('👍')
  })

  it('refuses a selection outside the text, an empty one and one of only spaces', () => {
    const text = 'Dua kata.'
    for (const [start, end] of [[-1, 3], [0, 99], [4, 4], [5, 2], [0.5, 3]] as const) {
      expect(() => makeSelectors(text, start, end)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
    }
    expect(() => makeSelectors('a   b', 1, 4)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
  })

  it('refuses a highlight longer than the limit', () => {
    const text = 'kata '.repeat(3000)
    expect(() => makeSelectors(text, 0, 10_500)).toThrow(expect.objectContaining({ code: 'TOO_LARGE' }))
  })
})

describe('placing a highlight on the current text', () => {
  it('stays where it was when the text is unchanged', () => {
    const text = textOf(pasarTerapung.paragraphs)
    const selectors = select(text, 'dermaga kayu yang mulai lapuk')
    expect(anchorSelectors(text, selectors)).toEqual({
      status: 'placed',
      start: selectors.position.start,
      end: selectors.position.end,
      text: 'dermaga kayu yang mulai lapuk',
    })
  })

  it('follows its words when a paragraph is inserted before them', () => {
    const before = textOf(pasarTerapung.paragraphs)
    const selectors = select(before, 'tempat tambat baru di dekat jembatan')
    const after = textOf([insertedLead, ...pasarTerapung.paragraphs])
    const anchor = anchorSelectors(after, selectors)
    const shift = insertedLead.length + 2
    expect(anchor).toEqual({
      status: 'placed',
      start: selectors.position.start + shift,
      end: selectors.position.end + shift,
      text: 'tempat tambat baru di dekat jembatan',
    })
  })

  it('finds the corrected words, approximately, when a typo inside the quote is fixed', () => {
    const before = textOf(sundayStreets.paragraphs)
    const selectors = select(before, 'Shopkepers on the affected streets had been divided.')
    const corrected = sundayStreets.paragraphs.map((p) => p.replace('Shopkepers', 'Shopkeepers'))
    const after = textOf(corrected)
    const anchor = anchorSelectors(after, selectors)
    expect(anchor.status).toBe('placed-approximate')
    expect(anchor.text).toBe('Shopkeepers on the affected streets had been divided.')
    expect(after.slice(anchor.start ?? 0, anchor.end ?? 0)).toBe(anchor.text)
  })

  it('follows a sentence an editor reworded slightly, and says the match is approximate', () => {
    const before = textOf(pasarTerapung.paragraphs)
    const selectors = select(before, 'Pemandu bertugas sejak subuh, karena pasar terapung ramai')
    const after = textOf(pasarTerapung.paragraphs.map((p) => p.replace('Pemandu bertugas', 'Pemandu akan mulai bertugas')))
    expect(anchorSelectors(after, selectors)).toMatchObject({
      status: 'placed-approximate',
      text: 'Pemandu akan mulai bertugas sejak subuh, karena pasar terapung ramai',
    })
  })

  it('uses the words around a repeated phrase to pick the occurrence that was highlighted', () => {
    const before = textOf(pasarTerapung.paragraphs)
    // The third "pasar terapung", in "karena pasar terapung ramai sebelum matahari terbit".
    const selectors = select(before, 'pasar terapung', 2)
    expect(before.slice(selectors.position.start - 7, selectors.position.end + 6)).toBe('karena pasar terapung ramai')
    // A later version moves that paragraph to the top, so another occurrence is now nearest the old offset.
    const p = pasarTerapung.paragraphs
    const after = textOf([p[4], p[0], p[1], p[2], p[3], p[5]])
    const occurrences = [...after.matchAll(/pasar terapung/g)].map((m) => m.index)
    const nearest = occurrences.reduce((x, y) => (Math.abs(y - selectors.position.start) < Math.abs(x - selectors.position.start) ? y : x))
    expect(after.slice(nearest + 14, nearest + 20)).not.toBe(' ramai')
    const anchor = anchorSelectors(after, selectors)
    expect(anchor.status).toBe('placed')
    expect(after.slice((anchor.start ?? 0) - 7, (anchor.end ?? 0) + 6)).toBe('karena pasar terapung ramai')
  })

  it('is kept but unplaced when its sentence was deleted', () => {
    const before = textOf(pasarTerapung.paragraphs)
    const selectors = select(before, 'Seorang penjual pisang mengaku omzetnya bisa naik dua kali lipat')
    const after = textOf(pasarTerapung.paragraphs.filter((_, i) => i !== 3))
    expect(anchorSelectors(after, selectors)).toEqual({ status: 'unplaced', start: null, end: null, text: null })
  })

  it('does not jump to the same short word elsewhere when its own paragraph is gone', () => {
    const before = textOf(sundayStreets.paragraphs)
    const selectors = select(before, 'mobility', 1) // in "Residents with limited mobility"
    const after = textOf(sundayStreets.paragraphs.filter((_, i) => i !== 3))
    expect(after).toContain('mobility') // still in the councillor's paragraph, in other surroundings
    expect(anchorSelectors(after, selectors).status).toBe('unplaced')
  })

  it('does not mistake a look-alike phrase for a highlight whose paragraph was deleted', () => {
    const before = textOf(pasarTerapung.paragraphs)
    // Each phrase has a near twin in another paragraph ("pasar terapung akan", "pemerintah", …).
    for (const [phrase, paragraph] of [
      ['pasar terapung bukan', 2],
      ['dia, pasar terapung', 2],
      ['Pemerintah', 0],
      ['wisata kota.', 5],
    ] as const) {
      const selectors = select(before, phrase)
      const after = textOf(pasarTerapung.paragraphs.filter((_, i) => i !== paragraph))
      expect(anchorSelectors(after, selectors).status, phrase).toBe('unplaced')
    }
  })

  it('places a highlight that spans two paragraphs, before and after a change above it', () => {
    const before = textOf(sundayStreets.paragraphs)
    const start = before.indexOf('walkers and cyclists.')
    const end = before.indexOf('said the councillor')
    const selectors = makeSelectors(before, start, end)
    expect(selectors.quote.exact).toContain('cyclists.\n\n"We measured')
    expect(anchorSelectors(before, selectors)).toMatchObject({ status: 'placed', start, end: selectors.position.end })
    const after = textOf(['Update: the vote passed 9 to 4.', ...sundayStreets.paragraphs])
    const anchor = anchorSelectors(after, selectors)
    expect(anchor.status).toBe('placed')
    expect(anchor.text).toBe(selectors.quote.exact)
  })

  it('is unplaced in an empty text', () => {
    expect(anchorSelectors('', { quote: { exact: 'x', prefix: '', suffix: '' }, position: { start: 0, end: 1 } }).status).toBe(
      'unplaced',
    )
  })

  it('searches only near the old position when the text is too big for a full approximate search', () => {
    const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '
    const quoteText = 'Shopkepers on the affected streets had been divided.'
    const text = `${filler.repeat(400)}${quoteText}${filler.repeat(400)}`
    const selectors = select(text, quoteText)
    const fixed = text.replace('Shopkepers', 'Shopkeepers')
    // A budget far below text length × blocks forces the windowed search; the quote is still found.
    const anchor = anchorSelectors(fixed, selectors, { maxApproximateWork: 2_000 })
    expect(anchor.status).toBe('placed-approximate')
    expect(anchor.text).toBe('Shopkeepers on the affected streets had been divided.')
  })
})

describe('anchoring, for any text and any edit', () => {
  const words = fc.constantFrom('pasar', 'terapung', 'sungai', 'the', 'street', 'kota', ',', '.', '\n\n', ' ', 'é', '👍', 'Kim')
  const textArb = fc.array(words, { minLength: 1, maxLength: 120 }).map((w) => w.join(' '))

  it('never throws, and a "placed" result is exactly the quote, at its offsets', () => {
    fc.assert(
      fc.property(
        textArb,
        textArb,
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (original, other, a, b, cut, cutLength) => {
          const start = a % original.length
          const end = start + 1 + (b % (original.length - start))
          let selectors
          try {
            selectors = makeSelectors(original, start, end)
          } catch {
            return // whitespace-only selections are refused, by design
          }
          // The new text: the original with a piece cut out and some other text spliced in.
          const at = cut % (original.length + 1)
          const edited = original.slice(0, at) + other.slice(0, cutLength % 40) + original.slice(at + (cutLength % 25))
          for (const text of [original, edited, other, '']) {
            const anchor = anchorSelectors(text, selectors)
            if (anchor.status === 'placed') {
              expect(anchor.text).toBe(selectors.quote.exact)
              expect(text.slice(anchor.start, anchor.end)).toBe(selectors.quote.exact)
            } else if (anchor.status === 'placed-approximate') {
              expect(text.slice(anchor.start, anchor.end)).toBe(anchor.text)
              expect(anchor.end).toBeGreaterThan(anchor.start)
            }
          }
          expect(anchorSelectors(original, selectors).status).toBe('placed')
        },
      ),
      { numRuns: 400 },
    )
  })

  it('never throws on selectors that do not fit the text at all', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.string({ minLength: 1, maxLength: 80 }),
        fc.string({ maxLength: 32 }),
        fc.string({ maxLength: 32 }),
        fc.nat(),
        fc.nat(),
        (text, exact, prefix, suffix, start, length) => {
          const anchor = anchorSelectors(text, { quote: { exact, prefix, suffix }, position: { start, end: start + 1 + length } })
          if (anchor.status === 'placed') expect(text.slice(anchor.start, anchor.end)).toBe(exact)
        },
      ),
      { numRuns: 400 },
    )
  })
})
