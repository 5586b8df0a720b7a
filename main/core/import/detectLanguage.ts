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

const ID_WORD = 1
const EN_WORD = 2

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

/**
 * Letters (code points) in the text, up to SHORT_TEXT_LETTERS (all the callers compare with):
 * counted by runs, and only as far as needed, rather than by making a string of each letter.
 */
function letterCount(text: string): number {
  let n = 0
  LETTER_RUN.lastIndex = 0
  for (let run = LETTER_RUN.exec(text); run; run = LETTER_RUN.exec(text)) {
    // A letter past U+FFFF is two UTF-16 units in the run but one letter.
    n += HIGH_SURROGATE.test(run[0]) ? Array.from(run[0]).length : run[0].length
    if (n >= SHORT_TEXT_LETTERS) break
  }
  return n
}

const LETTER_RUN = /\p{L}+/gu
const HIGH_SURROGATE = /[\uD800-\uDBFF]/

function trigramVote(text: string): Language | null {
  const code = franc(text, { only: ['ind', 'zlm', 'eng'], minLength: 10 })
  if (code === 'ind' || code === 'zlm') return 'id'
  if (code === 'eng') return 'en'
  return null
}

const LETTER_AT = /\p{L}/uy

/**
 * The stopwords as a trie over a–z, walked a letter at a time while the text is scanned, so
 * no word is cut out of the text to be looked up (that took most of detection's time).
 * Node n's child for letter k is CHILD[n * 26 + k] (0: none); WORD_OF[n] says whose word ends at n.
 */
const { CHILD, WORD_OF } = (() => {
  const words = [...STOPWORDS.id, ...STOPWORDS.en]
  const child = new Int32Array(26 * (1 + words.reduce((sum, w) => sum + w.length, 0)))
  const wordOf = new Uint8Array(child.length / 26)
  let nodes = 1
  for (const [flag, list] of [[ID_WORD, STOPWORDS.id], [EN_WORD, STOPWORDS.en]] as const) {
    for (const word of list) {
      let node = 0
      for (let i = 0; i < word.length; i++) {
        const slot = node * 26 + word.charCodeAt(i) - 0x61
        node = child[slot] || (child[slot] = nodes++)
      }
      wordOf[node] = (wordOf[node] as number) | flag
    }
  }
  return { CHILD: child, WORD_OF: wordOf }
})()

/**
 * How many of each language's function words the text holds (the more often is the vote; a tie is none).
 * A word is a run of \p{L} in the lower-cased text; only runs of a–z can be one, and they are
 * followed through the stopword trie as they are scanned.
 */
export function stopwordCounts(text: string): Record<Language, number> {
  let id = 0
  let en = 0
  const lower = text.toLowerCase()
  /** Where the word so far leads in the trie: 0 at its start, -1 once it cannot be a stopword. */
  let node = 0
  for (let i = 0; i <= lower.length; ) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0
    if (c >= 0x61 && c <= 0x7a) {
      if (node >= 0) node = (CHILD[node * 26 + c - 0x61] as number) || -1
      i++
      continue
    }
    let width = 1
    // Lower-casing left no A–Z, so only a character past ASCII may be another letter.
    if (c >= 0x80) {
      width = (lower.codePointAt(i) ?? 0) > 0xffff ? 2 : 1
      LETTER_AT.lastIndex = i
      if (LETTER_AT.test(lower)) {
        node = -1
        i += width
        continue
      }
    }
    if (node > 0) {
      const word = WORD_OF[node] as number
      if (word & ID_WORD) id++
      if (word & EN_WORD) en++
    }
    i += width
    node = 0
  }
  return { id, en }
}
