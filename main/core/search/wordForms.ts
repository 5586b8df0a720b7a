// How text becomes searchable words: split on anything that is not a letter or digit, fold case
// and diacritics, then reduce each word to its stem in the article's language. The same steps
// run over articles when they are indexed, over queries, and over the original text when a
// snippet marks the words that matched — so all three always agree.
import { stemmer as porterStem } from 'stemmer'
import type { Language } from '../../../preload/contract'
import { stemIndonesian } from './indonesianStemmer'

/**
 * Bumped whenever tokenising or stemming changes what an article indexes as; an index built by
 * another version is rebuilt.
 */
export const ANALYZER_VERSION = 1

export interface WordSpan {
  /** Lower case, without diacritics: `Pérez` → `perez`. */
  word: string
  /** Offsets in the original text, for snippets. */
  start: number
  end: number
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu
const MARKS = /\p{M}+/gu
const ASCII_LOWER_OR_DIGIT = /^[a-z0-9]*$/

/** Lower case without diacritics; cheap for the common all-ASCII word. */
export function foldWord(raw: string): string {
  const lower = raw.toLowerCase()
  return ASCII_LOWER_OR_DIGIT.test(lower) ? lower : lower.normalize('NFKD').replace(MARKS, '')
}

/** The words of a text with where they stand in it. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = []
  for (const m of text.matchAll(WORD)) {
    const word = foldWord(m[0])
    if (word) spans.push({ word, start: m.index, end: m.index + m[0].length })
  }
  return spans
}

/** The folded words of a text, without offsets. */
export function words(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(WORD)) {
    const word = foldWord(m[0])
    if (word) out.push(word)
  }
  return out
}

/**
 * The stem of one folded word. Indonesian uses the Sastrawi rules (`persenjataan` → `senjata`),
 * English Porter's (`elections` → `elect`). Numbers and very short words are left alone.
 */
export function stem(word: string, language: Language): string {
  if (word.length < 3 || /\d/.test(word)) return word
  return language === 'id' ? stemIndonesian(word) : porterStem(word)
}

/**
 * A copy of a word that does not keep alive the text it was cut from. V8 keeps a substring of
 * 13 characters or more as a view into its parent, so a memo keyed by such views held on to
 * every article a new long word came from: 40,000 of them kept 83 MB of article text.
 */
const detached = (word: string): string => (word.length < 13 ? word : Buffer.from(word, 'utf8').toString('utf8'))

/**
 * Stemming the same words again and again is most of the cost of indexing, so each language
 * keeps a memo of raw word → stem. Bounded so a long-running app does not grow without limit.
 */
export class StemMemo {
  readonly #memo = { id: new Map<string, string>(), en: new Map<string, string>() }
  readonly #limit: number
  /** Called with each (word, stem) pair the first time it is seen, so the index can record it. */
  onNewWord: ((word: string, stem: string, language: Language) => void) | null = null

  constructor(limit = 150_000) {
    this.#limit = limit
  }

  clear(): void {
    this.#memo.id.clear()
    this.#memo.en.clear()
  }

  stem(word: string, language: Language): string {
    const memo = this.#memo[language]
    let s = memo.get(word)
    if (s === undefined) {
      s = detached(stem(word, language))
      if (memo.size >= this.#limit) memo.clear()
      memo.set(detached(word), s)
      this.onNewWord?.(word, s, language)
    }
    return s
  }

  /**
   * The stems of a text, in order. The hot loop of indexing: the text is lower-cased once and
   * each raw word looked up in the memo before any folding or stemming is done.
   */
  stemList(text: string, language: Language): string[] {
    const memo = this.#memo[language]
    const lower = text.toLowerCase()
    const out: string[] = []
    WORD.lastIndex = 0
    for (let m = WORD.exec(lower); m !== null; m = WORD.exec(lower)) {
      const raw = m[0]
      let s = memo.get(raw)
      if (s === undefined) {
        const folded = foldWord(raw)
        if (!folded) continue
        s = this.stem(folded, language)
        if (memo.size >= this.#limit) memo.clear()
        memo.set(detached(raw), s)
      }
      out.push(s)
    }
    return out
  }

  /** The stems of a text, space-separated, as the index stores them. */
  stemText(text: string, language: Language): string {
    return this.stemList(text, language).join(' ')
  }
}

/**
 * The stems a query word may be indexed under. Both languages' stems are kept, because a word
 * typed by an English reader may sit in an Indonesian article and vice versa: `elections` finds
 * English articles (stem `elect`) and Indonesian articles quoting the English word as it is.
 */
export function queryStems(word: string): string[] {
  const id = stem(word, 'id')
  const en = stem(word, 'en')
  return id === en ? [id] : [id, en]
}
