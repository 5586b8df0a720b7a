// Generates archives of synthetic Indonesian (and some English) wire dispatches, written
// straight in the archive's on-disk format (catalog.json, state.json, articles/packs/…), checked
// against the real schemas. Deterministic for a given seed, so benchmark runs compare like with
// like. Writing files directly (not through Archive.addArticles) skips parsing and fsyncs: setting
// up the archive is not what is measured.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { limits } from '../../preload/contract'
import type { NewArticle } from '../../main/core/archive/archive'
import { ARTICLES_DIR, CATALOG_FILE, STATE_FILE, contentHashOf } from '../../main/core/archive/archive'
import { PACKS_DIR, packPath, packText } from '../../main/core/archive/bodyPacks'
import {
  BODY_VERSION,
  BodyFile,
  CATALOG_VERSION,
  CatalogFile,
  StateFile,
  emptyState,
  type ArticleRecord,
} from '../../main/core/archive/records'
import { affixedForms, agencies, englishWords, functionWords, names, places, roots } from './indonesianVocabulary'

/** Small, fast, seedable PRNG (mulberry32). */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Picks with Zipf-like weights, so some words are everywhere and others rare, as in real text. */
function zipfPicker<T>(items: readonly T[], random: () => number, s = 1): () => T {
  const weights = items.map((_, i) => 1 / (i + 1) ** s)
  const total = weights.reduce((a, b) => a + b, 0)
  const cumulative: number[] = []
  let sum = 0
  for (const w of weights) cumulative.push((sum += w / total))
  return () => {
    const r = random()
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cumulative[mid] as number) < r) lo = mid + 1
      else hi = mid
    }
    return items[lo] as T
  }
}

const englishGlue = ['the', 'of', 'and', 'to', 'in', 'a', 'on', 'for', 'with', 'that', 'was', 'by', 'at', 'from', 'is', 'said', 'after']
const englishExtra = ['country', 'countries', 'leaders', 'leader', 'talks', 'people', 'week', 'ministry', 'statement', 'forces', 'attack', 'attacks', 'plans', 'planned']

/** Phrases planted in some articles so phrase queries have something to find. */
export const plantedPhrases = ['kerja sama militer', 'pertemuan puncak', 'dewan keamanan', 'hak asasi manusia'] as const

export interface SyntheticArticle extends NewArticle {
  savedAt: string
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
const pad = (n: number): string => String(n).padStart(2, '0')

export function createArticleGenerator(seed: number): () => SyntheticArticle {
  const random = randomSource(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const root = zipfPicker(roots, random, 0.9)
  const place = zipfPicker(places, random, 0.8)
  const agency = zipfPicker(agencies, random, 1.2)
  const formsOf = new Map(roots.map((r) => [r, affixedForms(r)]))
  const englishVocabulary = [...englishWords, ...englishExtra]

  const indonesianWord = (): string => {
    const r = random()
    if (r < 0.36) return pick(functionWords)
    if (r < 0.39) return pick(names)
    if (r < 0.41) return place()
    if (r < 0.43) return String(Math.floor(random() * 2030))
    return pick(formsOf.get(root()) as string[])
  }
  const englishWord = (): string => (random() < 0.4 ? pick(englishGlue) : pick(englishVocabulary))
  const sentence = (english: boolean): string => {
    const length = 10 + Math.floor(random() * 12)
    const words: string[] = []
    for (let i = 0; i < length; i++) words.push(english ? englishWord() : indonesianWord())
    if (!english && random() < 0.06) words.splice(Math.floor(random() * words.length), 0, pick(plantedPhrases))
    return `${capitalise(words.join(' '))}.`
  }

  return () => {
    const english = random() < 0.08
    const paragraphs: string[] = []
    const where = place()
    const who = agency()
    let size = 0
    // About 4 KB of text, like the seed dispatch.
    while (size < 3600 + random() * 900) {
      const sentences = 1 + Math.floor(random() * 3)
      const parts: string[] = []
      for (let i = 0; i < sentences; i++) {
        // Indonesian copy quotes English now and then.
        parts.push(sentence(english || random() < 0.03))
      }
      // The dateline ("Jakarta (ANTARA) - ") is not part of the text: the parser takes it off the
      // first paragraph into `dateline`, and dispatchText() puts it back for import benchmarks.
      const paragraph = parts.join(' ')
      paragraphs.push(paragraph)
      size += paragraph.length + 1
    }
    const titleWords: string[] = []
    const titleLength = 5 + Math.floor(random() * 6)
    for (let i = 0; i < titleLength; i++) titleWords.push(english ? englishWord() : indonesianWord())
    const year = 2019 + Math.floor(random() * 7)
    const published = random() < 0.9
    const publishedAt = published
      ? `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}T${pad(Math.floor(random() * 24))}:${pad(Math.floor(random() * 60))}:00+07:00`
      : null
    const savedAt = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 600 * 86_400_000)).toISOString()
    return {
      title: capitalise(titleWords.join(' ')),
      titleDerived: false,
      language: english ? 'en' : 'id',
      dateline: { place: where, agency: who },
      publishedAt,
      paragraphs,
      inlineRelated: [],
      related: [],
      credits: { reporter: pick(names), editor: null, copyright: who.startsWith('ANTARA') ? 'ANTARA' : null },
      sourceName: null,
      savedAt,
    }
  }
}

