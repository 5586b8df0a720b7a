// The stem memo lives as long as the index: what it keeps must be the words, not the articles
// they were read from (a long word cut from a text is, to V8, a view into the whole text).
import { execFileSync } from 'node:child_process'
import { expect, it } from 'vitest'

it('keeps only the words it memoised, not the articles they came from', { timeout: 60_000 }, () => {
  // 20,000 articles of ~4 KB, each bringing two long words never seen before, as names and
  // affixed forms do in real news: kept as views, they held 83 MB of text.
  const script = `
    const { StemMemo } = await import('./main/core/search/wordForms.ts')
    const memo = new StemMemo()
    globalThis.gc()
    const before = process.memoryUsage().heapUsed
    for (let i = 0; i < 20000; i++) {
      const text = 'kata biasa yang sering muncul dalam berita hari ini '.repeat(80) + ' memperjuangkan' + i.toString(36) + 'x penyelenggaraan' + i.toString(36) + 'y'
      memo.stemList(text, 'id')
    }
    globalThis.gc()
    const grownMb = (process.memoryUsage().heapUsed - before) / 1048576
    // The memo is still in use, so what it holds is counted.
    console.log(JSON.stringify({ grownMb, stem: memo.stem('kata', 'id') }))`
  const printed = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd(), encoding: 'utf8' })
  const { grownMb, stem } = JSON.parse(printed) as { grownMb: number; stem: string }
  expect(stem).toBe('kata')
  expect(grownMb).toBeLessThan(20)
})
