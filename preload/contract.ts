// The one place a call between renderer and main is declared. Imports nothing but zod:
// main validates every input against it, the preload exposes exactly its methods,
// and the renderer imports it with `import type` only.
import { z } from 'zod'

/** Limits shared by every transport, so a hostile renderer cannot make main allocate freely. */
export const limits = {
  /** Largest single file an importer accepts (bytes, before decoding). */
  maxImportBytes: 5 * 1024 * 1024,
  /**
   * Most files in one import call; the renderer splits bigger selections into several calls.
   * Each call pays ~6 ms of durable writes (its pack, the pack's directory, the journal): at 50
   * files that was a quarter of an import's time; 100 dispatches still answer in ~40 ms.
   */
  maxFilesPerImport: 100,
  /** Most base64 characters in one import call, so no single message is huge. */
  maxImportCallChars: 24 * 1024 * 1024,
  maxTitleLength: 300,
  maxQueryLength: 500,
  /** An agency name as the library's source filter. */
  maxSourceLength: 200,
  /** Results per search call: a screenful or two; more come with the next offset. */
  maxSearchPageSize: 100,
  maxPageSize: 500,
} as const

// ---------------------------------------------------------------------------
// Errors cross the bridge as data, never as thrown strings.
// ---------------------------------------------------------------------------
export const errorCodes = [
  // input and transport
  'INVALID_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'UNSUPPORTED',
  'INTERNAL',
  // importing
  'EMPTY',
  'NOT_TEXT',
  'TOO_LARGE',
  'BAD_ENCODING',
  /** A file named outside the renderer (menu dialog, command line) that could not be opened. */
  'UNREADABLE',
  // archive
  'ARCHIVE_LOCKED',
  'ARCHIVE_CORRUPT',
  /** A file of the archive was written by a newer Warta; nothing was changed. */
  'ARCHIVE_TOO_NEW',
  'WRITE_FAILED',
  // search
  /** A search query that cannot be understood; params.context says why (i18next picks QUERY_INVALID_<context>). */
  'QUERY_INVALID',
  // web and feeds
  /** Not an http(s) address. params: { url } */
  'BAD_URL',
  /** The network or the server failed (name not found, refused, cut off, TLS). params: { url, reason } */
  'FETCH_FAILED',
  /** No complete answer in time. params: { url, seconds } */
  'TIMEOUT',
  /** Too many redirects, or a loop. params: { url, max } */
  'TOO_MANY_REDIRECTS',
  /** The server answered with an error status. params: { url, status } */
  'HTTP_STATUS',
  /** The address serves something other than a web page. params: { url, type } */
  'NOT_HTML',
  /** Not an RSS, Atom or JSON feed or OPML list Warta can read. params: { name } */
  'NOT_FEED',
  /** A page too large or too deeply nested to read safely. params: { name } */
  'TOO_COMPLEX',
  /** That feed is already followed. params: { url } */
  'ALREADY_SUBSCRIBED',
] as const
export const ErrorCode = z.enum(errorCodes)
export type ErrorCode = z.infer<typeof ErrorCode>

export const AppErrorData = z.strictObject({
  code: ErrorCode,
  /** English, for logs and the CLI; the renderer shows t(`errors.${code}`, params) instead. */
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
})
export type AppErrorData = z.infer<typeof AppErrorData>

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData }

// ---------------------------------------------------------------------------
// Shared shapes
// ---------------------------------------------------------------------------
export const ArticleId = z.string().regex(/^[a-z0-9]{16}$/, 'an article id is 16 lowercase letters or digits')
export type ArticleId = z.infer<typeof ArticleId>

export const Language = z.enum(['id', 'en'])
export type Language = z.infer<typeof Language>

const IsoDate = z.iso.datetime({ offset: true })

export const Dateline = z.strictObject({
  place: z.string().nullable(),
  agency: z.string().nullable(),
})
export type Dateline = z.infer<typeof Dateline>

export const InlineRelated = z.strictObject({
  title: z.string(),
  /** Index of the paragraph this "Baca juga" line followed (-1: before the first). */
  afterParagraph: z.number().int(),
  /** Set when an article with this title is in the archive. */
  articleId: ArticleId.nullable(),
})

