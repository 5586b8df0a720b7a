// Places a stored annotation on an article's current text, the way Hypothesis re-anchors:
// the old position if the quote is still there, else the exact quote where its context fits
// best, else an approximate match (Myers' bit-parallel search, via approx-string-match),
// else nothing — an unplaced annotation is kept and listed, never dropped or guessed.
// No Node imports: the renderer may bundle it.
import approxSearch from 'approx-string-match'
import type { TextPositionSelector, TextQuoteSelector } from './model'

export type Anchor =
  | { status: 'placed' | 'placed-approximate'; start: number; end: number; text: string }
  | { status: 'unplaced'; start: null; end: null; text: null }
export type AnchorStatus = Anchor['status']

export interface AnchorOptions {
  /**
   * Upper bound on the approximate search's work, counted as text characters × 32-character
   * blocks of the quote (the search's worst case). Above it only a window of text around the
   * old position is searched, so a long highlight in a multi-megabyte article cannot stall
   * the reader. The default searches a whole 20,000-character dispatch for any allowed quote.
   */
  maxApproximateWork?: number
}

const unplaced: Anchor = { status: 'unplaced', start: null, end: null, text: null }

// Weights as in Hypothesis' match-quote: the quote dominates, context decides between
// look-alikes, and distance from the old position only breaks ties.
const weight = { quote: 50, prefix: 20, suffix: 20, position: 2 }
const totalWeight = weight.quote + weight.prefix + weight.suffix + weight.position

/** Exact occurrences looked at; a one-letter quote in a huge text would otherwise yield millions. */
const maxExactCandidates = 10_000
/**
 * An exact quote this long is trusted wherever it turns up. A shorter one ("Putin", "dan")
 * occurs all over an article, so it is accepted away from its old position only where its
 * surroundings still look like the ones it was made in.
 */
const distinctiveQuoteLength = 32
const minContextSimilarity = 0.5
/**
 * The lowest combined score an approximate match needs. Calibrated so a lightly edited quote
 * in its old surroundings passes while a chance resemblance elsewhere (≈0.5 quote similarity
 * and unrelated context, the typical outcome of searching a deleted sentence) does not.
 */
const minApproximateScore = 0.7
const hypothesisMaxErrors = 256
const defaultMaxApproximateWork = 8_000_000

/** Levenshtein distance; used only on context strings of at most `contextLength` characters. */
function editDistance(a: string, b: string): number {
  if (a === b) return 0
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  let previous = new Uint32Array(b.length + 1)
  let current = new Uint32Array(b.length + 1)
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (ca === b.charCodeAt(j - 1) ? 0 : 1)
      current[j] = Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1)
    }
    ;[previous, current] = [current, previous]
  }
  return previous[b.length] as number
}

/** 1 when `actual` reads exactly like the stored context, 0 when nothing matches. No stored context says nothing: 1. */
function similarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1
  return 1 - editDistance(expected, actual) / Math.max(expected.length, actual.length)
}

interface Scored {
  start: number
  end: number
  /** Mean similarity of the text around the candidate to the stored prefix and suffix. */
  context: number
  score: number
}

function score(text: string, quote: TextQuoteSelector, hint: number, start: number, end: number, errors: number): Scored {
  const prefix = similarity(quote.prefix, text.slice(Math.max(0, start - quote.prefix.length), start))
  const suffix = similarity(quote.suffix, text.slice(end, end + quote.suffix.length))
  const quoteScore = 1 - errors / quote.exact.length
  const position = 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.length))
  return {
    start,
    end,
    context: (prefix + suffix) / 2,
    score:
      (weight.quote * quoteScore + weight.prefix * prefix + weight.suffix * suffix + weight.position * position) /
      totalWeight,
  }
}

const best = (candidates: Iterable<Scored>): Scored | null => {
  let top: Scored | null = null
  for (const c of candidates) if (!top || c.score > top.score) top = c
  return top
}

function* exactCandidates(text: string, quote: TextQuoteSelector, hint: number): Generator<Scored> {
  let found = 0
  for (let at = text.indexOf(quote.exact); at !== -1 && found < maxExactCandidates; at = text.indexOf(quote.exact, at + 1)) {
    found++
    yield score(text, quote, hint, at, at + quote.exact.length, 0)
  }
}

/** As in Hypothesis: up to half the quote may differ, but never more than 256 characters. */
const maxErrorsFor = (quote: TextQuoteSelector): number => Math.min(hypothesisMaxErrors, Math.floor(quote.exact.length / 2))

