// Tells Indonesian from English for an imported article. Trigram statistics (franc) are
// reliable on paragraphs; on a line or two they guess, so common function words decide there.
import { franc } from 'franc-min'
import type { Language } from '../../../preload/contract'

/** Below this many letters franc's trigram profile is too thin to trust over stopwords. */
const SHORT_TEXT_LETTERS = 80
/** franc reads this much at most; more text does not change its answer, only its speed. */
const SAMPLE_CHARS = 6000

const STOPWORDS: Readonly<Record<Language, ReadonlySet<string>>> = {
  id: new Set(['yang', 'dan', 'di', 'untuk', 'dengan', 'ini', 'itu', 'tidak', 'akan', 'dari', 'ke', 'pada', 'dalam', 'juga', 'adalah', 'oleh', 'karena', 'bahwa', 'kata', 'telah', 'sudah', 'para', 'kami', 'mereka']),
  en: new Set(['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'on', 'with', 'was', 'are', 'be', 'by', 'from', 'said', 'has', 'have', 'it', 'its', 'will', 'at', 'as', 'an']),
}

export function detectLanguage(text: string): Language {
  const sample = text.slice(0, SAMPLE_CHARS)
  const letters = sample.match(/\p{L}/gu)?.length ?? 0
  const byStopwords = stopwordVote(sample)
  const byTrigrams = letters >= 10 ? trigramVote(sample) : null

  if (letters < SHORT_TEXT_LETTERS) return byStopwords ?? byTrigrams ?? 'en'
  return byTrigrams ?? byStopwords ?? 'en'
}

function trigramVote(text: string): Language | null {
  const code = franc(text, { only: ['ind', 'zlm', 'eng'], minLength: 10 })
  if (code === 'ind' || code === 'zlm') return 'id'
  if (code === 'eng') return 'en'
  return null
}

/** The language whose function words occur more often, or null on a tie (including none at all). */
function stopwordVote(text: string): Language | null {
  let id = 0
  let en = 0
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (STOPWORDS.id.has(word)) id++
    if (STOPWORDS.en.has(word)) en++
  }
  if (id === en) return null
  return id > en ? 'id' : 'en'
}