export const RelatedItem = z.strictObject({
  title: z.string(),
  /** ISO 8601 with offset; null when the dispatch gave no date we could read. */
  publishedAt: IsoDate.nullable(),
  articleId: ArticleId.nullable(),
})

export const Credits = z.strictObject({
  reporter: z.string().nullable(),
  editor: z.string().nullable(),
  copyright: z.string().nullable(),
})

/** What the library list needs of an article; small, so 100,000 of them fit in memory. */
export const ArticleSummary = z.strictObject({
  id: ArticleId,
  title: z.string(),
  language: Language,
  dateline: Dateline,
  /** When the story was published, if the source said so. */
  publishedAt: IsoDate.nullable(),
  /** When it entered the archive. */
  savedAt: IsoDate,
  bookmarked: z.boolean(),
  /** Opened in the reader at least once. */
  read: z.boolean(),
  /** Highlights on it (each may carry a note), and how many of them carry one. */
  annotationCount: z.number().int().min(0),
  noteCount: z.number().int().min(0),
})
export type ArticleSummary = z.infer<typeof ArticleSummary>

export const Article = z.strictObject({
  ...ArticleSummary.shape,
  paragraphs: z.array(z.string()),
  inlineRelated: z.array(InlineRelated),
  related: z.array(RelatedItem),
  credits: Credits,
  /** True once the user has edited a title that Warta derived from the first sentence. */
  titleEdited: z.boolean(),
  /** True when the title was derived from the first sentence rather than given as a headline. */
  titleDerived: z.boolean(),
  /** Sanitised HTML of a web article (its blocks are `paragraphs`, see articleBlocks.ts); null for text dispatches. */
  html: z.string().nullable(),
  /** The page the article was saved from (web articles and feed items). */
  url: z.string().nullable(),
  byline: z.string().nullable(),
  siteName: z.string().nullable(),
  /** Which version this is (0 = first saved) and how many the article has; the newest is shown by default. */
  versionIndex: z.number().int().min(0),
  versionCount: z.number().int().min(1),
})
export type Article = z.infer<typeof Article>

export const Settings = z.strictObject({
  language: Language,
})
export type Settings = z.infer<typeof Settings>

/** One file handed to an importer; bytes travel as base64 so every transport carries them alike. */
export const ImportFile = z.strictObject({
  name: z.string().min(1).max(255),
  // base64 inflates by 4/3; a little slack for padding
  contentBase64: z.string().max(Math.ceil((limits.maxImportBytes * 4) / 3) + 8),
})

export const ImportOutcome = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('imported'), name: z.string(), article: ArticleSummary }),
  z.strictObject({ status: z.literal('duplicate'), name: z.string(), article: ArticleSummary }),
  /** The same story was in the archive with other text: kept as its newest version, the earlier ones still readable. */
  z.strictObject({ status: z.literal('newVersion'), name: z.string(), article: ArticleSummary }),
  z.strictObject({ status: z.literal('failed'), name: z.string(), error: AppErrorData }),
])
export type ImportOutcome = z.infer<typeof ImportOutcome>

// ---------------------------------------------------------------------------
// Annotations: highlights and notes. Each is kept as W3C selectors against the article's
// plain text — its paragraphs joined by a blank line (main/core/annotations/plainText.ts) —
// plus the content hash it was made on, so it can be placed again after the text changes.
// Records are never changed in place: undo of a delete is restoreAnnotation with the record.
// ---------------------------------------------------------------------------
export const annotationLimits = {
  /** Longest note (UTF-16 code units); a note is a margin comment, not a document. */
  maxNoteLength: 10_000,
  /** Longest highlight; longer passages are refused rather than stored in the small state file. */
  maxQuoteLength: 10_000,
  /** Characters of context kept either side of a quote, as Hypothesis does. */
  contextLength: 32,
  /** Largest JSON-LD text one import call takes (≈ 15,000 annotations as exported); fits one call on every transport. */
  maxImportChars: 20 * 1024 * 1024,
  /** Most annotations one import reads; the rest are counted as skipped. */
  maxImportItems: 100_000,
  /** Longest text filter of the annotations view. */
  maxFilterLength: 500,
} as const

export const annotationColours = ['yellow', 'green', 'blue', 'pink'] as const
export const AnnotationColour = z.enum(annotationColours)
export type AnnotationColour = z.infer<typeof AnnotationColour>

