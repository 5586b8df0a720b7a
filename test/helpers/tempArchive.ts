// A real archive in a fresh temp directory, for tests that exercise the core end to end.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
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
