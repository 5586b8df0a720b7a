// Which archived article a story belongs to, by the keys storyKey.ts derives (address, feed
// item, day + place + title). Built from the catalogue on the first import of a session rather
// than on open, so opening a large archive stays fast; kept up to date by the archive after.
import { normaliseStoryUrl, storyKeysOf, type StoryFacts } from '../web/storyKey'
import type { ArticleRecord } from './records'

/** What the catalogue knows of a story. */
export const storyFactsOfRecord = (r: ArticleRecord): StoryFacts => ({
  url: r.url ?? null,
  feedId: r.feedId ?? null,
  feedGuid: r.feedGuid ?? null,
  title: r.title,
  titleDerived: r.titleDerived,
  publishedAt: r.publishedAt,
  dateline: r.dateline,
})

export class StoryIndex {
  readonly #byKey = new Map<string, string>()
  /** Each article's normalised address, for the rule in find(). */
  readonly #urlOf = new Map<string, string>()

  static build(records: Iterable<ArticleRecord>): StoryIndex {
    const index = new StoryIndex()
    for (const record of records) index.add(record.id, storyFactsOfRecord(record))
    return index
  }

  /**
   * The article this story is a version of, or null. Keys are tried in storyKeysOf's order
   * (address, feed item, title). A title match is not trusted when both stories name
   * different pages: two "Live updates" pages of one day are different stories.
   */
  find(story: StoryFacts): string | null {
    const url = story.url ? normaliseStoryUrl(story.url) : null
    for (const key of storyKeysOf(story)) {
      const id = this.#byKey.get(key)
      if (!id) continue
      const known = this.#urlOf.get(id)
      if (key.startsWith('title:') && url && known && known !== url) continue
      return id
    }
    return null
  }

  /** The article a key was registered for. */
  idOf(key: string): string | null {
    return this.#byKey.get(key) ?? null
  }

  /** Registers a story's keys for an article; keys already taken stay with the older article. Returns the keys added. */
  add(id: string, story: StoryFacts): string[] {
    const added: string[] = []
    for (const key of storyKeysOf(story)) {
      if (this.#byKey.has(key)) continue
      this.#byKey.set(key, id)
      added.push(key)
    }
    const url = story.url ? normaliseStoryUrl(story.url) : null
    if (url && !this.#urlOf.has(id)) this.#urlOf.set(id, url)
    return added
  }

  /** Forgets keys added by a batch that was not saved. */
  forgetKeys(keys: readonly string[]): void {
    for (const key of keys) this.#byKey.delete(key)
  }

  /** Forgets removed articles. */
  remove(ids: ReadonlySet<string>): void {
    for (const [key, id] of this.#byKey) if (ids.has(id)) this.#byKey.delete(key)
    for (const id of ids) this.#urlOf.delete(id)
  }
}