/** A lowercase UUID; exported as `urn:uuid:<id>`. */
export const AnnotationId = z.uuid().regex(/^[0-9a-f-]{36}$/, 'an annotation id is a lowercase UUID')
export type AnnotationId = z.infer<typeof AnnotationId>

/** W3C TextQuoteSelector without its `type`: the highlighted text and the text around it. */
export const TextQuoteSelector = z.strictObject({
  exact: z.string().min(1).max(annotationLimits.maxQuoteLength),
  prefix: z.string().max(annotationLimits.contextLength),
  suffix: z.string().max(annotationLimits.contextLength),
})
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>

/** W3C TextPositionSelector without its `type`: offsets into the plain text, end exclusive. */
export const TextPositionSelector = z
  .strictObject({
    start: z.number().int().min(0),
    end: z.number().int().min(1),
  })
  .refine((p) => p.end > p.start, { message: 'a position ends after it starts' })
export type TextPositionSelector = z.infer<typeof TextPositionSelector>

export const AnnotationNote = z.string().max(annotationLimits.maxNoteLength)

const annotationFields = {
  id: AnnotationId,
  articleId: ArticleId,
  colour: AnnotationColour,
  /** Plain text, possibly several lines; '' when there is none. */
  note: AnnotationNote,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  /** The article's content hash when the highlight was made; a different one means the text may have moved. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'a content hash is 64 lowercase hex digits'),
  createdAt: IsoDate,
  updatedAt: IsoDate,
}

const quoteFitsPosition = {
  check: (r: { quote: TextQuoteSelector; position: TextPositionSelector }): boolean =>
    r.position.end - r.position.start === r.quote.exact.length,
  message: 'the position and the quote disagree in length',
}

export const AnnotationRecord = z.strictObject(annotationFields).refine(quoteFitsPosition.check, { message: quoteFitsPosition.message })
export type AnnotationRecord = z.infer<typeof AnnotationRecord>

/** The state file's list; a missing list (a state file from before annotations) reads as empty. */
export const AnnotationList = z.array(AnnotationRecord).default([])

/** Where an annotation sits in the article's current text (see main/core/annotations/anchoring.ts). */
export const Anchor = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.enum(['placed', 'placed-approximate']),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    /** The text there now; differs from the quote when placed approximately. */
    text: z.string(),
  }),
  z.strictObject({ status: z.literal('unplaced'), start: z.null(), end: z.null(), text: z.null() }),
])

export const AnchoredAnnotation = z
  .strictObject({ ...annotationFields, anchor: Anchor })
  .refine(quoteFitsPosition.check, { message: quoteFitsPosition.message })
export type AnchoredAnnotation = z.infer<typeof AnchoredAnnotation>

/** One row of the archive-wide list; the title is null when the article has left the archive. */
export const AnnotationListItem = z
  .strictObject({ ...annotationFields, articleTitle: z.string().nullable() })
  .refine(quoteFitsPosition.check, { message: quoteFitsPosition.message })
export type AnnotationListItem = z.infer<typeof AnnotationListItem>

export const annotationSkipReasons = ['invalid', 'unknownArticle', 'tooMany'] as const
export const AnnotationSkipReason = z.enum(annotationSkipReasons)
export type AnnotationSkipReason = z.infer<typeof AnnotationSkipReason>

export const AnnotationImportResult = z.strictObject({
  imported: z.number().int(),
  /** Already in the archive (same id): not added twice. */
  duplicates: z.number().int(),
  skipped: z.strictObject({ invalid: z.number().int(), unknownArticle: z.number().int(), tooMany: z.number().int() }),
  /** The first few skipped entries, with why (English detail, for logs). */
  problems: z.array(
    z.strictObject({
      index: z.number().int(),
      id: z.string().nullable(),
      reason: AnnotationSkipReason,
      detail: z.string(),
    }),
  ),
})
export type AnnotationImportResult = z.infer<typeof AnnotationImportResult>

/** A file the renderer offers for download (Markdown notes, JSON-LD export). */
export const ExportedFile = z.strictObject({ fileName: z.string(), content: z.string() })

/** 'annotated': articles with at least one highlight or note. */
export const LibraryFilter = z.enum(['all', 'bookmarked', 'annotated'])

