// A script that waits for an archive's background work, as the benchmark does before timing
// saves: `node --import tsx settleArchive.ts <dir>` opens it, prints "settled" once
// Archive.settled() resolves, closes it and exits.
import { openArchive } from '../../../main/core/archive/archive'

const [dir] = process.argv.slice(2)
if (!dir) throw new Error('usage: settleArchive.ts <dir>')
const archive = await openArchive(dir, { log: () => {} })
await archive.settled()
console.log('settled')
await archive.close()
