// One valid input for every contract method, shared by the tests that must cover every method:
// the output check in test/core/handlers.test.ts, the hostile IPC calls in
// test/electron/ipcHostileCalls.test.ts and the fuzzing in test/core/handlersFuzz.test.ts.
// The type lists every method, so a new one fails tsc here until it has an example.
import type { Input, Method } from '../../preload/contract'
import { base64 } from './tempArchive'

export const englishDispatch = `JAKARTA, March 3 (Reuters) - A new ferry route linking two small islands in the Thousand Islands chain began service on Sunday, cutting the trip for commuters to under an hour.
Operators said the boats would run four times a day during the first month.`

/** The annotation the table's restore, update and delete examples act on. */
export const exampleAnnotationId = '11111111-1111-4111-8111-111111111111'

/** A deleted annotation as the UI would hand it back for undo. */
export const restorableAnnotation = (articleId: string) => ({
  id: exampleAnnotationId,
  articleId,
  colour: 'blue' as const,
  note: '',
  quote: { exact: 'words', prefix: '', suffix: '' },
  position: { start: 0, end: 5 },
  contentHash: 'a'.repeat(64),
  createdAt: '2024-06-01T10:00:00.000Z',
  updatedAt: '2024-06-01T10:00:00.000Z',
})

export interface InputSeeds {
  /** An article in the archive. */
  articleId: string
  /** A page importUrl saves, and the feed addFeed follows (a local site, or a closed port). */
  pageUrl: string
  feedUrl: string
  /** The id of `feedUrl` (feedIdOf), for the feed methods. */
  feedId: string
  /** The feed an OPML file names; nothing is fetched when it is followed. */
  opmlFeedUrl?: string
}

export type ValidInputs = { [M in Method]: Input<M> }

export function validInputs(seeds: InputSeeds): ValidInputs {
  const id = seeds.articleId
  const opmlFeed = seeds.opmlFeedUrl ?? 'https://a.example/feed.xml'
  return {
    getSettings: {},
    setLanguage: { language: 'en' },
    listArticles: { filter: 'all', offset: 0, limit: 5 },
    getArticle: { articleId: id },
    importFiles: { files: [{ name: 'x.txt', contentBase64: base64(englishDispatch) }] },
    importSamples: {},
    setBookmark: { articleId: id, bookmarked: true },
    markRead: { articleId: id },
    renameArticle: { articleId: id, title: 'A new title' },
    createAnnotation: { articleId: id, start: 0, end: 5, note: 'First words' },
    restoreAnnotation: { annotation: restorableAnnotation(id) },
    updateAnnotation: { id: exampleAnnotationId, colour: 'green' },
    deleteAnnotation: { id: exampleAnnotationId },
    listArticleAnnotations: { articleId: id },
    listAnnotations: { colour: 'yellow', offset: 0, limit: 5 },
    exportArticleAnnotations: { articleId: id },
    exportAnnotations: {},
    importAnnotations: { content: '[]' },
    preparePageReader: {},
    importUrl: { url: seeds.pageUrl },
    listFeeds: {},
    addFeed: { url: seeds.feedUrl },
    refreshFeeds: {},
    setFeedRetention: { feedId: seeds.feedId, retention: { keepLast: 10 } },
    removeFeed: { feedId: seeds.feedId, deleteArticles: true },
    importOpml: { name: 'feeds.opml', contentBase64: base64(`<opml version="2.0"><body><outline text="A" xmlUrl="${opmlFeed}"/></body></opml>`) },
    exportOpml: {},
    listVersions: { articleId: id },
    getVersion: { articleId: id, index: 0 },
    openExternal: { url: 'https://example.com/' },
    searchArticles: { query: 'festival lang:id', sort: 'relevance' },
    getSearchStatus: {},
    listSources: {},
    getRecoveryReport: {},
    dismissRecoveryReport: { seen: 0 },
  }
}
