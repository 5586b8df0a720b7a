// An archive whose list of articles was damaged after a backup was taken: the bundled samples,
// a rolling backup stamped at a known time, then catalog.json cut in half, as a crash of another
// program or a bad disk leaves it. Opening it must restore the list from the backup.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { openArchive } from '../../main/core/archive/archive'
import { CATALOG_FILE } from '../../main/core/archive/recovery'
import { createHandlers } from '../../main/core/handlers'
import { samplesDir } from './tempArchive'

export interface DamagedArchive {
  /** When the backup the list comes back from was taken (ISO 8601). */
  backupTakenAt: string
  /** Articles in the archive (all of them in the backup). */
  articleCount: number
  /** The damaged bytes, as the archive should keep them aside. */
  damaged: Buffer
}

export async function writeArchiveWithDamagedCatalog(dir: string, backupAt = new Date('2026-11-20T03:15:00.000Z')): Promise<DamagedArchive> {
  const importing = await openArchive(dir, { now: () => backupAt })
  const handlers = createHandlers({ archive: importing, systemLocale: 'en-US', samplesDir })
  const { outcomes } = await handlers.importSamples({})
  await importing.close()
  // Opening again takes the rolling backup (in the background; close waits for it).
  const backingUp = await openArchive(dir, { now: () => backupAt })
  await backingUp.close()
  const good = await readFile(join(dir, CATALOG_FILE))
  const damaged = good.subarray(0, Math.floor(good.length / 2))
  await writeFile(join(dir, CATALOG_FILE), damaged)
  return { backupTakenAt: backupAt.toISOString(), articleCount: outcomes.length, damaged }
}
