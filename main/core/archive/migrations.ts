// Brings archive files written by older releases up to the shapes in records.ts, one version
// at a time, and refuses files from newer releases rather than guess at them.
//
// Adding a version: bump the *_VERSION in records.ts, then append one step to the file kind's
// list below — `from` the old version, `input` the old shape (checked before the step runs),
// `up` returning the next version's data. Keep old shapes here, not in records.ts.
import { z } from 'zod'
import { ArticleId, Credits } from '../../../preload/contract'
import { AppError } from '../errors'
import { detectLanguage } from '../import/detectLanguage'
import { firstSentence } from '../import/dispatchParser'
import { CorruptFileError } from './atomicJsonFile'
import {
  BODY_VERSION,
  BodyFile,
  CATALOG_VERSION,
  CatalogFile,
  currentStateOf,
  isCurrentCatalog,
  STATE_VERSION,
  StateFile,
  type ArticleMeta,
  type ArticleRecord,
} from './records'

export interface MigrationStep<In, Ctx> {
  /** The version this step reads; it returns data of version `from + 1`. */
  from: number
  /** The file's shape at `from`: a file that does not match it is corrupt. */
  input: z.ZodType<In>
  up: (data: In, ctx: Ctx) => unknown
}

/** A step with its input type erased, so steps of different versions share one list. */
export interface AnyMigrationStep<Ctx> {
  from: number
  run: (data: unknown, path: string, ctx: Ctx) => unknown
}

export const step = <In, Ctx = undefined>(s: MigrationStep<In, Ctx>): AnyMigrationStep<Ctx> => ({
  from: s.from,
  run(data, path, ctx) {
    const parsed = s.input.safeParse(data)
    if (!parsed.success) throw new CorruptFileError(path, `not a valid version ${s.from} file: ${parsed.error.issues[0]?.message ?? 'wrong shape'}`)
    return s.up(parsed.data, ctx)
  },
})

export interface FileKind<T, Ctx = undefined> {
  /** For messages: 'catalog', 'state', 'body'. */
  label: string
  version: number
  schema: z.ZodType<T>
  /**
   * Optional fast path for a file at the current version: what the schema would return,
   * without copying what can be checked by hand, or null to let the schema decide (and explain).
   * The catalogue and the state file have one, for opening 100,000 records quickly.
   */
  decodeCurrent?: (json: unknown) => T | null
  /** Ordered by `from`; one step for every version from 1 up to `version - 1`. */
  migrations: readonly AnyMigrationStep<Ctx>[]
}

// -- old shapes ---------------------------------------------------------------------------

const IsoDate = z.iso.datetime({ offset: true })

/** Body files before they carried each version's title, language and dateline. */
const BodyFileV1 = z.object({
  version: z.literal(1),
  id: ArticleId,
  versions: z
    .array(
      z.object({
        contentHash: z.string(),
        savedAt: IsoDate,
        sourceName: z.string().nullable(),
        paragraphs: z.array(z.string()),
        inlineRelated: z.array(z.object({ title: z.string(), afterParagraph: z.number().int() })),
        related: z.array(z.object({ title: z.string(), publishedAt: IsoDate.nullable() })),
        credits: Credits,
      }),
    )
    .min(1),
})

/** State files before annotations. */
const StateFileV1 = z.object({
  version: z.literal(1),
  settings: z.object({ language: z.enum(['id', 'en']).nullable() }),
  bookmarks: z.record(z.string(), IsoDate),
  read: z.record(z.string(), IsoDate),
})

/** Catalogue files before web articles: records without url, feedId and feedGuid. */
const CatalogFileV1 = z.object({
  version: z.literal(1),
  articles: z.array(
    z.object({
      id: ArticleId,
      title: z.string(),
      titleDerived: z.boolean(),
      language: z.enum(['id', 'en']),
      dateline: z.object({ place: z.string().nullable(), agency: z.string().nullable() }),
      publishedAt: IsoDate.nullable(),
      titleEdited: z.boolean(),
      savedAt: IsoDate,
      contentHash: z.string(),
    }),
  ),
})

/** Body files before web articles: versions without HTML, origin or images. */
const BodyFileV2 = z.object({
  version: z.literal(2),
  id: ArticleId,
  editedTitle: z.string().nullable(),
  versions: z
    .array(
      z.object({
        contentHash: z.string(),
        savedAt: IsoDate,
        sourceName: z.string().nullable(),
        title: z.string(),
        titleDerived: z.boolean(),
        language: z.enum(['id', 'en']),
        dateline: z.object({ place: z.string().nullable(), agency: z.string().nullable() }),
        publishedAt: IsoDate.nullable(),
        paragraphs: z.array(z.string()),
        inlineRelated: z.array(z.object({ title: z.string(), afterParagraph: z.number().int() })),
        related: z.array(z.object({ title: z.string(), publishedAt: IsoDate.nullable() })),
        credits: Credits,
      }),
    )
    .min(1),
})

/** What a body migration may know beyond the file: its catalogue entry, when there is one. */
export interface BodyContext {
  record?: ArticleRecord | undefined
}

const MAX_GUESSED_TITLE = 120

