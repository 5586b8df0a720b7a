// The few lines shown under a search result, cut from the article's original text with the words
// that matched marked. Returned as plain segments, never HTML, so the renderer can mark them
// without ever injecting markup. A word is marked when its stem (in the article's language) is
// one the query asked for, so `pertemuan` marks `bertemu` but not `temuan` — the same rule the
// index used to find the article.
import type { Language } from '../../../preload/contract'
import type { ParsedQuery } from './queryParser'
import { queryStems, wordSpans, words, type WordSpan } from './wordForms'

export interface Segment {
  text: string
  match: boolean
}

/** What to mark: built once per query, used for every result on the page. */
export interface Highlighter {
  /** Per word span: does it belong to a match? */
  marks(spans: WordSpan[], language: Language): boolean[]
  /** A quick test that a text may hold a match (phrases checked by their words only). */
  mayMatch(text: string, language: Language): boolean
}

/**
 * The stem a folded word was indexed under in a language, or null when it cannot matter. The
 * search index answers from its table of indexed words (no stemming at query time); tests and
 * callers without an index pass a stemmer.
 */
export type StemOf = (word: string, language: Language) => string | null

/**
 * Optionally, every folded word that can match in a language (the index knows them). With it, a
 * paragraph is skipped by plain substring tests instead of being split into words.
 */
export type FormsOf = (language: Language) => readonly string[]

const NON_ASCII = /[^\p{ASCII}]/u

/**
 * @param prefixStems stems the index found for each prefix term (`pertem*` → `temu`), so a word
 *   matched through its stem is marked too.
 */
export function highlighterFor(
  query: ParsedQuery,
  stemOf: StemOf,
  prefixStems: ReadonlyMap<string, string[]> = new Map(),
  formsOf?: FormsOf,
): Highlighter {
  const wordStems = new Set<string>()
  const prefixes: string[] = []
  const phrases: Set<string>[][] = []
  for (const term of query.terms) {
    if (term.negated) continue
    if (term.kind === 'word') for (const s of queryStems(term.word)) wordStems.add(s)
    else if (term.kind === 'prefix') {
      prefixes.push(term.prefix)
      for (const s of prefixStems.get(term.prefix) ?? []) wordStems.add(s)
    } else phrases.push(term.words.map((w) => new Set(queryStems(w))))
  }
  // Any stem that may start a match, for the quick test; phrases are confirmed word by word after.
  const anyStems = new Set(wordStems)
  for (const phrase of phrases) for (const alternatives of phrase) for (const s of alternatives) anyStems.add(s)
  const isWordMatch = (word: string, s: string | null): boolean =>
    (s !== null && wordStems.has(s)) || prefixes.some((p) => word.startsWith(p) || (s !== null && s.startsWith(p)))
  return {
    mayMatch(text, language) {
      if (anyStems.size === 0 && prefixes.length === 0) return false
      if (formsOf && !NON_ASCII.test(text)) {
        // Every word that can match is a substring of the text: a few native searches decide.
        const lower = text.toLowerCase()
        return prefixes.some((p) => lower.includes(p)) || formsOf(language).some((f) => lower.includes(f))
      }
      return words(text).some((w) => {
        const s = stemOf(w, language)
        return (s !== null && anyStems.has(s)) || prefixes.some((p) => w.startsWith(p) || (s !== null && s.startsWith(p)))
      })
    },
    marks(spans, language) {
      const stems = spans.map((s) => stemOf(s.word, language))
      const marked = spans.map((span, i) => isWordMatch(span.word, stems[i] ?? null))
      for (const phrase of phrases) {
        for (let i = 0; i + phrase.length <= spans.length; i++) {
          if (phrase.every((alternatives, j) => alternatives.has(stems[i + j] ?? ''))) {
            for (let j = 0; j < phrase.length; j++) marked[i + j] = true
          }
        }
      }
      return marked
    },
  }
}

/** The whole text as segments, matches marked (for titles). */
export function markedSegments(text: string, language: Language, highlighter: Highlighter): Segment[] {
  const spans = wordSpans(text)
  return segmentsOf(text, spans, highlighter.marks(spans, language), 0, text.length)
}

function segmentsOf(text: string, spans: WordSpan[], marked: boolean[], from: number, to: number): Segment[] {
  const out: Segment[] = []
  const push = (t: string, match: boolean): void => {
    if (!t) return
    const last = out[out.length - 1]
    if (last && last.match === match) last.text += t
    else out.push({ text: t, match })
  }
  let at = from
  let previousMarked = false
  for (const [i, span] of spans.entries()) {
    if (span.end <= from || span.start >= to) continue
    if (!marked[i]) {
      previousMarked = false
      continue
    }
    const gap = text.slice(at, span.start)
    // Neighbouring matches ("kerja sama militer") read as one mark across the spaces between them.
    push(gap, previousMarked && /^\s+$/.test(gap))
    push(text.slice(span.start, span.end), true)
    at = span.end
    previousMarked = true
  }
  push(text.slice(at, to), false)
  return out
}

export interface SnippetOptions {
  /** Words shown around the best match. */
  words?: number
}

/**
 * A window of at most `words` words from the first paragraph with a match, starting a few words
 * before the match. Falls back to the article's opening words.
 */
export function snippetOf(paragraphs: readonly string[], language: Language, highlighter: Highlighter, options: SnippetOptions = {}): Segment[] {
  const size = options.words ?? 30
  let chosen: { text: string; spans: WordSpan[]; marked: boolean[] } | null = null
  // The first paragraph with a match: cheap, and the lead of a dispatch is its best summary.
  for (const text of paragraphs) {
    if (!highlighter.mayMatch(text, language)) continue
    const spans = wordSpans(text)
    const marked = highlighter.marks(spans, language)
    if (marked.includes(true)) {
      chosen = { text, spans, marked }
      break
    }
  }
  if (!chosen) {
    const text = paragraphs.find((p) => p.trim()) ?? ''
    const spans = wordSpans(text)
    chosen = { text, spans, marked: spans.map(() => false) }
  }
  const { text, spans, marked } = chosen
  const firstMatch = Math.max(0, marked.indexOf(true))
  // A few words lead in, never more: a row shows three lines of the snippet, so a window pulled
  // back to fill itself from a paragraph's end would push the match out of sight.
  const startWord = Math.max(0, firstMatch - Math.floor(size / 4))
  const endWord = Math.min(spans.length, startWord + size)
  const from = startWord === 0 ? 0 : (spans[startWord]?.start ?? 0)
  const to = endWord >= spans.length ? text.length : (spans[endWord - 1]?.end ?? text.length)
  const segments = segmentsOf(text, spans, marked, from, to)
  if (from > 0) segments.unshift({ text: '… ', match: false })
  if (to < text.length) segments.push({ text: ' …', match: false })
  return mergeAdjacent(segments)
}

function mergeAdjacent(segments: Segment[]): Segment[] {
  const out: Segment[] = []
  for (const s of segments) {
    const last = out[out.length - 1]
    if (last && last.match === s.match) last.text += s.text
    else out.push({ ...s })
  }
  return out
}
