// Renders the benchmark's results as Markdown: targets first, then one table of everyday
// operations and one of searches per archive size, Warta beside the two comparison layouts.
import type { Timing } from './measure'
import { queriesByKind, queryKinds } from './benchQueries'

type Json = Record<string, unknown>

export interface SizeResult {
  n: number
  loadAverage: number
  warta: { build?: Json; use?: Json }
  naive: { prepare?: Json; use?: Json }
  fts: { build?: Json; use?: Json }
}

export interface BenchRun {
  date: string
  machine: Record<string, unknown>
  sizes: SizeResult[]
}

const get = (o: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Json)[k] : undefined), o)
const num = (o: unknown, path: string): number | null => {
  const v = get(o, path)
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}
const timing = (o: unknown, path: string): Timing | null => {
  const v = get(o, path) as Timing | undefined
  return v && typeof v.p50 === 'number' ? v : null
}

const fmt = (v: number | null, digits?: number): string => {
  if (v === null) return '—'
  const d = digits ?? (Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : Math.abs(v) >= 1 ? 2 : 3)
  return v.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d })
}
const pp = (t: Timing | null): string => (t ? `${fmt(t.p50)} / ${fmt(t.p95)}` : '—')
/** "12× faster" style ratio of a cost (lower is better) — other / warta. */
const ratio = (warta: number | null, other: number | null, higherIsBetter = false): string => {
  if (warta === null || other === null || warta === 0 || other === 0) return '—'
  const r = higherIsBetter ? warta / other : other / warta
  return r >= 1 ? `${fmt(r, r >= 10 ? 0 : 1)}× better` : `${fmt(1 / r, 1 / r >= 10 ? 0 : 1)}× worse`
}
const errorOf = (o: Json | undefined): string | null => (o && typeof o.error === 'string' ? o.error : null)

function targets(size: SizeResult): string[] {
  const w = size.warta.use
  const b = size.warta.build
  const naiveSave = timing(size.naive.use, 'bookmarkSave')
  const save = timing(w, 'bookmarkSave')
  const noteSave = timing(w, 'annotationSave')
  const defaultP95 = Math.max(...queryKinds.map((k) => timing(w, `search.${k}.newest`)?.p95 ?? 0))
  const relevanceP95 = Math.max(...queryKinds.map((k) => timing(w, `search.${k}.relevance`)?.p95 ?? 0))
  const peak = Math.max(num(w, 'peakRssMb') ?? 0, num(b, 'peakRssMb') ?? 0)
  const rows: [string, string, string, boolean | null][] = [
    ['bookmark save p95', '≤ 5 ms', `${fmt(save?.p95 ?? null)} ms`, save ? save.p95 <= 5 : null],
    ['annotation save p95', '≤ 5 ms', `${fmt(noteSave?.p95 ?? null)} ms`, noteSave ? noteSave.p95 <= 5 : null],
    [
      'bookmark save vs naive (p50)',
      '≥ 100× faster',
      naiveSave && save ? `${fmt(naiveSave.p50 / save.p50, 0)}×` : errorOf(size.naive.use) ? 'naive failed' : '—',
      naiveSave && save ? naiveSave.p50 / save.p50 >= 100 : errorOf(size.naive.use) ? true : null,
    ],
    ['default search p95 (worst kind)', '≤ 10 ms', `${fmt(defaultP95)} ms`, defaultP95 <= 10],
    ['relevance search p95 (worst kind)', '≤ 100 ms', `${fmt(relevanceP95)} ms`, relevanceP95 <= 100],
    [
      get(w, 'firstPageKept') === true ? 'open to first page (kept at the last close)' : 'open to first page',
      '≤ 500 ms',
      `${fmt(num(w, 'openToFirstPageMs'))} ms`,
      (num(w, 'openToFirstPageMs') ?? Infinity) <= 500,
    ],
    ['import (parse + archive; the index following as in the app)', '≥ 2,000 /s', `${fmt(num(w, 'import.archiveRate'), 0)} /s`, (num(w, 'import.archiveRate') ?? 0) >= 2000],
    ['import until all of it is searchable', '≥ 2,000 /s', `${fmt(num(w, 'import.withIndexRate'), 0)} /s`, (num(w, 'import.withIndexRate') ?? 0) >= 2000],
    ['peak RSS (use / index build)', '≤ 400 MB', `${fmt(num(w, 'peakRssMb'), 0)} / ${fmt(num(b, 'peakRssMb'), 0)} MB`, peak <= 400],
  ]
  return [
    `### Targets at N = ${size.n.toLocaleString('en')}`,
    '',
    '| target | wanted | measured | met |',
    '| --- | --- | --- | --- |',
    ...rows.map(([name, want, got, ok]) => `| ${name} | ${want} | ${got} | ${ok === null ? '—' : ok ? 'yes' : '**no**'} |`),
    '',
  ]
}

