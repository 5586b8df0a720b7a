import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { detectLanguage, STOPWORDS, stopwordCounts } from '../../../main/core/import/detectLanguage'

describe('detectLanguage', () => {
  it('recognises an Indonesian paragraph', () => {
    expect(
      detectLanguage(
        'Pemerintah kabupaten menyiapkan pengering gabah untuk membantu petani ketika hujan masih turun pada sore hari, kata kepala dinas pertanian.',
      ),
    ).toBe('id')
  })

  it('recognises an English paragraph', () => {
    expect(
      detectLanguage('The town said the panels cover less than one percent of the lake surface and will supply power to about 3,000 homes.'),
    ).toBe('en')
  })

  it('counts Malay as Indonesian', () => {
    expect(detectLanguage('Kerajaan negeri akan membina lebih banyak rumah mampu milik untuk golongan berpendapatan rendah tahun hadapan.')).toBe('id')
  })

  it('keeps English with Indonesian names English', () => {
    expect(detectLanguage('Teuku Ramli, who chairs a cooperative in the Gayo highlands of Aceh, said the dryers had saved the harvest.')).toBe('en')
  })

  it.each([
    ['Harga beras naik di pasar', 'id'],
    ['Kim dan Putin', 'id'],
    ['Warga tidak akan pindah', 'id'],
    ['Rice prices rise in the market', 'en'],
    ['Kim and Putin', 'en'],
    ['The end', 'en'],
  ] as const)('decides a short text "%s" by its function words', (text, language) => {
    expect(detectLanguage(text)).toBe(language)
  })

  it('keeps a long Indonesian dispatch that quotes English Indonesian, and a long English one full of Indonesian names English', () => {
    const indonesian = [
      'Menteri Luar Negeri mengatakan bahwa pertemuan itu akan dilanjutkan pekan depan di Jakarta, dan para delegasi sudah tiba sejak Senin.',
      '"We are committed to the agreement and we will continue the talks with all of the parties," kata menteri itu kepada wartawan.',
      'Ia menambahkan bahwa pemerintah tidak akan mengubah sikap yang telah disampaikan dalam sidang sebelumnya, karena kesepakatan itu penting bagi kawasan.',
    ].join('\n')
    const english = [
      'Retno Marsudi, who met Sri Mulyani and Prabowo Subianto in Jakarta on Monday, said the talks with the delegation from Kuala Lumpur had gone well.',
      'The ministers agreed that the meeting in Yogyakarta and the summit in Denpasar will be held as planned, and that the trade deal is on track.',
      'Officials from Bandung and Surabaya said it was the first time the cities had been part of the talks, which are expected to end by Friday.',
    ].join('\n')
    expect(detectLanguage(indonesian)).toBe('id')
    expect(detectLanguage(english)).toBe('en')
  })

  it.each(['', '12345 678', 'OK', 'Jakarta'])('falls back to English when "%s" gives nothing to go on', (text) => {
    expect(detectLanguage(text)).toBe('en')
  })
})

describe('stopwordCounts', () => {
  /** The definition: the runs of letters in the lower-cased text, each looked up. */
  const definedCounts = (text: string): { id: number; en: number } => {
    const words = text.toLowerCase().match(/\p{L}+/gu) ?? []
    return { id: words.filter((w) => STOPWORDS.id.has(w)).length, en: words.filter((w) => STOPWORDS.en.has(w)).length }
  }
  const stopword = fc.constantFrom(...STOPWORDS.id, ...STOPWORDS.en)
  // Stopwords in any case, next to letters that do and do not join a word: accented and astral
  // letters, marks, digits, punctuation, lone surrogates, and characters that lower-case to
  // ASCII (the Kelvin sign) or to more than one character (dotted İ).
  const piece = fc.oneof(
    { arbitrary: stopword, weight: 4 },
    { arbitrary: stopword.map((w) => w.toUpperCase()), weight: 1 },
    { arbitrary: fc.tuple(stopword, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 })).map(([w, up]) => Array.from(w, (c, i) => (up[i] ? c.toUpperCase() : c)).join('')), weight: 1 },
    { arbitrary: fc.constantFrom(' ', '  ', '\n', ',', '.', '-', '_', '1', '“', '”', '—', '\u00a0', '\u3000', "'", '’'), weight: 4 },
    { arbitrary: fc.constantFrom('é', 'ß', 'ñ', 'Σ', 'ς', 'İ', '\u212a', 'ſ', 'ª', 'µ', 'ǅ', '𝐀', '𝒶', '\u0301', '\u0307', 'ー', '中', '\ud800', '\udc00'), weight: 2 },
    { arbitrary: fc.constantFrom('pemerintah', 'Jakarta', 'andalan', 'dian', 'theory', 'sebagai'), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 3 }), weight: 1 },
  )

  it('counts exactly the stopwords the definition finds, in any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), (text) => {
        expect(stopwordCounts(text)).toEqual(definedCounts(text))
      }),
      { numRuns: 5000 },
    )
  })

  it('counts a word the Kelvin sign spells but not one dotted İ starts', () => {
    expect(stopwordCounts('\u212aata \u0130ni')).toEqual({ id: 1, en: 0 })
  })
})
