// The reader draws highlights from these segments: every character once, each with the highlights over it.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { articlePlainText } from '../../../main/core/annotations/plainText'
import { segmentParagraphs } from '../../../main/core/annotations/segments'

const paragraphs = ['Kim tiba di Khasan pada Selasa.', 'Ia disambut hangat oleh pejabat.']

describe('splitting paragraphs into highlighted segments', () => {
  it('leaves a paragraph without highlights whole', () => {
    expect(segmentParagraphs(paragraphs, [])).toEqual([
      [{ text: paragraphs[0], offset: 0, annotationIds: [] }],
      [{ text: paragraphs[1], offset: 0, annotationIds: [] }],
    ])
  })

  it('gives overlapping highlights their own and their shared segments', () => {
    const text = articlePlainText(paragraphs)
    const a = { id: 'a', start: text.indexOf('tiba'), end: text.indexOf(' pada') } // "tiba di Khasan"
    const b = { id: 'b', start: text.indexOf('Khasan'), end: text.indexOf('.') } // "Khasan pada Selasa"
    expect(segmentParagraphs(paragraphs, [b, a])[0]).toEqual([
      { text: 'Kim ', offset: 0, annotationIds: [] },
      { text: 'tiba di ', offset: 4, annotationIds: ['a'] },
      { text: 'Khasan', offset: 12, annotationIds: ['a', 'b'] },
      { text: ' pada Selasa', offset: 18, annotationIds: ['b'] },
      { text: '.', offset: 30, annotationIds: [] },
    ])
  })

  it('lists a nested highlight after the one around it', () => {
    const text = articlePlainText(paragraphs)
    const outer = { id: 'outer', start: 0, end: text.indexOf('.') + 1 }
    const inner = { id: 'inner', start: text.indexOf('Khasan'), end: text.indexOf(' pada') }
    expect(segmentParagraphs(paragraphs, [inner, outer])[0]).toEqual([
      { text: 'Kim tiba di ', offset: 0, annotationIds: ['outer'] },
      { text: 'Khasan', offset: 12, annotationIds: ['outer', 'inner'] },
      { text: ' pada Selasa.', offset: 18, annotationIds: ['outer'] },
    ])
  })

  it('cuts a highlight that spans paragraphs at the paragraph break', () => {
    const text = articlePlainText(paragraphs)
    const span = { id: 's', start: text.indexOf('Selasa'), end: text.indexOf(' hangat') }
    expect(segmentParagraphs(paragraphs, [span])).toEqual([
      [
        { text: 'Kim tiba di Khasan pada ', offset: 0, annotationIds: [] },
        { text: 'Selasa.', offset: 24, annotationIds: ['s'] },
      ],
      [
        { text: 'Ia disambut', offset: 0, annotationIds: ['s'] },
        { text: ' hangat oleh pejabat.', offset: 11, annotationIds: [] },
      ],
    ])
  })

  it('ignores empty ranges and clips ranges reaching past the text', () => {
    expect(
      segmentParagraphs(['abc'], [
        { id: 'empty', start: 1, end: 1 },
        { id: 'long', start: 2, end: 99 },
      ]),
    ).toEqual([[{ text: 'ab', offset: 0, annotationIds: [] }, { text: 'c', offset: 2, annotationIds: ['long'] }]])
  })

  it('always gives back each paragraph exactly, with a highlight wherever one covers a character', () => {
    const paragraphArb = fc.array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 6 })
    fc.assert(
      fc.property(paragraphArb, fc.array(fc.tuple(fc.nat(200), fc.nat(60)), { maxLength: 8 }), (ps, raw) => {
        const ranges = raw.map(([start, length], i) => ({ id: `r${i}`, start, end: start + length }))
        const segments = segmentParagraphs(ps, ranges)
        const text = articlePlainText(ps)
        let paragraphStart = 0
        for (const [i, p] of ps.entries()) {
          const own = segments[i] ?? []
          expect(own.map((s) => s.text).join('')).toBe(p)
          for (const s of own) {
            expect(s.text).not.toBe('')
            expect(p.slice(s.offset, s.offset + s.text.length)).toBe(s.text)
            for (let c = 0; c < s.text.length; c++) {
              const at = paragraphStart + s.offset + c
              const expected = ranges.filter((r) => r.start <= at && r.end > at).map((r) => r.id).sort()
              expect([...s.annotationIds].sort()).toEqual(expected)
            }
          }
          paragraphStart += p.length + 2
        }
        expect(paragraphStart - 2).toBe(text.length)
      }),
      { numRuns: 300 },
    )
  })
})
