import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../../main/core/search/queryParser'
import { highlighterFor, markedSegments, snippetOf } from '../../../main/core/search/snippet'
import { StemMemo } from '../../../main/core/search/wordForms'

const marked = (segments: { text: string; match: boolean }[]): string[] => segments.filter((s) => s.match).map((s) => s.text)
const memo = new StemMemo()
const highlight = (query: string) => highlighterFor(parseQuery(query), (word, language) => memo.stem(word, language))

describe('search snippets', () => {
  const paragraphs = [
    'Seoul (ANTARA) - Kim dijadwalkan bertemu Putin di Rusia.',
    'Keduanya diperkirakan membahas persenjataan dan kerja sama militer, menurut laporan.',
  ]

  it('marks the words whose stems matched, as written in the article', () => {
    const snippet = snippetOf(paragraphs, 'id', highlight('senjata kira'))
    expect(marked(snippet)).toEqual(['diperkirakan', 'persenjataan'])
    expect(snippet.map((s) => s.text).join('')).toBe(paragraphs[1])
  })

  it('marks a phrase only where its words stand in order', () => {
    const text = 'Militer sama kerja. Mereka sepakat kerja sama militer.'
    const segments = markedSegments(text, 'id', highlight('"kerja sama militer"'))
    expect(marked(segments)).toEqual(['kerja sama militer'])
    expect(segments.map((s) => s.text).join('')).toBe(text)
  })

  it('marks prefix matches', () => {
    expect(marked(snippetOf(paragraphs, 'id', highlight('persen*')))).toEqual(['persenjataan'])
  })

  it('never marks negated words, and falls back to the opening words', () => {
    const snippet = snippetOf(paragraphs, 'id', highlight('-senjata'))
    expect(marked(snippet)).toEqual([])
    expect(snippet[0]?.text.startsWith('Seoul (ANTARA)')).toBe(true)
  })

  it('cuts a long paragraph around the match with ellipses', () => {
    const long = `${'kata '.repeat(60)}senjata ${'lain '.repeat(60)}`.trim()
    const snippet = snippetOf([long], 'id', highlight('senjata'), { words: 20 })
    expect(snippet[0]?.text.startsWith('… kata')).toBe(true)
    expect(snippet[snippet.length - 1]?.text.endsWith('lain …')).toBe(true)
    expect(marked(snippet)).toEqual(['senjata'])
  })

  it('keeps a match at the end of a paragraph near the start of the snippet, where a three-line row shows it', () => {
    const late = `${'kata '.repeat(40)}pertemuan puncak.`
    const snippet = snippetOf([late], 'id', highlight('temu'), { words: 30 })
    const text = snippet.map((s) => s.text).join('')
    expect(marked(snippet)).toEqual(['pertemuan'])
    // Seven words of lead-in, not twenty-eight.
    expect(text.indexOf('pertemuan')).toBeLessThan(50)
    expect(text.endsWith('pertemuan puncak.')).toBe(true)
  })
})