export interface SyntheticArchiveOptions {
  seed?: number
  /** Share of articles bookmarked (default 1 %). */
  bookmarkedShare?: number
  /** Share of articles opened in the reader (default 20 %). */
  readShare?: number
}

export interface SyntheticArchiveInfo {
  count: number
  ids: string[]
  bodyBytes: number
}

/** The body file an archive would write for a new article. */
export function bodyFileOf(id: string, article: SyntheticArticle): BodyFile {
  return {
    version: BODY_VERSION,
    id,
    editedTitle: null,
    versions: [
      {
        contentHash: contentHashOf(article),
        savedAt: article.savedAt,
        sourceName: article.sourceName,
        title: article.title,
        titleDerived: article.titleDerived,
        language: article.language,
        dateline: article.dateline,
        publishedAt: article.publishedAt,
        paragraphs: article.paragraphs,
        inlineRelated: article.inlineRelated,
        related: article.related,
        credits: article.credits,
        html: null,
        url: null,
        byline: null,
        siteName: null,
        feedId: null,
        feedGuid: null,
        images: {},
      },
    ],
  }
}

export function recordOf(id: string, article: SyntheticArticle): ArticleRecord {
  return {
    id,
    title: article.title,
    titleDerived: article.titleDerived,
    titleEdited: false,
    language: article.language,
    dateline: article.dateline,
    publishedAt: article.publishedAt,
    savedAt: article.savedAt,
    contentHash: contentHashOf(article),
  }
}

/** Bodies per pack: as the window's imports store them (the contract's limit of files per import). */
const PACK_SIZE = limits.maxFilesPerImport

/**
 * Writes a complete archive of `count` synthetic articles into `dir` (which should be empty), their
 * bodies in packs as large as one import call stores them (bodyPacks.ts).
 */
export async function writeSyntheticArchive(dir: string, count: number, options: SyntheticArchiveOptions = {}): Promise<SyntheticArchiveInfo> {
  const next = createArticleGenerator(options.seed ?? 1)
  const random = randomSource((options.seed ?? 1) ^ 0x5eed)
  const records: ArticleRecord[] = []
  const seen = new Set<string>()
  const state = emptyState()
  let bodyBytes = 0
  await mkdir(join(dir, ARTICLES_DIR, PACKS_DIR), { recursive: true })
  let pack: { id: string; json: string }[] = []
  let writes: Promise<void>[] = []
  const packName = (): string => `s${Math.floor(records.length / PACK_SIZE).toString(36).padStart(8, '0')}`
  while (records.length < count) {
    const article = next()
    const record: ArticleRecord = { ...recordOf(contentHashOf(article).slice(0, 16), article), pack: packName() }
    if (seen.has(record.id)) continue
    seen.add(record.id)
    const body = bodyFileOf(record.id, article)
    if (records.length === 0) BodyFile.parse(body)
    const json = JSON.stringify(body)
    bodyBytes += json.length
    pack.push({ id: record.id, json })
    records.push(record)
    if (pack.length === PACK_SIZE || records.length === count) {
      writes.push(writeFile(packPath(dir, record.pack as string), packText(pack)))
      pack = []
    }
    if (writes.length >= 16) {
      await Promise.all(writes)
      writes = []
    }
    if (random() < (options.bookmarkedShare ?? 0.01)) state.bookmarks[record.id] = article.savedAt
    if (random() < (options.readShare ?? 0.2)) state.read[record.id] = article.savedAt
  }
  await Promise.all(writes)
  const catalog = CatalogFile.parse({ version: CATALOG_VERSION, articles: records })
  StateFile.parse(state)
  await writeFile(join(dir, CATALOG_FILE), JSON.stringify(catalog))
  await writeFile(join(dir, STATE_FILE), JSON.stringify(state, null, 2))
  return { count, ids: records.map((r) => r.id), bodyBytes }
}

/** An article as a plain-text dispatch file, like the bundled samples, for import benchmarks. */
export function dispatchText(article: SyntheticArticle): string {
  const published = article.publishedAt ? `${article.publishedAt.slice(0, 10)} ${article.publishedAt.slice(11, 16)} WIB\n` : ''
  const { place, agency } = article.dateline
  const [lead = '', ...rest] = article.paragraphs
  return `${article.title}\n\n${published}${[`${place} (${agency}) - ${lead}`, ...rest].join('\n')}\n`
}
