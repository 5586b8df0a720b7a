// One article's highlights as a Markdown note, ready to drop into Obsidian.
import { describe, expect, it } from 'vitest'
import { anchorArticleAnnotations } from '../../../main/core/annotations/annotationList'
import { annotationsToMarkdown, escapeMarkdownInline, markdownFileName } from '../../../main/core/annotations/markdownExport'
import { markdownLabels } from '../../../main/core/annotations/markdownLabels'
import type { AnnotationRecord } from '../../../main/core/annotations/model'
import { pasarTerapung, sundayStreets } from '../../fixtures/annotations/articles'
import { annotate } from './annotate'

const first = { id: sundayStreets.id, paragraphs: sundayStreets.paragraphs }
// The later version: the typo fixed and the paragraph about residents cut.
const later = {
  id: sundayStreets.id,
  paragraphs: sundayStreets.paragraphs.map((p) => p.replace('Shopkepers', 'Shopkeepers')).filter((_, i) => i !== 3),
}
const meta = {
  id: sundayStreets.id,
  title: sundayStreets.title,
  dateline: { place: 'Lisbon', agency: 'WARTA' },
  publishedAt: '2024-05-14T09:30:00+01:00',
  savedAt: '2024-05-15T08:00:00.000Z',
}

function lisbonAnnotations(): AnnotationRecord[] {
  let list: AnnotationRecord[] = []
  list = annotate(list, first, 'Every figure moved in the right direction.', {
    colour: 'green',
    note: 'Numbers to check:\n1. noise\n2. *air* quality\n\n\n#transport [[Lisbon]]',
    at: '2024-05-15T10:01:00.000Z',
  }).list
  list = annotate(list, first, 'walkers and cyclists.', { until: '"We measured noise', at: '2024-05-15T10:02:00.000Z' }).list
  list = annotate(list, first, 'Residents with limited mobility will keep access through a permit scheme', {
    colour: 'pink',
    note: 'Ask about permits for carers',
    at: '2024-05-15T10:03:00.000Z',
  }).list
  list = annotate(list, first, 'Shopkepers on the affected streets had been divided.', { colour: 'blue', at: '2024-05-15T10:04:00.000Z' }).list
  return list
}

describe('exporting an article as Markdown', () => {
  it('writes title, source, dates and link, then highlights in reading order with notes, then the unplaced', () => {
    const anchored = anchorArticleAnnotations(lisbonAnnotations(), later)
    expect(annotationsToMarkdown(meta, anchored, markdownLabels('en'))).toBe(
      [
        '# Lisbon closes three central streets to cars on Sundays',
        '',
        '- Source: Lisbon (WARTA)',
        '- Published: 2024-05-14',
        '- Saved: 2024-05-15',
        '- [Open in Warta](warta://article/f0e1d2c3b4a59687)',
        '',
        '## Highlights',
        '',
        '> Shopkeepers on the affected streets had been divided.',
        '',
        '> walkers and cyclists.',
        '>',
        '> "We measured noise',
        '',
        '> Every figure moved in the right direction.',
        '',
        'Numbers to check:',
        '1\\. noise',
        '2\\. \\*air\\* quality',
        '',
        '\\#transport \\[\\[Lisbon\\]\\]',
        '',
        '## Unplaced',
        '',
        "These highlights no longer match the article's current text.",
        '',
        '> Residents with limited mobility will keep access through a permit scheme',
        '',
        'Ask about permits for carers',
        '',
      ].join('\n'),
    )
  })

  it('speaks Indonesian when the interface does, and says when there are no highlights', () => {
    const article = {
      id: pasarTerapung.id,
      title: pasarTerapung.title,
      dateline: { place: 'Banjarmasin', agency: null },
      publishedAt: null,
      savedAt: '2024-06-01T02:00:00.000Z',
    }
    const none = anchorArticleAnnotations([], pasarTerapung)
    expect(annotationsToMarkdown(article, none, markdownLabels('id'))).toBe(
      [
        '# Pasar terapung Banjarmasin buka tiga kali sepekan',
        '',
        '- Sumber: Banjarmasin',
        '- Disimpan: 2024-06-01',
        '- [Buka di Warta](warta://article/a1b2c3d4e5f60718)',
        '',
        '## Sorotan',
        '',
        'Tidak ada sorotan.',
        '',
      ].join('\n'),
    )
    const one = annotate([], pasarTerapung, 'pasar ini adalah dapur bersama', { note: 'Kutipan bagus untuk tulisan.' }).list
    expect(annotationsToMarkdown(article, anchorArticleAnnotations(one, pasarTerapung), markdownLabels('id'))).toContain(
      '## Sorotan\n\n> pasar ini adalah dapur bersama\n\nKutipan bagus untuk tulisan.\n',
    )
  })

  it('escapes what Markdown or Obsidian would read as markup, and nothing else', () => {
    const cases: [string, string][] = [
      ['Harga naik 5% (tahunan).', 'Harga naik 5% (tahunan).'],
      ['Biaya US$5 dan US$7', 'Biaya US\\$5 dan US\\$7'],
      ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
      ['a_b *c* `d` [e](f) ![g](h)', 'a\\_b \\*c\\* \\`d\\` \\[e\\](f) !\\[g\\](h)'],
      ['==sorot== ~~coret~~ %%komentar%%', '\\==sorot\\== \\~~coret\\~~ \\%%komentar\\%%'],
      ['AT&T &amp; a|b #tag \\', 'AT&T \\&amp; a\\|b \\#tag \\\\'],
    ]
    for (const [input, output] of cases) expect(escapeMarkdownInline(input), input).toBe(output)
  })

  it('keeps quoted lines that look like lists, rules or headings as plain text', () => {
    const article = { ...meta, title: '# Not a heading *really*' }
    const paragraphs = ['- not a list', '2024. A year', '---', '> not a quote']
    const list = annotate([], { id: meta.id, paragraphs }, '- not a list', { until: '> not a quote' }).list
    const markdown = annotationsToMarkdown(article, anchorArticleAnnotations(list, { id: meta.id, paragraphs }), markdownLabels('en'))
    expect(markdown).toContain('# \\# Not a heading \\*really\\*\n')
    expect(markdown).toContain('> \\- not a list\n>\n> 2024\\. A year\n>\n> \\---\n>\n> \\> not a quote\n')
  })

  it('suggests a file name every system accepts', () => {
    expect(markdownFileName('Pasar terapung: buka "tiga" kali?', 'a1b2c3d4e5f60718')).toBe('Pasar terapung buka tiga kali.md')
    expect(markdownFileName(' ... ', 'a1b2c3d4e5f60718')).toBe('a1b2c3d4e5f60718.md')
    expect(markdownFileName('CON', 'a1b2c3d4e5f60718')).toBe('_CON.md')
    expect(markdownFileName('x'.repeat(200), 'a1b2c3d4e5f60718')).toBe(`${'x'.repeat(80)}.md`)
  })
})
