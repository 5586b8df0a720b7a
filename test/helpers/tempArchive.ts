// A real archive in a fresh temp directory, for tests that exercise the core end to end.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { openArchive, type Archive, type ArchiveOptions } from '../../main/core/archive/archive'
import { createHandlers, type Handlers, type HostContext } from '../../main/core/handlers'
import { startSearchIndex } from '../../main/core/search/searchHost'
import type { SearchIndex } from '../../main/core/search/searchIndex'

export const repoRoot = resolve(import.meta.dirname, '../..')
export const samplesDir = join(repoRoot, 'assets', 'samples')
export const fixturesDir = join(repoRoot, 'test', 'fixtures')

export async function tempDir(prefix = 'warta-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/**
 * Per test: a fresh temp directory, and every archive the test opens in it closed afterwards.
 * Call at the top of a file or describe (it registers its own beforeEach and afterEach).
 */
export interface ArchivesPerTest {
  /** This test's directory. */
  readonly dir: string
  /** Archives open now, in the order they were opened. */
  readonly opened: Archive[]
  open(options?: ArchiveOptions, at?: string): Promise<Archive>
  /** Closes every open archive, then opens one again. */
  reopen(options?: ArchiveOptions, at?: string): Promise<Archive>
  closeAll(): Promise<void>
}

export function archivesPerTest(): ArchivesPerTest {
  let current: { dir: string; cleanup: () => Promise<void> } | null = null
  const opened: Archive[] = []
  const closeAll = async (): Promise<void> => {
    await Promise.all(opened.splice(0).map((a) => a.close()))
  }
  beforeEach(async () => {
    current = await tempDir()
  })
  afterEach(async () => {
    await closeAll()
    await current?.cleanup()
    current = null
  })
  const session: ArchivesPerTest = {
    get dir(): string {
      if (!current) throw new Error('archivesPerTest: the directory exists only while a test runs')
      return current.dir
    },
    opened,
    closeAll,
    open: async (options: ArchiveOptions = {}, at: string = session.dir): Promise<Archive> => {
      const archive = await openArchive(at, options)
      opened.push(archive)
      return archive
    },
    reopen: async (options: ArchiveOptions = {}, at: string = session.dir): Promise<Archive> => {
      await closeAll()
      return session.open(options, at)
    },
  }
  return session
}

export interface TempHost {
  dir: string
  archive: Archive
  handlers: Handlers
  /** The host's search index, as the app keeps one (null with `search: false`). */
  searchIndex: SearchIndex | null
  /** Closes the archive (releasing its lock) and removes the directory. */
  cleanup: () => Promise<void>
}

export async function tempHost(
  options: { systemLocale?: string; archive?: ArchiveOptions; context?: Partial<HostContext>; search?: boolean } = {},
): Promise<TempHost> {
  const { dir, cleanup } = await tempDir()
  const archive = await openArchive(dir, options.archive)
  const searchIndex = options.search === false ? null : startSearchIndex(archive, { syncDelayMs: 0, log: () => {} })
  const handlers = createHandlers({ archive, systemLocale: options.systemLocale ?? 'en-US', samplesDir, ...(searchIndex ? { searchIndex } : {}), ...options.context })
  return {
    dir,
    archive,
    handlers,
    searchIndex,
    cleanup: async () => {
      searchIndex?.close()
      await (archive as { close?: () => Promise<void> }).close?.()
      await cleanup()
    },
  }
}

export const base64 = (text: string | Uint8Array): string => Buffer.from(text).toString('base64')