function operations(size: SizeResult): string[] {
  const w = size.warta.use
  const b = size.warta.build
  const nv = size.naive.use
  const f = size.fts.use
  const fb = size.fts.build
  const row = (name: string, warta: string, naive: string, fts: string, vsNaive: string, vsFts: string): string =>
    `| ${name} | ${warta} | ${naive} | ${fts} | ${vsNaive} | ${vsFts} |`
  const t = (o: unknown, p: string): Timing | null => timing(o, p)
  return [
    '| operation (ms unless stated) | Warta | naive lowdb (one db.json) | plain FTS5 | Warta vs naive | Warta vs FTS5 |',
    '| --- | --- | --- | --- | --- | --- |',
    row('open → first page of 100', fmt(num(w, 'openToFirstPageMs')), fmt(num(nv, 'openToFirstPageMs')), fmt(num(f, 'openToFirstPageMs')), ratio(num(w, 'openToFirstPageMs'), num(nv, 'openToFirstPageMs')), ratio(num(w, 'openToFirstPageMs'), num(f, 'openToFirstPageMs'))),
    row('open, whole catalogue read (the first page is served before it ends)', fmt(num(w, 'wholeOpenMs')), '', '', '', ''),
    row('bookmark save p50 / p95', pp(t(w, 'bookmarkSave')), pp(t(nv, 'bookmarkSave')), pp(t(f, 'bookmarkSave')), ratio(t(w, 'bookmarkSave')?.p50 ?? null, t(nv, 'bookmarkSave')?.p50 ?? null), ratio(t(w, 'bookmarkSave')?.p50 ?? null, t(f, 'bookmarkSave')?.p50 ?? null)),
    row(`annotation save p50 / p95 (${fmt(num(w, 'annotationCount'), 0)} annotations in the state file)`, pp(t(w, 'annotationSave')), pp(t(nv, 'annotationSave')), pp(t(f, 'annotationSave')), ratio(t(w, 'annotationSave')?.p50 ?? null, t(nv, 'annotationSave')?.p50 ?? null), ratio(t(w, 'annotationSave')?.p50 ?? null, t(f, 'annotationSave')?.p50 ?? null)),
    row('import, dispatches/s (Warta: parse + archive; others: store only)', fmt(num(w, 'import.archiveRate'), 0), fmt(num(nv, 'import.rate'), 0), fmt(num(f, 'import.rate'), 0), ratio(num(w, 'import.archiveRate'), num(nv, 'import.rate'), true), ratio(num(w, 'import.archiveRate'), num(f, 'import.rate'), true)),
    row('search index after a bookmark (after the save is answered; a search waits for it) p50 / p95', pp(t(w, 'bookmarkIndexCatchUp')), '', '', '', ''),
    row('search index flag alone: read mark / bookmark tag p50 / p95', `${pp(t(w, 'indexFlagOnly'))}; ${pp(t(w, 'indexBookmarkTag'))}`, '', '', '', ''),
    row('import until all of it is searchable (the index takes it once the calls pause), dispatches/s', fmt(num(w, 'import.withIndexRate'), 0), '—', '—', '', ''),
    row('peak RSS in use, MB', fmt(num(w, 'peakRssMb'), 0), fmt(num(nv, 'peakRssMb'), 0), fmt(num(f, 'peakRssMb'), 0), ratio(num(w, 'peakRssMb'), num(nv, 'peakRssMb')), ratio(num(w, 'peakRssMb'), num(f, 'peakRssMb'))),
    row('search index build, s', fmt((num(b, 'buildMs') ?? NaN) / 1000), `scan prep ${fmt((num(nv, 'searchPrepMs') ?? NaN) / 1000)}`, fmt((num(fb, 'buildMs') ?? NaN) / 1000), '', ratio(num(b, 'buildMs'), num(fb, 'buildMs'))),
    row('search index size, MB', fmt(num(b, 'indexSizeMb')), '—', fmt(num(fb, 'indexSizeMb')), '', ratio(num(b, 'indexSizeMb'), num(fb, 'indexSizeMb'))),
    row(
      'RSS after open / listing + index open / searches / imports, MB',
      ['afterOpen', 'afterListingAndIndexOpen', 'afterSearches', 'afterImports'].map((k) => fmt(num(w, `rssStages.${k}`), 0)).join(' / '),
      '',
      '',
      '',
      '',
    ),
    row(
      `peak RSS building the index (whole process${b?.inWorker === true ? ', text rows written in the worker thread' : b?.inWorker === false ? ', all in main' : ''}), MB`,
      fmt(num(b, 'peakRssMb'), 0),
      '—',
      fmt(num(fb, 'peakRssMb'), 0),
      '',
      '',
    ),
    row('index reopen / up-to-date check', `${fmt(num(b, 'reopenMs'))} / ${fmt(num(b, 'upToDateCheckMs'))}`, '—', '—', '', ''),
    row('library: next page p50 / p95 (Archive.list)', pp(t(w, 'nextPages')), '', '', '', ''),
    row('library: bookmarked page p50 / p95 (Archive.list)', pp(t(w, 'bookmarkedPage')), '', '', '', ''),
    row('library: first page sorted by title / by saved date (first time)', `${fmt(num(w, 'listing.titleSortMs'))} / ${fmt(num(w, 'listing.savedSortMs'))}`, '', '', '', ''),
    row('library: filtered page (unread Indonesian; bookmarks by date) p50 / p95', pp(t(w, 'listing.filteredPages')), '', '', '', ''),
    row('background work after open (backups, warm-up), waited out before saves', fmt(num(w, 'settleMs')), '', '', '', ''),
    row('search page without snippets (word) p50 / p95', pp(t(w, 'wordWithoutSnippets')), '', '', '', ''),
    row('search, page 101 (offset 2,000) p50 / p95', pp(t(w, 'deepPage')), '', '', '', ''),
  ]
}