// ---------------------------------------------------------------------------
// Search: the library in another order or narrowed, and full-text search over every article
// (main/core/search). The index is derived from the archive and may still be building.
// ---------------------------------------------------------------------------
export const LibrarySort = z.enum(['published', 'saved', 'title'])
export type LibrarySort = z.infer<typeof LibrarySort>

export const SearchSort = z.enum(['newest', 'oldest', 'relevance'])
export type SearchSort = z.infer<typeof SearchSort>

/** A piece of a title or snippet; `match` pieces are the words the query found. Plain text, never HTML. */
export const TextSegment = z.strictObject({ text: z.string(), match: z.boolean() })
export type TextSegment = z.infer<typeof TextSegment>

/** How far a build of the search index has come; results may miss articles not indexed yet. */
export const IndexingProgress = z.strictObject({ done: z.number().int().min(0), total: z.number().int().min(0) })
export type IndexingProgress = z.infer<typeof IndexingProgress>

export const SearchHit = z.strictObject({
  article: ArticleSummary,
  /** The title with the matched words marked. */
  title: z.array(TextSegment),
  /** A few lines of the text around the first matches; empty when the body cannot be read. */
  snippet: z.array(TextSegment),
})
export type SearchHit = z.infer<typeof SearchHit>

export const SourceCount = z.strictObject({ name: z.string(), count: z.number().int().min(0) })

// ---------------------------------------------------------------------------
// Web and feeds: pages saved by address, feed subscriptions, and the versions an article
// gains when the same story is imported again with changed text.
// ---------------------------------------------------------------------------
export const webLimits = {
  /** Longest address accepted; longer is not something a person pasted. */
  maxUrlLength: 8 * 1024,
  /** Largest OPML or feed file (bytes) "subscribe from file" reads. */
  maxSubscriptionFileBytes: 5 * 1024 * 1024,
} as const

export const WebAddress = z.string().trim().min(1).max(webLimits.maxUrlLength)

export const FeedId = z.string().regex(/^[a-f0-9]{16}$/, 'a feed id is 16 hex digits')
export type FeedId = z.infer<typeof FeedId>

/** How many of a feed's articles to keep; an unset field does not limit. Bookmarked or annotated articles are always kept. */
export const FeedRetention = z.strictObject({
  /** Keep at most this many, newest first. */
  keepLast: z.number().int().min(1).max(100_000).optional(),
  /** Drop articles saved more than this many days ago. */
  keepDays: z.number().int().min(1).max(36_500).optional(),
})
export type FeedRetention = z.infer<typeof FeedRetention>

export const FeedSummary = z.strictObject({
  id: FeedId,
  url: z.string(),
  title: z.string(),
  siteUrl: z.string().nullable(),
  addedAt: IsoDate,
  lastFetched: IsoDate.nullable(),
  /** Why the last refresh failed; null once one succeeds. */
  lastError: AppErrorData.nullable(),
  /** Its articles in the archive now. */
  articleCount: z.number().int().min(0),
  retention: FeedRetention,
})
export type FeedSummary = z.infer<typeof FeedSummary>

export const FeedRefreshResult = z.strictObject({
  feedId: FeedId,
  title: z.string(),
  /** New articles saved. */
  added: z.number().int().min(0),
  /** Stories already saved whose text had changed. */
  newVersions: z.number().int().min(0),
  /** Dropped by the feed's retention rule afterwards. */
  removed: z.number().int().min(0),
  /** The feed could not be read at all; nothing was saved from it. */
  error: AppErrorData.nullable(),
  /** Items that could not be saved this time; they are tried again on the next refresh. */
  itemFailures: z.array(z.strictObject({ title: z.string().nullable(), url: z.string().nullable(), error: AppErrorData })),
})
export type FeedRefreshResult = z.infer<typeof FeedRefreshResult>

export const ArticleVersion = z.strictObject({
  index: z.number().int().min(0),
  savedAt: IsoDate,
  title: z.string(),
  /** Paragraphs in that version, to tell versions apart at a glance. */
  paragraphCount: z.number().int().min(0),
  current: z.boolean(),
})
export type ArticleVersion = z.infer<typeof ArticleVersion>

// ---------------------------------------------------------------------------
// Archive recovery: damaged or missing files the archive repaired when it was opened (see
// main/core/archive/recovery.ts), told to the user once, in the first window after.
// ---------------------------------------------------------------------------
export const recoveryActions = ['restored-backup', 'rebuilt', 'reset', 'set-aside'] as const