/** For a v1 body with no catalogue entry left to say: a title from its first sentence, its language by ear. */
function guessMeta(paragraphs: string[]): ArticleMeta {
  const sentence = firstSentence(paragraphs[0] ?? '').trim()
  const title = sentence.length <= MAX_GUESSED_TITLE ? sentence : `${sentence.slice(0, MAX_GUESSED_TITLE - 1).trimEnd()}…`
  return {
    title,
    titleDerived: true,
    language: detectLanguage(paragraphs.join('\n')),
    dateline: { place: null, agency: null },
    publishedAt: null,
  }
}

// -- the lists ----------------------------------------------------------------------------

export const catalogKind: FileKind<CatalogFile> = {
  label: 'catalog',
  version: CATALOG_VERSION,
  schema: CatalogFile,
  decodeCurrent: (json) => (isCurrentCatalog(json) ? json : null),
  migrations: [
    // v2 may note where a web article came from; every article before it was a text dispatch.
    step({ from: 1, input: CatalogFileV1, up: (v1) => ({ ...v1, version: 2 }) }),
    // v3 has a journal beside it (an older release would not read it); the file itself is unchanged,
    // and the v3 schema checks it after this step.
    step({ from: 2, input: z.looseObject({ version: z.literal(2) }), up: (v2) => ({ ...v2, version: 3 }) }),
    // v4 entries may name a body pack; every body before it has a file of its own, so v3 entries are v4 as they are.
    step({ from: 3, input: z.looseObject({ version: z.literal(3) }), up: (v3) => ({ ...v3, version: 4 }) }),
  ],
}

export const stateKind: FileKind<StateFile> = {
  label: 'state',
  version: STATE_VERSION,
  schema: StateFile,
  decodeCurrent: currentStateOf,
  migrations: [
    // v2 adds highlights and notes; an archive from before them has none.
    step({ from: 1, input: StateFileV1, up: (v1) => ({ ...v1, version: 2, annotations: [] }) }),
    // v3 has a journal beside it (an older release would not read it); the file itself is unchanged.
    step({ from: 2, input: z.looseObject({ version: z.literal(2) }), up: (v2) => ({ ...v2, version: 3 }) }),
    // v4's journal holds annotations too, which a v3 release would drop on reading it; the file is unchanged.
    step({ from: 3, input: z.looseObject({ version: z.literal(3) }), up: (v3) => ({ ...v3, version: 4 }) }),
  ],
}

export const bodyKind: FileKind<BodyFile, BodyContext> = {
  label: 'body',
  version: BODY_VERSION,
  schema: BodyFile,
  migrations: [
    step({
      from: 1,
      input: BodyFileV1,
      // v2 copies the catalogue's metadata into each version, so the catalogue can be rebuilt.
      up: (v1, ctx: BodyContext) => {
        const record = ctx.record?.id === v1.id ? ctx.record : undefined
        return {
          version: 2,
          id: v1.id,
          editedTitle: record?.titleEdited ? record.title : null,
          versions: v1.versions.map((v) => {
            const meta: ArticleMeta = record
              ? {
                  // The catalogue holds the user's title after a rename; the original is not kept in v1.
                  title: record.title,
                  titleDerived: record.titleDerived,
                  language: record.language,
                  dateline: record.dateline,
                  publishedAt: record.publishedAt,
                }
              : guessMeta(v.paragraphs)
            return { ...v, ...meta }
          }),
        }
      },
    }),
    step({
      from: 2,
      input: BodyFileV2,
      // v3 holds web articles too; every version before it was a text dispatch.
      up: (v2) => ({
        ...v2,
        version: 3,
        versions: v2.versions.map((v) => ({ ...v, html: null, url: null, byline: null, siteName: null, feedId: null, feedGuid: null, images: {} })),
      }),
    }),
  ],
}

export const fileKinds = [catalogKind, stateKind, bodyKind] as const

// -- running them -------------------------------------------------------------------------

export class ArchiveTooNewError extends AppError {
  constructor(
    readonly path: string,
    readonly found: number,
    readonly supported: number,
    file: string,
  ) {
    super('ARCHIVE_TOO_NEW', `${file} was written by a newer Warta (format ${found}; this one reads up to ${supported})`, {
      file,
      found,
      supported,
    })
  }
}

export interface Upgraded<T> {
  data: T
  /** The version the file was written at; below the kind's version when it was migrated. */
  from: number
}

/**
 * Checks a file's parsed JSON and migrates it forward to the kind's current version.
 * Throws CorruptFileError for a file without a usable version or of the wrong shape, and
 * ArchiveTooNewError for one written by a newer release.
 */
export function upgrade<T, Ctx>(kind: FileKind<T, Ctx>, json: unknown, path: string, file: string, ctx: Ctx): Upgraded<T> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new CorruptFileError(path, `not a ${kind.label} file`)
  const from = (json as { version?: unknown }).version
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) throw new CorruptFileError(path, 'no format version')
  if (from > kind.version) throw new ArchiveTooNewError(path, from, kind.version, file)
  const fast = from === kind.version ? kind.decodeCurrent?.(json) : null
  if (fast) return { data: fast, from }
  let data: unknown = json
  for (let v = from; v < kind.version; v++) {
    const next = kind.migrations.find((m) => m.from === v)
    if (!next) throw new Error(`no migration for ${kind.label} files from version ${v}`)
    data = next.run(data, path, ctx)
  }
  const parsed = kind.schema.safeParse(data)
  if (!parsed.success) throw new CorruptFileError(path, parsed.error.issues[0]?.message ?? 'wrong shape')
  return { data: parsed.data, from }
}
