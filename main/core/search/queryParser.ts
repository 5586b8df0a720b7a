// The search box's little language. A query is words, "quoted phrases", prefixes (senj*),
// -negations and operators (is:bookmarked, lang:id, source:antara, before:2024-10-01 …), in any
// order and combination. Malformed input becomes AppError('QUERY_INVALID') with a reason the
// renderer can translate — never a raw exception.
//
// Decisions, so they are made once:
// - An unclosed quote runs to the end of the query (people forget the closing quote).
// - An unknown `key:value` is ordinary text (`pukul:10`, a pasted `Catatan:`), searched as words.
// - A known key with a bad or missing value is an error: `lang:xx`, `before:notadate`, `is:foo`.
// - Dates are YYYY, YYYY-MM or YYYY-MM-DD (meaning its first day), read on the article's own
//   calendar day (published, else saved). `after:` includes the day given, `before:` excludes it.
// - `source:`/`place:` are case-insensitive and match the whole value or its leading words
//   (`source:antara` matches "ANTARA" and "ANTARA News"); repeating one means either.
// - A word that splits into several (`kerja-sama`, `Jong-un`) is searched as a phrase.
import type { Language } from '../../../preload/contract'
import { AppError } from '../errors'
import { words } from './wordForms'

export type TextTerm =
  | { kind: 'word'; word: string; negated: boolean }
  | { kind: 'phrase'; words: string[]; negated: boolean }
  | { kind: 'prefix'; prefix: string; negated: boolean }

export interface QueryFilters {
  bookmarked?: boolean
  read?: boolean
  hasNote?: boolean
  language?: Language
  /** Folded agency names; an article matches any of them. */
  sources: string[]
  excludedSources: string[]
  places: string[]
  excludedPlaces: string[]
  /** YYYY-MM-DD, inclusive. */
  from?: string
  /** YYYY-MM-DD, exclusive. */
  until?: string
}

export interface ParsedQuery {
  terms: TextTerm[]
  filters: QueryFilters
}

export type QueryProblem =
  | 'badDate'
  | 'badLanguage'
  | 'badValue'
  | 'missingValue'
  | 'prefixTooShort'
  | 'tooManyTerms'

/** Shortest prefix a `word*` may have: one letter would match most of the archive. */
export const MIN_PREFIX_LENGTH = 2
export const MAX_TERMS = 32

const invalid = (problem: QueryProblem, term: string, message: string): AppError =>
  // `context` lets i18next pick errors.QUERY_INVALID_<problem>, falling back to QUERY_INVALID.
  new AppError('QUERY_INVALID', message, { context: problem, term })

/** One whitespace-separated piece of the query, quotes already resolved. */
interface Piece {
  text: string
  quoted: boolean
  negated: boolean
  /** For `key:value` pieces. */
  key?: string
  /** The whole piece as typed, for error messages. */
  raw: string
}

const OPERATOR = /^([A-Za-z]+):(.*)$/s
const KNOWN_KEYS = new Set(['is', 'has', 'lang', 'source', 'place', 'before', 'after'])

function splitPieces(query: string): Piece[] {
  const pieces: Piece[] = []
  let i = 0
  const n = query.length
  while (i < n) {
    while (i < n && /\s/.test(query[i] ?? '')) i++
    if (i >= n) break
    const start = i
    let negated = false
    if (query[i] === '-' && i + 1 < n && !/\s/.test(query[i + 1] ?? '')) {
      negated = true
      i++
    }
    // key:"quoted value"
    const keyMatch = /^([A-Za-z]+):"/.exec(query.slice(i))
    if (keyMatch && KNOWN_KEYS.has((keyMatch[1] ?? '').toLowerCase())) {
      const key = (keyMatch[1] ?? '').toLowerCase()
      i += keyMatch[0].length
      const close = query.indexOf('"', i)
      const end = close === -1 ? n : close
      pieces.push({ text: query.slice(i, end), quoted: true, negated, key, raw: query.slice(start, Math.min(n, end + 1)) })
      i = close === -1 ? n : close + 1
      continue
    }
    if (query[i] === '"') {
      const close = query.indexOf('"', i + 1)
      const end = close === -1 ? n : close
      pieces.push({ text: query.slice(i + 1, end), quoted: true, negated, raw: query.slice(start, Math.min(n, end + 1)) })
      i = close === -1 ? n : close + 1
      continue
    }
    while (i < n && !/\s/.test(query[i] ?? '')) i++
    const text = query.slice(negated ? start + 1 : start, i)
    const op = OPERATOR.exec(text)
    const key = op?.[1]?.toLowerCase()
    if (op && key && KNOWN_KEYS.has(key)) {
      pieces.push({ text: op[2] ?? '', quoted: false, negated, key, raw: query.slice(start, i) })
    } else {
      pieces.push({ text, quoted: false, negated, raw: query.slice(start, i) })
    }
  }
  return pieces
}

