// The queries the benchmark runs, by kind, chosen across word frequencies (the generator picks
// roots with Zipf weights: `ada` is in nearly every article, `wujud` in few).

export type QueryKind = 'word' | 'rareWord' | 'twoWords' | 'prefix' | 'phrase' | 'operator' | 'wordAndOperator' | 'negation'

export const queriesByKind: Record<QueryKind, string[]> = {
  word: ['senjata', 'pertemuan', 'kira', 'bangun', 'serang', 'ekonomi'],
  rareWord: ['wujud', 'warga', 'usul', 'election'],
  twoWords: ['senjata serang', 'pertemuan damai', 'kira ekonomi', 'bangun jalan'],
  prefix: ['senj*', 'pertem*', 'bang*', 'kirim*'],
  phrase: ['"kerja sama militer"', '"pertemuan puncak"', '"dewan keamanan"', '"hak asasi manusia"'],
  operator: ['is:bookmarked', 'is:unread lang:en', 'source:antara place:seoul', 'after:2024-01-01 before:2024-03-01'],
  wordAndOperator: ['senjata is:bookmarked', 'pertemuan source:reuters', 'kira lang:id place:jakarta', 'ekonomi after:2025-01-01'],
  negation: ['kira -senjata', 'pertemuan -"pertemuan puncak"'],
}

export const queryKinds = Object.keys(queriesByKind) as QueryKind[]
