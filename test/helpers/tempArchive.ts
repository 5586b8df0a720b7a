// A real archive in a fresh temp directory, for tests that exercise the core end to end.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openArchive, type Archive, type ArchiveOptions } from '../../main/core/archive/archive'
import { createHandlers, type Handlers, type HostContext } from '../../main/core/handlers'

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
  /** Closes the archive (releasing its lock) and removes the directory. */
  cleanup: () => Promise<void>
}

export async function tempHost(options: { systemLocale?: string; archive?: ArchiveOptions; context?: Partial<HostContext> } = {}): Promise<TempHost> {
  const { dir, cleanup } = await tempDir()
  const archive = await openArchive(dir, options.archive)
  const handlers = createHandlers({ archive, systemLocale: options.systemLocale ?? 'en-US', samplesDir, ...options.context })
  return {
    dir,
    archive,
    handlers,
    cleanup: async () => {
      await (archive as { close?: () => Promise<void> }).close?.()
      await cleanup()
    },
  }
}

export const base64 = (text: string | Uint8Array): string => Buffer.from(text).toString('base64')
