// Articles as an importer would hand them to the archive, for the archive's tests and the crash scripts.
import type { NewArticle } from '../../../main/core/archive/archive'

/** A distinct article for every n; even ones Indonesian, odd ones English; `words` pads the text. */
export function sampleArticle(n: number, words = 0): NewArticle {
  const indonesian = n % 2 === 0
  const padding = words > 0 ? ` ${Array.from({ length: words }, (_, i) => `kata${i}`).join(' ')}` : ''
  return {
    title: indonesian ? `Berita nomor ${n} dari Bandung` : `Story number ${n} from Jakarta`,
    titleDerived: false,
    language: indonesian ? 'id' : 'en',
    dateline: indonesian ? { place: 'Bandung', agency: 'ANTARA' } : { place: 'JAKARTA', agency: 'Reuters' },
    publishedAt: n % 3 === 0 ? null : new Date(Date.UTC(2024, 0, 1, 0, n)).toISOString(),
    paragraphs: [
      indonesian
        ? `Paragraf pertama berita ${n} yang ditulis untuk pengujian arsip.${padding}`
        : `The first paragraph of story ${n}, written to test the archive.${padding}`,
      indonesian ? `Paragraf kedua berita ${n}.` : `The second paragraph of story ${n}.`,
    ],
    inlineRelated: [],
    related: [],
    credits: { reporter: null, editor: null, copyright: null },
    sourceName: `story-${n}.txt`,
  }
}