function searches(size: SizeResult): string[] {
  const w = size.warta.use
  const nv = size.naive.use
  const f = size.fts.use
  const hits = (o: unknown, kind: string): string => {
    const h = get(o, `search.${kind}.hits`) as Record<string, number> | undefined
    return h ? Object.values(h).map((v) => fmt(v, 0)).join(', ') : '—'
  }
  return [
    '| query kind (examples) | Warta hits | Warta newest p50 / p95 | Warta relevance p50 / p95 | naive hits | naive scan p50 / p95 | FTS5 hits (unstemmed) | FTS5 newest p50 / p95 | FTS5 bm25 p50 / p95 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...queryKinds.map(
      (k) =>
        `| ${k}: ${queriesByKind[k].slice(0, 2).map((q) => `\`${q}\``).join(', ')} | ${hits(w, k)} | ${pp(timing(w, `search.${k}.newest`))} | ${pp(timing(w, `search.${k}.relevance`))} | ${hits(nv, k)} | ${pp(timing(nv, `search.${k}.newest`))} | ${hits(f, k)} | ${pp(timing(f, `search.${k}.newest`))} | ${pp(timing(f, `search.${k}.relevance`))} |`,
    ),
  ]
}

export function renderReport(run: BenchRun): string {
  const m = run.machine
  const lines = [
    '# Warta benchmark',
    '',
    `Run ${run.date} on ${String(m.cpu)} (${String(m.cores)} cores, ${String(m.memoryGb)} GB), ${String(m.platform)}, Node ${String(m.node)}; load average at start ${(m.loadAverageAtStart as number[]).join(' / ')}.`,
    'Synthetic archives of ~4 KB Indonesian dispatches (about 8 % English), Zipf-distributed vocabulary; 1 % bookmarked, 20 % read.',
    'Every layout and phase runs in a fresh process; times in ms, p50 / p95 (Warta: 200 saves of each kind). Warta\'s search time includes reading the 20 body files for snippets.',
    'The machine is shared with other work: a high load average inflates every figure.',
    'Warta counts matches exactly up to 1,000 in the timed searches (then reports "1,000+"); the hit columns are exact counts. Relevance ranks the newest 10,000 matches.',
    "Warta's index is built as the app builds it: titles and bodies written by its worker thread (the bundled script), with the app's batch size; the peak RSS is the whole process's, worker included.",
    "Warta's open to first page is the app's start after a clean close: the first page and counts kept then (first-page.json, used only while the files it came from are unchanged) are served, and the whole catalogue is read after; both times are given.",
    'Saves are timed after the work the archive starts in the background on open (a backup copy of the catalogue, warming its lookups) has finished, as it has in the app by the time a person clicks.',
    '',
  ]
  const largest = run.sizes[run.sizes.length - 1]
  if (largest) lines.push(...targets(largest))
  for (const size of run.sizes) {
    lines.push(`## N = ${size.n.toLocaleString('en')} (load average ${fmt(size.loadAverage, 2)})`, '')
    for (const [name, part] of Object.entries({ 'Warta build': size.warta.build, 'Warta use': size.warta.use, 'naive': size.naive.use, 'FTS5': size.fts.use })) {
      const error = errorOf(part)
      if (error) lines.push(`> ${name} failed: ${error}`, '')
    }
    lines.push(...operations(size), '', ...searches(size), '')
  }
  return `${lines.join('\n')}\n`
}