export const RecoveryItem = z.strictObject({
  /** Which file: the list of articles, the bookmarks and settings, or one article's text. */
  what: z.enum(['catalog', 'state', 'article']),
  action: z.enum(recoveryActions),
  /** Where the damaged copy is kept, as a full path; null when the file was missing rather than damaged. */
  keptAt: z.string().nullable(),
  /** When the backup it was restored from was taken; null when it was not restored from one. */
  backupTakenAt: IsoDate.nullable(),
  /** Articles listed again from their own files (all of them when the list was rebuilt). */
  articlesFromBodies: z.number().int().min(0),
})
export type RecoveryItem = z.infer<typeof RecoveryItem>

// ---------------------------------------------------------------------------
// Calls: renderer → main
// ---------------------------------------------------------------------------
const noInput = z.strictObject({})

export const contract = {
  getSettings: {
    input: noInput,
    output: Settings,
  },
  setLanguage: {
    input: z.strictObject({ language: Language }),
    output: Settings,
  },
  listArticles: {
    input: z.strictObject({
      filter: LibraryFilter.default('all'),
      /** 'published': newest story first (published, else saved); 'saved': newest saved first; 'title': A to Z. */
      sort: LibrarySort.default('published'),
      /** Narrowing filters on top of `filter` (see LibraryFilters). */
      language: Language.optional(),
      /** An agency as source: matches it ("antara" matches "ANTARA News"). */
      source: z.string().trim().min(1).max(limits.maxSourceLength).optional(),
      /** true: only articles never opened. */
      unread: z.boolean().optional(),
      /** Only the articles this feed subscription brought (the Feeds view's "show its articles"). */
      feedId: FeedId.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(limits.maxPageSize).default(100),
    }),
    output: z.strictObject({
      items: z.array(ArticleSummary),
      /** Matching the filter. */
      total: z.number().int(),
      /** In the archive, whatever the filter. */
      archiveTotal: z.number().int(),
      bookmarkedTotal: z.number().int(),
      /** Articles with at least one highlight or note. */
      annotatedTotal: z.number().int(),
    }),
  },
  getArticle: {
    input: z.strictObject({ articleId: ArticleId }),
    output: Article,
  },
  importFiles: {
    input: z.strictObject({
      files: z
        .array(ImportFile)
        .min(1)
        .max(limits.maxFilesPerImport)
        .refine((files) => files.reduce((n, f) => n + f.contentBase64.length, 0) <= limits.maxImportCallChars, {
          message: 'too much data in one call',
        }),
    }),
    output: z.strictObject({ outcomes: z.array(ImportOutcome) }),
  },
  importSamples: {
    input: noInput,
    output: z.strictObject({ outcomes: z.array(ImportOutcome) }),
  },
  setBookmark: {
    input: z.strictObject({ articleId: ArticleId, bookmarked: z.boolean() }),
    output: z.strictObject({ bookmarked: z.boolean() }),
  },
  markRead: {
    input: z.strictObject({ articleId: ArticleId }),
    output: z.strictObject({ read: z.literal(true) }),
  },
  renameArticle: {
    input: z.strictObject({ articleId: ArticleId, title: z.string().trim().min(1).max(limits.maxTitleLength) }),
    output: ArticleSummary,
  },

  // -- web and feeds ---------------------------------------------------------
  /**
   * The Save-from-URL dialog opened: main starts its page reader (a worker loading its HTML
   * parser, ~2 s) while the address is typed, so the save itself does not wait for it.
   */
  preparePageReader: {
    input: noInput,
    output: z.strictObject({}),
  },
  /** Fetches a page in main, keeps its article and images in the archive; failures come back as errors. */
  importUrl: {
    input: z.strictObject({ url: WebAddress }),
    output: z.strictObject({
      outcome: ImportOutcome,
      /** Images kept in the archive, and those that could not be (too large, gone, not an image). */
      imagesSaved: z.number().int().min(0),
      imagesSkipped: z.number().int().min(0),
    }),
  },
  listFeeds: {
    input: noInput,
    output: z.strictObject({ feeds: z.array(FeedSummary) }),
  },
  /** Subscribes and refreshes at once; an address that is not a readable feed is not kept. */
  addFeed: {
    input: z.strictObject({ url: WebAddress }),
    output: z.strictObject({ feed: FeedSummary, refresh: FeedRefreshResult }),
  },
  /** One feed, or every feed one after another. */
  refreshFeeds: {
    input: z.strictObject({ feedId: FeedId.optional() }),
    output: z.strictObject({ results: z.array(FeedRefreshResult), feeds: z.array(FeedSummary) }),
  },
  /** Sets the rule and applies it at once. */
  setFeedRetention: {
    input: z.strictObject({ feedId: FeedId, retention: FeedRetention }),
    output: z.strictObject({ feed: FeedSummary, removedArticles: z.number().int().min(0) }),
  },
  /** Unsubscribes; with deleteArticles its articles go too, except bookmarked or annotated ones. */
  removeFeed: {
    input: z.strictObject({ feedId: FeedId, deleteArticles: z.boolean().default(false) }),
    output: z.strictObject({ removedArticles: z.number().int().min(0), keptArticles: z.number().int().min(0) }),
  },
  /** An OPML list (every feed in it is followed) or a feed file (the feed it names is followed). */
  importOpml: {
    input: z.strictObject({
      name: z.string().min(1).max(255),
      contentBase64: z.string().max(Math.ceil((webLimits.maxSubscriptionFileBytes * 4) / 3) + 8),
    }),
    output: z.strictObject({ added: z.array(FeedSummary), alreadyFollowed: z.number().int().min(0) }),
  },
  exportOpml: {
    input: noInput,
    output: ExportedFile,
  },
  /** Every saved version of an article, oldest first. */
  listVersions: {
    input: z.strictObject({ articleId: ArticleId }),
    output: z.strictObject({ versions: z.array(ArticleVersion) }),
  },
  /** The article as one of its versions said it. */
  getVersion: {
    input: z.strictObject({ articleId: ArticleId, index: z.number().int().min(0) }),
    output: Article,
  },
  /** Opens an http(s) link in the system browser (a link clicked in an article); UNSUPPORTED where the host has none. */
  openExternal: {
    input: z.strictObject({ url: WebAddress }),
    output: z.strictObject({ opened: z.literal(true) }),
  },

  // -- annotations -----------------------------------------------------------
  /** Highlights [start, end) of the article's plain text; main takes the quote from the stored text. */
  createAnnotation: {
    input: z.strictObject({
      articleId: ArticleId,
      start: z.number().int().min(0),
      end: z.number().int().min(1),
      colour: AnnotationColour.default('yellow'),
      note: AnnotationNote.default(''),
    }),
    output: AnchoredAnnotation,
  },
  /** Undo of a delete: the record as deleteAnnotation returned it. */
  restoreAnnotation: {
    input: z.strictObject({ annotation: AnnotationRecord }),
    output: z.strictObject({ restored: z.boolean() }),
  },
  /** Changes colour and/or note; an empty note removes it. */
  updateAnnotation: {
    input: z
      .strictObject({ id: AnnotationId, colour: AnnotationColour.optional(), note: AnnotationNote.optional() })
      .refine((p) => p.colour !== undefined || p.note !== undefined, { message: 'give a colour or a note' }),
    output: AnnotationRecord,
  },
  /** Returns the deleted record, so the UI can offer undo. */
  deleteAnnotation: {
    input: z.strictObject({ id: AnnotationId }),
    output: AnnotationRecord,
  },
  /** One article's annotations on its current text: placed ones in reading order, then those that no longer fit. */
  listArticleAnnotations: {
    input: z.strictObject({ articleId: ArticleId }),
    output: z.strictObject({ placed: z.array(AnchoredAnnotation), unplaced: z.array(AnchoredAnnotation) }),
  },
  /** Across the archive, newest first, filtered without reading any article body. */
  listAnnotations: {
    input: z.strictObject({
      colour: AnnotationColour.optional(),
      /** Words that must all appear in the quote or the note; case and accents ignored. */
      text: z.string().max(annotationLimits.maxFilterLength).optional(),
      hasNote: z.boolean().optional(),
      articleId: ArticleId.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(limits.maxPageSize).default(100),
    }),
    output: z.strictObject({ items: z.array(AnnotationListItem), total: z.number().int() }),
  },
  /** One article's highlights and notes as Markdown, in the given language (the interface's by default). */
  exportArticleAnnotations: {
    input: z.strictObject({ articleId: ArticleId, language: Language.optional() }),
    output: ExportedFile,
  },
  /** Every annotation as W3C Web Annotation JSON-LD. */
  exportAnnotations: {
    input: noInput,
    output: ExportedFile,
  },
  /** Adds a JSON-LD file's annotations in one save; a file that cannot be read changes nothing. */
  importAnnotations: {
    input: z.strictObject({ content: z.string().max(annotationLimits.maxImportChars) }),
    output: AnnotationImportResult,
  },

  // -- search ------------------------------------------------------------------
  /**
   * Words, "phrases", prefix*, -not and operators (is:bookmarked, lang:id, source:, place:,
   * before:, after: …). A query that cannot be understood fails with QUERY_INVALID (params.context
   * says why). An empty query lists everything that matches its operators.
   */
  searchArticles: {
    input: z.strictObject({
      query: z.string().max(limits.maxQueryLength),
      sort: SearchSort.default('newest'),
      offset: z.number().int().min(0).max(100_000).default(0),
      limit: z.number().int().min(1).max(limits.maxSearchPageSize).default(20),
    }),
    output: z.strictObject({
      items: z.array(SearchHit),
      /** All matches; a lower bound when totalIsExact is false ("1,000+"). */
      total: z.number().int().min(0),
      totalIsExact: z.boolean(),
      /** Set while the index is being built. */
      indexing: IndexingProgress.nullable(),
    }),
  },
  /** Whether the index is being built, for hosts without events (the preview host polls it). */
  getSearchStatus: {
    input: noInput,
    output: z.strictObject({ indexing: IndexingProgress.nullable() }),
  },
  /** The agencies in the archive with how many articles each, most first (the library's source filter). */
  listSources: {
    input: noInput,
    output: z.strictObject({ sources: z.array(SourceCount) }),
  },

  // -- archive recovery ----------------------------------------------------------
  /** Repairs not yet dismissed, oldest first; `seen` is what dismissRecoveryReport takes to dismiss exactly these. */
  getRecoveryReport: {
    input: noInput,
    output: z.strictObject({ items: z.array(RecoveryItem), seen: z.number().int().min(0) }),
  },
  /** The user read the report: repairs up to `seen` are not reported again (later ones still are). */
  dismissRecoveryReport: {
    input: z.strictObject({ seen: z.number().int().min(0).max(1_000_000) }),
    output: z.strictObject({ remaining: z.number().int().min(0) }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

export type Contract = typeof contract
export type Method = keyof Contract
export type Input<M extends Method> = z.input<Contract[M]['input']>
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>
export type Output<M extends Method> = z.output<Contract[M]['output']>
export const methods = Object.keys(contract) as Method[]

// ---------------------------------------------------------------------------
// Events: main → renderer (menu choices, changes made outside the renderer)
// ---------------------------------------------------------------------------
export const events = {
  /** The language changed (native menu, or another window). */
  settingsChanged: Settings,
  /**
   * Articles were added or changed outside the renderer's own calls (menu import, second
   * instance); with no outcomes, the lists changed without an import (the archive finished
   * opening and lists other articles than the first page the window was shown).
   */
  archiveChanged: z.strictObject({ outcomes: z.array(ImportOutcome) }),
  /** Feeds were refreshed in the background (the timer while online): the library has new articles. */
  feedsRefreshed: z.strictObject({ results: z.array(FeedRefreshResult) }),
  /** The search index is being built or brought up to date; done === total when it has finished. */
  searchIndexProgress: IndexingProgress,
  /** The native menu asked the renderer to do something it owns. */
  menuCommand: z.strictObject({ command: z.enum(['import', 'toggleBookmark', 'showLibrary', 'showBookmarks', 'saveFromUrl', 'showFeeds']) }),
} as const satisfies Record<string, z.ZodType>

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.output<Events[E]>
export const eventNames = Object.keys(events) as EventName[]

/** IPC channel names are derived, never typed by hand. */
export const channelOf = (method: Method): string => `warta:${method}`
export const eventChannelOf = (event: EventName): string => `warta-event:${event}`

/** The shape the preload exposes as `window.warta` (and the preview host's client mimics). */
export type WartaApi = {
  readonly [M in Method]: (input: Input<M>) => Promise<Result<Output<M>>>
} & {
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void
}
