// A second process for the lock tests: `node --import tsx holdArchive.ts <dir> <holdMs>`
// opens the archive, prints "opened" (or "locked <message>"), holds it for holdMs, closes it
// and exits.
import { openArchive } from '../../../main/core/archive/archive'
import { isAppError } from '../../../main/core/errors'

const [dir, holdMs = '60000'] = process.argv.slice(2)
if (!dir) throw new Error('usage: holdArchive.ts <dir> [holdMs]')

try {
  const archive = await openArchive(dir)
  console.log('opened')
  await new Promise((resolve) => setTimeout(resolve, Number(holdMs)))
  await archive.close()
  console.log('closed')
} catch (e) {
  if (!isAppError(e) || e.code !== 'ARCHIVE_LOCKED') throw e
  console.log(`locked ${e.message}`)
}