function approximateCandidates(text: string, quote: TextQuoteSelector, hint: number, maxWork: number): Scored[] {
  const maxErrors = maxErrorsFor(quote)
  if (maxErrors === 0) return []
  // Myers' search usually keeps maxErrors/32 + 1 blocks of the quote live per text character,
  // but all of them wherever the text resembles the quote (a story that repeats itself), so
  // the budget assumes the worst.
  const blocks = Math.ceil(quote.exact.length / 32)
  let from = 0
  let to = text.length
  if (text.length * blocks > maxWork) {
    const half = Math.max(quote.exact.length, Math.floor(maxWork / blocks / 2))
    const centre = Math.min(hint, text.length) + Math.floor(quote.exact.length / 2)
    from = Math.max(0, Math.min(centre - half, text.length - 2 * half))
    to = Math.min(text.length, from + 2 * half)
  }
  const window = text.slice(from, to)
  return approxSearch(window, quote.exact, maxErrors).map((m) =>
    score(text, quote, hint, from + m.start, from + m.end, m.errors),
  )
}

/** Context characters that must match exactly for an approximate match's edge to move onto them. */
const snapContextLength = 12

/**
 * Edit distance cannot tell where a reworded quote begins: for "Pemandu akan mulai bertugas"
 * against the quote "Pemandu bertugas" the cheapest match starts mid-word. The stored context
 * can: where the text just before (after) the match still reads like the end of the prefix
 * (start of the suffix), nearby, the edge moves there.
 */
function snapToContext(text: string, quote: TextQuoteSelector, start: number, end: number, slack: number): [number, number] {
  let snappedStart = start
  if (quote.prefix.length >= snapContextLength) {
    const tail = quote.prefix.slice(-snapContextLength)
    const from = Math.max(0, start - slack - tail.length)
    const region = text.slice(from, Math.min(end, start + slack))
    let best = Number.POSITIVE_INFINITY
    for (let at = region.indexOf(tail); at !== -1; at = region.indexOf(tail, at + 1)) {
      const edge = from + at + tail.length
      if (Math.abs(edge - start) < Math.abs(best - start)) best = edge
    }
    if (Number.isFinite(best)) snappedStart = best
  }
  let snappedEnd = end
  if (quote.suffix.length >= snapContextLength) {
    const head = quote.suffix.slice(0, snapContextLength)
    const from = Math.max(snappedStart, end - slack)
    const region = text.slice(from, end + slack + head.length)
    let best = Number.POSITIVE_INFINITY
    for (let at = region.indexOf(head); at !== -1; at = region.indexOf(head, at + 1)) {
      if (Math.abs(from + at - end) < Math.abs(best - end)) best = from + at
    }
    if (Number.isFinite(best)) snappedEnd = best
  }
  return snappedEnd > snappedStart ? [snappedStart, snappedEnd] : [start, end]
}

/** Shrinks a range past whitespace at its edges, keeping at least one character. */
function trimRange(text: string, start: number, end: number): [number, number] {
  while (end - start > 1 && /\s/.test(text[start] as string)) start++
  while (end - start > 1 && /\s/.test(text[end - 1] as string)) end--
  return [start, end]
}

/** Where an annotation made with these selectors belongs in `text` now, if anywhere. Never throws on any input. */
export function anchorSelectors(
  text: string,
  selectors: { quote: TextQuoteSelector; position: TextPositionSelector },
  options: AnchorOptions = {},
): Anchor {
  const { quote, position } = selectors
  if (text.length === 0 || quote.exact.length === 0) return unplaced

  // 1. Unchanged text, or changes only after the highlight.
  if (position.end <= text.length && text.slice(position.start, position.end) === quote.exact) {
    return { status: 'placed', start: position.start, end: position.end, text: quote.exact }
  }

  // 2. The exact quote elsewhere: text was inserted or removed before it.
  const exact = best(exactCandidates(text, quote, position.start))
  if (exact) {
    const trusted = quote.exact.length >= distinctiveQuoteLength || exact.context >= minContextSimilarity
    // approx-string-match reports only the lowest-cost matches, so with an exact occurrence
    // present step 3 would just rescore these same candidates.
    return trusted ? { status: 'placed', start: exact.start, end: exact.end, text: quote.exact } : unplaced
  }

  // 3. A near match: the quote itself was edited (a typo fixed, a word changed).
  const approximate = best(
    approximateCandidates(text, quote, position.start, options.maxApproximateWork ?? defaultMaxApproximateWork),
  )
  if (approximate && approximate.score >= minApproximateScore) {
    const [start, end] = trimRange(text, ...snapToContext(text, quote, approximate.start, approximate.end, maxErrorsFor(quote)))
    const placed = text.slice(start, end)
    return { status: placed === quote.exact ? 'placed' : 'placed-approximate', start, end, text: placed }
  }

  // 4. Gone, or changed beyond recognition: kept, and listed as unplaced.
  return unplaced
}
