// Copies of catalog.json and state.json in `backups/`, so a damaged file can be restored
// rather than lost: rolling copies (the newest few, taken after opening and at most hourly
// while writing) and one kept copy before each migration to a new format.
import { readdir, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { copyFileDurably } from './atomicJsonFile'

export const BACKUPS_DIR = 'backups'
/** Rolling copies kept per file. */
export const KEEP_BACKUPS = 5

export interface Backup {
  path: string
  name: string
  /** When the copy was taken (ISO 8601). */
  takenAt: string
  /** Rolling copies are pruned; a copy from before a migration is kept. */
  kind: 'rolling' | 'pre-migration'
}

/** ISO 8601 without colons, which Windows forbids in file names: 2024-03-04T050607.000Z */
export const fileStamp = (at: Date): string => at.toISOString().replace(/:/g, '')
const STAMP = String.raw`(\d{4}-\d{2}-\d{2}T\d{6}\.\d{3}Z)`
const stampToIso = (stamp: string): string => stamp.replace(/T(\d{2})(\d{2})(\d{2})/, 'T$1:$2:$3')

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export const backupsDir = (archiveDir: string): string => join(archiveDir, BACKUPS_DIR)

/** Every backup of `file` (e.g. 'catalog.json'), newest first. */
export async function listBackups(archiveDir: string, file: string): Promise<Backup[]> {
  let names: string[]
  try {
    names = await readdir(backupsDir(archiveDir))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw e
  }
  const rolling = new RegExp(`^${escapeRegExp(file)}\\.${STAMP}$`)
  const preMigration = new RegExp(`^${escapeRegExp(file)}\\.v\\d+\\.${STAMP}$`)
  const backups: Backup[] = []
  for (const name of names) {
    const r = rolling.exec(name)
    const p = r ? null : preMigration.exec(name)
    const stamp = r?.[1] ?? p?.[1]
    if (!stamp) continue
    backups.push({ path: join(backupsDir(archiveDir), name), name, takenAt: stampToIso(stamp), kind: r ? 'rolling' : 'pre-migration' })
  }
  return backups.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : a.name < b.name ? 1 : -1))
}

/** Copies `file` into backups/ and prunes the rolling copies to the newest `keep`. */
export async function takeBackup(archiveDir: string, file: string, at: Date, keep = KEEP_BACKUPS): Promise<Backup> {
  const name = `${file}.${fileStamp(at)}`
  const path = join(backupsDir(archiveDir), name)
  await copyFileDurably(join(archiveDir, file), path)
  const rolling = (await listBackups(archiveDir, file)).filter((b) => b.kind === 'rolling')
  await Promise.all(rolling.slice(keep).map((b) => unlink(b.path).catch(() => {})))
  return { path, name, takenAt: at.toISOString(), kind: 'rolling' }
}

/**
 * Takes a rolling backup unless the newest one was taken after the file last changed
 * (mtimes, not contents, so a 40 MB catalogue is not read just to find it unchanged).
 * Returns null when the file does not exist or is already backed up.
 */
export async function takeBackupIfChanged(archiveDir: string, file: string, at: Date, keep = KEEP_BACKUPS): Promise<Backup | null> {
  const source = await stat(join(archiveDir, file)).catch(() => null)
  if (!source) return null
  const newest = (await listBackups(archiveDir, file)).find((b) => b.kind === 'rolling')
  const newestInfo = newest ? await stat(newest.path).catch(() => null) : null
  if (newestInfo && newestInfo.mtimeMs > source.mtimeMs) return null
  return takeBackup(archiveDir, file, at, keep)
}

/** The copy kept before a file is migrated from `fromVersion`; never pruned. */
export async function takeMigrationBackup(archiveDir: string, file: string, fromVersion: number, at: Date): Promise<Backup> {
  const name = `${file}.v${fromVersion}.${fileStamp(at)}`
  const path = join(backupsDir(archiveDir), name)
  await copyFileDurably(join(archiveDir, file), path)
  return { path, name, takenAt: at.toISOString(), kind: 'pre-migration' }
}