/** YYYY, YYYY-MM or YYYY-MM-DD → the first day it covers (YYYY-MM-DD), or null. */
function parseDay(value: string): string | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value.trim())
  if (!m) return null
  const year = Number(m[1])
  const month = m[2] === undefined ? 1 : Number(m[2])
  const day = m[3] === undefined ? 1 : Number(m[3])
  if (month < 1 || month > 12) return null
  const first = new Date(Date.UTC(year, month - 1, day))
  // Reject 2024-02-31 rather than roll it over into March.
  if (first.getUTCDate() !== day) return null
  return first.toISOString().slice(0, 10)
}

/** Folded words of an operator value: `"Kuala  Lumpur"` → `kuala lumpur`. */
const foldedValue = (value: string): string => words(value).join(' ')

function applyOperator(piece: Piece, filters: QueryFilters): void {
  const key = piece.key as string
  const value = piece.text.trim()
  if (!value) throw invalid('missingValue', piece.raw, `"${piece.raw}" needs a value after the colon`)
  const lower = value.toLowerCase()
  switch (key) {
    case 'is': {
      if (lower === 'bookmarked') filters.bookmarked = !piece.negated
      else if (lower === 'unread') filters.read = piece.negated
      else if (lower === 'read') filters.read = !piece.negated
      else throw invalid('badValue', piece.raw, `"${piece.raw}": is: takes bookmarked, read or unread`)
      return
    }
    case 'has': {
      if (lower === 'note' || lower === 'notes') filters.hasNote = !piece.negated
      else throw invalid('badValue', piece.raw, `"${piece.raw}": has: takes note`)
      return
    }
    case 'lang': {
      if (lower !== 'id' && lower !== 'en') throw invalid('badLanguage', piece.raw, `"${piece.raw}": lang: takes id or en`)
      filters.language = piece.negated ? (lower === 'id' ? 'en' : 'id') : lower
      return
    }
    case 'source':
    case 'place': {
      const folded = foldedValue(value)
      if (!folded) throw invalid('badValue', piece.raw, `"${piece.raw}" has no letters or digits to match`)
      const list =
        key === 'source'
          ? piece.negated
            ? filters.excludedSources
            : filters.sources
          : piece.negated
            ? filters.excludedPlaces
            : filters.places
      if (!list.includes(folded)) list.push(folded)
      return
    }
    case 'before':
    case 'after': {
      const day = parseDay(value)
      if (!day) throw invalid('badDate', piece.raw, `"${piece.raw}": dates are written 2024-10-01, 2024-10 or 2024`)
      // before:D is "earlier than D", after:D "D or later"; -before:D is therefore after:D.
      if ((key === 'before') !== piece.negated) {
        if (!filters.until || day < filters.until) filters.until = day
      } else if (!filters.from || day > filters.from) {
        filters.from = day
      }
      return
    }
  }
}

function addText(piece: Piece, terms: TextTerm[]): void {
  const isPrefix = !piece.quoted && piece.text.endsWith('*')
  const found = words(isPrefix ? piece.text.replace(/\*+$/, '') : piece.text)
  if (found.length === 0) return
  if (isPrefix) {
    // `kerja-sam*`: the words before the last are a phrase's start; keep it simple and search
    // them as words, the last one as the prefix.
    for (const word of found.slice(0, -1)) terms.push({ kind: 'word', word, negated: piece.negated })
    const prefix = found[found.length - 1] as string
    if (prefix.length < MIN_PREFIX_LENGTH) {
      throw invalid('prefixTooShort', piece.raw, `"${piece.raw}": a prefix needs at least ${MIN_PREFIX_LENGTH} letters`)
    }
    terms.push({ kind: 'prefix', prefix, negated: piece.negated })
    return
  }
  if (found.length === 1) terms.push({ kind: 'word', word: found[0] as string, negated: piece.negated })
  else terms.push({ kind: 'phrase', words: found, negated: piece.negated })
}

/** Parses a search query; throws AppError('QUERY_INVALID') for one it cannot understand. */
export function parseQuery(query: string): ParsedQuery {
  const filters: QueryFilters = { sources: [], excludedSources: [], places: [], excludedPlaces: [] }
  const terms: TextTerm[] = []
  for (const piece of splitPieces(query)) {
    if (piece.key) applyOperator(piece, filters)
    else addText(piece, terms)
  }
  if (terms.length > MAX_TERMS) {
    throw invalid('tooManyTerms', query.slice(0, 40), `a search can hold at most ${MAX_TERMS} words and phrases`)
  }
  return { terms, filters }
}

/** True when the query asks for no words, only filters (or nothing at all). */
export const isFilterOnly = (q: ParsedQuery): boolean => q.terms.every((t) => t.negated)
