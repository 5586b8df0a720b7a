// The one place a call between renderer and main is declared. Imports nothing but zod:
// main validates every input against it, the preload exposes exactly its methods,
// and the renderer imports it with `import type` only.
import { z } from 'zod'

/** Limits shared by every transport, so a hostile renderer cannot make main allocate freely. */
export const limits = {
  /** Largest single file an importer accepts (bytes, before decoding). */
  maxImportBytes: 5 * 1024 * 1024,
  /** Most files in one import call; the renderer splits bigger selections into several calls. */
  maxFilesPerImport: 50,
  /** Most base64 characters in one import call, so no single message is huge. */
  maxImportCallChars: 24 * 1024 * 1024,
  maxTitleLength: 300,
  maxQueryLength: 500,
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
  z.strictObject({ status: z.literal('failed'), name: z.string(), error: AppErrorData }),
])
export type ImportOutcome = z.infer<typeof ImportOutcome>

export const LibraryFilter = z.enum(['all', 'bookmarked'])

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
  /** Articles were added or changed outside the renderer's own calls (menu import, second instance). */
  archiveChanged: z.strictObject({ outcomes: z.array(ImportOutcome) }),
  /** The native menu asked the renderer to do something it owns. */
  menuCommand: z.strictObject({ command: z.enum(['import', 'toggleBookmark', 'showLibrary', 'showBookmarks']) }),
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
