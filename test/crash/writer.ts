// The process the crash scripts kill or trace: `node --import tsx test/crash/writer.ts <dir> [--saves N]`.
//
// Without --saves it saves forever — import an article, bookmark it, rename it, highlight it — and prints
// "acked <what> …" only after each save has resolved, i.e. after the archive said it is on
// disk. killWriter.ts kills it at random and checks that nothing acknowledged was lost.
//
// With --saves N it makes N saves of each kind, each phase between "MARK <phase>-begin/end"
// lines written straight to fd 1, so countFsyncs.ts can count the fsyncs of each phase.
import { writeSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { openArchive, type Archive } from '../../main/core/archive/archive'
import { sampleArticle } from '../core/archive/sampleArticles'
import { storedAnnotation } from '../helpers/storedAnnotation'

const { values, positionals } = parseArgs({ allowPositionals: true, options: { saves: { type: 'string' } } })
const [dir] = positionals
if (!dir) throw new Error('usage: writer.ts <dir> [--saves N]')

/** Straight to the file descriptor, so the line reaches the parent (or strace) before the next save starts. */
const say = (line: string): void => {
  writeSync(1, `${line}\n`)
}

/** Highlight number `n` (with a note) on the article's first word, as the annotation service would save it. */
async function highlight(archive: Archive, id: string, n: number): Promise<void> {
  const exact = (await archive.getArticle(id)).paragraphs[0]?.split(' ')[0] ?? 'x'
  const at = new Date().toISOString()
  const note = storedAnnotation(n, { articleId: id, note: `Catatan ${n}`, exact, contentHash: archive.contentHash(id), createdAt: at, updatedAt: at })
  await archive.changeAnnotations({ apply: (list) => [...list, note], revert: (list) => list.filter((a) => a !== note) })
}

async function saveForever(archive: Archive): Promise<never> {
  // Article numbers continue from the archive's size: every import adds exactly one.
  for (let n = archive.size; ; n++) {
    const [added] = await archive.addArticles([sampleArticle(n)])
    if (!added || added.status !== 'imported') throw new Error(`article ${n} was not imported: ${added?.status}`)
    say(`acked import ${archive.size}`)
    const id = added.article.id
    await archive.setBookmark(id, true)
    say(`acked bookmark ${archive.bookmarkedCount}`)
    const title = `Judul baru ${n}`
    await archive.rename(id, title)
    say(`acked rename ${id} ${title}`)
    await highlight(archive, id, n)
    say(`acked note ${archive.annotations.length}`)
  }
}

async function measuredSaves(saves: number): Promise<void> {
  // Open, seed and close twice first, so the backups taken after opening are done before measuring.
  for (let i = 0; i < 2; i++) {
    const warmup = await openArchive(dir as string)
    if (warmup.size === 0) await warmup.addArticles([sampleArticle(0)])
    await warmup.close()
  }
  const archive = await openArchive(dir as string)
  const [first] = archive.list({ filter: 'all', offset: 0, limit: 1 }).items
  if (!first) throw new Error('the archive is empty')
  // Let the after-open backup check (which finds nothing to copy) finish.
  await new Promise((resolve) => setTimeout(resolve, 200))

  say('MARK bookmark-begin')
  for (let i = 0; i < saves; i++) await archive.setBookmark(first.id, i % 2 === 0)
  say('MARK bookmark-end')
  say('MARK rename-begin')
  for (let i = 0; i < saves; i++) await archive.rename(first.id, `Judul ${i}`)
  say('MARK rename-end')
  say('MARK import-begin')
  for (let i = 0; i < saves; i++) await archive.addArticles([sampleArticle(1000 + i)])
  say('MARK import-end')
  say('MARK note-begin')
  for (let i = 0; i < saves; i++) await highlight(archive, first.id, i + 1)
  say('MARK note-end')
  await archive.close()
}

if (values.saves) {
  await measuredSaves(Number(values.saves))
} else {
  say('opening')
  const archive = await openArchive(dir)
  say(`ready ${archive.size}`)
  await saveForever(archive)
}
