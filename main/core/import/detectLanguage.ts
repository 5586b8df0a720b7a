// Tells Indonesian from English for an imported article. Trigram statistics (franc) are
// reliable on paragraphs; on a line or two they guess, so common function words decide there.
import { franc } from 'franc-min'
import type { Language } from '../../../preload/contract'

/** Below this many letters franc's trigram profile is too thin to trust over stopwords. */
const SHORT_TEXT_LETTERS = 80
/** franc reads this much at most; more text does not change its answer, only its speed. */
const SAMPLE_CHARS = 6000
/**
 * On a long text, function words this lopsided decide without franc (about 1.5 ms a dispatch,
 * most of an import's time): news copy in one language is full of its own and has few of the other's.
 */
const CLEAR_MAJORITY = 4
const CLEAR_MAJORITY_MIN_WORDS = 12

export const STOPWORDS: Readonly<Record<Language, ReadonlySet<string>>> = {
  id: new Set(['yang', 'dan', 'di', 'untuk', 'dengan', 'ini', 'itu', 'tidak', 'akan', 'dari', 'ke', 'pada', 'dalam', 'juga', 'adalah', 'oleh', 'karena', 'bahwa', 'kata', 'telah', 'sudah', 'para', 'kami', 'mereka']),
  en: new Set(['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'on', 'with', 'was', 'are', 'be', 'by', 'from', 'said', 'has', 'have', 'it', 'its', 'will', 'at', 'as', 'an']),
}

export function detectLanguage(text: string): Language {
  const sample = text.slice(0, SAMPLE_CHARS)
  const letters = letterCount(sample)
  const counts = stopwordCounts(sample)
  const byStopwords = counts.id === counts.en ? null : counts.id > counts.en ? 'id' : 'en'
  if (letters >= SHORT_TEXT_LETTERS && byStopwords) {
    const [winner, loser] = byStopwords === 'id' ? [counts.id, counts.en] : [counts.en, counts.id]
    if (winner >= CLEAR_MAJORITY_MIN_WORDS && winner >= CLEAR_MAJORITY * loser) return byStopwords
  }
  const byTrigrams = letters >= 10 ? trigramVote(sample) : null

  if (letters < SHORT_TEXT_LETTERS) return byStopwords ?? byTrigrams ?? 'en'
  return byTrigrams ?? byStopwords ?? 'en'
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/

/**
 * Letters (code points) in the text, up to SHORT_TEXT_LETTERS (all the callers compare with):
 * counted by runs, and only as far as needed, rather than by making a string of each letter.
 */
function letterCount(text: string): number {
  if (HIGH_SURROGATE.test(text)) return text.match(/\p{L}/gu)?.length ?? 0
  let n = 0
  for (const [run] of text.matchAll(/\p{L}+/gu)) {
    n += run.length
    if (n >= SHORT_TEXT_LETTERS) break
  }
  return n
}

function trigramVote(text: string): Language | null {
  const code = franc(text, { only: ['ind', 'zlm', 'eng'], minLength: 10 })
  if (code === 'ind' || code === 'zlm') return 'id'
  if (code === 'eng') return 'en'
  return null
}

const LONGEST_STOPWORD = Math.max(...[...STOPWORDS.id, ...STOPWORDS.en].map((w) => w.length))
const LETTER_AT = /\p{L}/uy

/**
 * How many of each language's function words the text holds (the more often is the vote; a tie is none).
 * A word is a run of \p{L} in the lower-cased text. They are scanned for rather than matched, as making
 * a string of each took most of the time, and only runs of a–z short enough to be a stopword are looked up.
 */
export function stopwordCounts(text: string): Record<Language, number> {
  let id = 0
  let en = 0
  const lower = text.toLowerCase()
  let start = 0
  let onlyAtoZ = true
  for (let i = 0; i <= lower.length; ) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0
    if (c >= 0x61 && c <= 0x7a) {
      i++
      continue
    }
    let width = 1
    // Lower-casing left no A–Z, so only a character past ASCII may be another letter.
    if (c >= 0x80) {
      width = (lower.codePointAt(i) ?? 0) > 0xffff ? 2 : 1
      LETTER_AT.lastIndex = i
      if (LETTER_AT.test(lower)) {
        onlyAtoZ = false
        i += width
        continue
      }
    }
    if (onlyAtoZ && i > start && i - start <= LONGEST_STOPWORD) {
      const word = lower.slice(start, i)
      if (STOPWORDS.id.has(word)) id++
      if (STOPWORDS.en.has(word)) en++
    }
    i += width
    start = i
    onlyAtoZ = true
  }
  return { id, en }
}
