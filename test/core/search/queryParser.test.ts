import { describe, expect, it } from 'vitest'
import { AppError } from '../../../main/core/errors'
import { parseQuery, type QueryProblem } from '../../../main/core/search/queryParser'

const problemOf = (query: string): { problem: QueryProblem; term: string } | 'parsed' => {
  try {
    parseQuery(query)
    return 'parsed'
  } catch (e) {
    expect(e).toBeInstanceOf(AppError)
    const error = e as AppError
    expect(error.code).toBe('QUERY_INVALID')
    return { problem: error.params.context as QueryProblem, term: String(error.params.term) }
  }
}

describe('search query parsing', () => {
  it('reads words, phrases, prefixes and negations', () => {
    expect(parseQuery('Senjata "kerja sama militer" senj* -Rusia').terms).toEqual([
      { kind: 'word', word: 'senjata', negated: false },
      { kind: 'phrase', words: ['kerja', 'sama', 'militer'], negated: false },
      { kind: 'prefix', prefix: 'senj', negated: false },
      { kind: 'word', word: 'rusia', negated: true },
    ])
  })

  it('searches a hyphenated word as a phrase', () => {
    expect(parseQuery('Jong-un').terms).toEqual([{ kind: 'phrase', words: ['jong', 'un'], negated: false }])
  })

  it('combines every operator with words', () => {
    const q = parseQuery('korut is:bookmarked is:unread has:note lang:id source:Antara place:"Kuala Lumpur" after:2024-01 before:2024-10-01')
    expect(q.terms).toEqual([{ kind: 'word', word: 'korut', negated: false }])
    expect(q.filters).toEqual({
      bookmarked: true,
      read: false,
      hasNote: true,
      language: 'id',
      sources: ['antara'],
      excludedSources: [],
      places: ['kuala lumpur'],
      excludedPlaces: [],
      from: '2024-01-01',
      until: '2024-10-01',
    })
  })

  it('reads negated operators as their opposite', () => {
    const q = parseQuery('-is:bookmarked -lang:id -source:afp -before:2023')
    expect(q.filters).toMatchObject({ bookmarked: false, language: 'en', excludedSources: ['afp'], from: '2023-01-01' })
  })

  it('treats an unknown key:value as ordinary words', () => {
    expect(parseQuery('pukul:10 foo:bar').terms).toEqual([
      { kind: 'phrase', words: ['pukul', '10'], negated: false },
      { kind: 'phrase', words: ['foo', 'bar'], negated: false },
    ])
  })

  it('runs an unclosed quote to the end of the query', () => {
    expect(parseQuery('"kerja sama').terms).toEqual([{ kind: 'phrase', words: ['kerja', 'sama'], negated: false }])
  })

  it('accepts an empty query and a query of operators only', () => {
    expect(parseQuery('   ')).toEqual({ terms: [], filters: { sources: [], excludedSources: [], places: [], excludedPlaces: [] } })
    expect(parseQuery('is:bookmarked').terms).toEqual([])
  })

  it.each([
    ['before:notadate', 'badDate', 'before:notadate'],
    ['after:2024-02-31', 'badDate', 'after:2024-02-31'],
    ['after:2024-13', 'badDate', 'after:2024-13'],
    ['lang:xx', 'badLanguage', 'lang:xx'],
    ['is:favourite', 'badValue', 'is:favourite'],
    ['has:highlight', 'badValue', 'has:highlight'],
    ['korut place:', 'missingValue', 'place:'],
    ['source:""', 'missingValue', 'source:""'],
    ['s*', 'prefixTooShort', 's*'],
  ] as const)('rejects %s with a reason the renderer can translate', (query, problem, term) => {
    expect(problemOf(query)).toEqual({ problem, term })
  })

  it('rejects a query with too many terms', () => {
    expect(problemOf(Array.from({ length: 40 }, (_, i) => `kata${i}`).join(' '))).toMatchObject({ problem: 'tooManyTerms' })
  })

  it('never throws anything but AppError, whatever is typed', () => {
    const samples = ['"', '-', '--', '-"', ':', 'is:', '*', '**', '"*"', '-*', 'a:"', 'before:"2024', '\u0000', '💥*', 'é*', '"""']
    for (const q of samples) expect(() => problemOf(q)).not.toThrow()
  })
})
