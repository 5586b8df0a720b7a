// Indonesian stemming: the Sastrawi algorithm (Enhanced Confix Stripping — Nazief & Adriani,
// Asian et al., Arifin et al.) over Sastrawi's root-word dictionary, so `persenjataan`,
// `menyenjatai` and `senjata` all index as `senjata`.
//
// Why our own port rather than a package: measured on 3,300 generated affixed forms of 166 news
// roots plus a hand list (test/bench/indonesianVocabulary.ts, test/core/search/stemming.test.ts),
// natural's StemmerId got 95.7 %, sastrawijs 90.6 %, @orama/stemmers 82 %. natural is the most
// accurate but brings 80 MB of dependencies (mongoose, pg, redis…) into a desktop app, and
// sastrawijs declares a babel plugin (babel-runtime, core-js 2) as a runtime dependency. This file
// follows natural's port (MIT, © 2017 Alif Bhaskoro, Andy Librian, R. Kukuh; itself from
// github.com/sastrawi/sastrawi, MIT, © Andy Librian) rule for rule, so it scores the same, with
// no dependency. The dictionary (indonesianRootWords.json) is Sastrawi's, which Sastrawi
// credits to Kateglo.
import rootWordList from './indonesianRootWords.json' with { type: 'json' }

const dictionary: ReadonlySet<string> = new Set(rootWordList as string[])

/** True when `word` is a root word of the dictionary. */
export const isIndonesianRoot = (word: string): boolean => dictionary.has(word)

type AffixType = 'DP' | 'DS' | 'PP' | 'P'

interface Removal {
  /** The word before this affix was removed. */
  original: string
  /** The word after. */
  result: string
  removed: string
  type: AffixType
}

const C = 'bcdfghjklmnpqrstvwxyz'

/**
 * A disambiguation rule: a prefix pattern and the readings of it to try in order; the first
 * reading found in the dictionary wins, else the last one is kept (and may be undone later).
 */
type Reading = (m: RegExpMatchArray) => string | undefined
interface PrefixRule {
  pattern: RegExp
  readings: Reading[]
}

const g = (m: RegExpMatchArray, i: number): string => m[i] ?? ''
const rule = (pattern: RegExp, ...readings: Reading[]): PrefixRule => ({ pattern, readings })
const notEr = (s: string): boolean => !s.startsWith('er')

/** Sastrawi's prefix rules, numbered as in the papers (22 and 33 do not exist). */
const prefixRules: PrefixRule[] = [
  // 1: berV → ber-V | be-rV
  rule(/^ber([aiueo].*)$/, (m) => g(m, 1), (m) => `r${g(m, 1)}`),
  // 2: berCAP → ber-CAP where P != 'er'
  rule(new RegExp(`^ber([${C}])([a-z])(.*)`), (m) => (notEr(g(m, 3)) ? g(m, 1) + g(m, 2) + g(m, 3) : undefined)),
  // 3: berCAerV → ber-CAerV where C != 'r'
  rule(new RegExp(`ber([${C}])([a-z])er([aiueo])(.*)`), (m) =>
    g(m, 1) === 'r' ? undefined : `${g(m, 1)}${g(m, 2)}er${g(m, 3)}${g(m, 4)}`,
  ),
  // 4: belajar → ajar
  rule(/^belajar$/, () => 'ajar'),
  // 5: beC1erC2 → be-C1erC2 where C1 != 'r'
  rule(/be([bcdfghjklmnpqstvwxyz])(er[bcdfghjklmnpqrstvwxyz])(.*)$/, (m) => g(m, 1) + g(m, 2) + g(m, 3)),
  // 6: terV → ter-V | te-rV
  rule(/^ter([aiueo].*)$/, (m) => g(m, 1), (m) => `r${g(m, 1)}`),
  // 7: terCerV → ter-CerV where C != 'r'
  rule(new RegExp(`^ter([${C}])er([aiueo].*)$`), (m) => (g(m, 1) === 'r' ? undefined : `${g(m, 1)}er${g(m, 2)}`)),
  // 8: terCP → ter-CP where C != 'r' and P != 'er'
  rule(new RegExp(`^ter([${C}])(.*)$`), (m) => (g(m, 1) === 'r' || !notEr(g(m, 2)) ? undefined : g(m, 1) + g(m, 2))),
  // 9: teC1erC2 → te-C1erC2 where C1 != 'r'
  rule(new RegExp(`^te([${C}])er([${C}])(.*)$`), (m) => (g(m, 1) === 'r' ? undefined : `${g(m, 1)}er${g(m, 2)}${g(m, 3)}`)),
  // 10: me{l|r|w|y}V → me-{l|r|w|y}V
  rule(/^me([lrwy])([aiueo])(.*)$/, (m) => g(m, 1) + g(m, 2) + g(m, 3)),
  // 11: mem{b|f|v} → mem-{b|f|v}
  rule(/^mem([bfv])(.*)$/, (m) => g(m, 1) + g(m, 2)),
  // 12: mempe → mem-pe (mempengaruhi)
  rule(/^mempe(.*)$/, (m) => `pe${g(m, 1)}`),
  // 13: mem{rV|V} → me-m{rV|V} | me-p{rV|V}
  rule(/^mem([aiueo])(.*)$/, (m) => `m${g(m, 1)}${g(m, 2)}`, (m) => `p${g(m, 1)}${g(m, 2)}`),
  // 14: men{c|d|j|s|t|z} → men-{c|d|j|s|t|z} (mentaati, mensyaratkan)
  rule(/^men([cdjstz])(.*)$/, (m) => g(m, 1) + g(m, 2)),
  // 15: menV → me-nV | me-tV
  rule(/^men([aiueo])(.*)$/, (m) => `n${g(m, 1)}${g(m, 2)}`, (m) => `t${g(m, 1)}${g(m, 2)}`),
  // 16: meng{g|h|q|k} → meng-{g|h|q|k} (mengkritik)
  rule(/^meng([g|h|q|k])(.*)$/, (m) => g(m, 1) + g(m, 2)),
  // 17: mengV → meng-V | meng-kV | menge-V | me-ngV
  rule(
    /^meng([aiueo])(.*)$/,
    (m) => g(m, 1) + g(m, 2),
    (m) => `k${g(m, 1)}${g(m, 2)}`,
    (m) => (g(m, 1) === 'e' ? g(m, 2) : undefined),
    (m) => `ng${g(m, 1)}${g(m, 2)}`,
  ),
  // 18: menyV → me-nyV | meny-sV
  rule(/^meny([aiueo])(.*)$/, (m) => `ny${g(m, 1)}${g(m, 2)}`, (m) => `s${g(m, 1)}${g(m, 2)}`),
  // 19: mempA → mem-pA where A != 'e' (memproteksi)
  rule(/^memp([abcdfghijklmopqrstuvwxyz])(.*)$/, (m) => `p${g(m, 1)}${g(m, 2)}`),
  // 20: pe{w|y}V → pe-{w|y}V
  rule(/^pe([wy])([aiueo])(.*)$/, (m) => g(m, 1) + g(m, 2) + g(m, 3)),
  // 21: perV → per-V | pe-rV
  rule(/^per([aiueo])(.*)$/, (m) => g(m, 1) + g(m, 2), (m) => `r${g(m, 1)}${g(m, 2)}`),
  // 23: perCAP → per-CAP where P != 'er'
  rule(new RegExp(`^per([${C}])([a-z])(.*)$`), (m) => (notEr(g(m, 3)) ? g(m, 1) + g(m, 2) + g(m, 3) : undefined)),
  // 24: perCAerV → per-CAerV where C != 'r'
  rule(new RegExp(`^per([${C}])([a-z])er([aiueo])(.*)$`), (m) =>
    g(m, 1) === 'r' ? undefined : `${g(m, 1)}${g(m, 2)}er${g(m, 3)}${g(m, 4)}`,
  ),
  // 25: pem{b|f|v} → pem-{b|f|v}
  rule(/^pem([bfv])(.*)$/, (m) => g(m, 1) + g(m, 2)),
  // 26: pem{rV|V} → pe-m{rV|V} | pe-p{rV|V}
  rule(/^pem([aiueo])(.*)$/, (m) => `m${g(m, 1)}${g(m, 2)}`, (m) => `p${g(m, 1)}${g(m, 2)}`),
  // 27: pen{c|d|j|s|t|z} → pen-{c|d|j|s|t|z}
  rule(/^pen([cdjstz])(.*)$/, (m) => g(m, 1) + g(m, 2)),
  // 28: penV → pe-nV | pe-tV
  rule(/^pen([aiueo])(.*)$/, (m) => `n${g(m, 1)}${g(m, 2)}`, (m) => `t${g(m, 1)}${g(m, 2)}`),
  // 29: pengC → peng-C
  rule(new RegExp(`^peng([${C}])(.*)$`), (m) => g(m, 1) + g(m, 2)),
  // 30: pengV → peng-V | peng-kV | penge-V
  rule(
    /^peng([aiueo])(.*)$/,
    (m) => g(m, 1) + g(m, 2),
    (m) => `k${g(m, 1)}${g(m, 2)}`,
    (m) => (g(m, 1) === 'e' ? g(m, 2) : undefined),
  ),
  // 31: penyV → pe-nyV | peny-sV
  rule(/^peny([aiueo])(.*)$/, (m) => `ny${g(m, 1)}${g(m, 2)}`, (m) => `s${g(m, 1)}${g(m, 2)}`),
  // 32: pelV → pe-lV, except pelajar → ajar
  rule(/^pe(l[aiueo])(.*)$/, (m) => (m.input === 'pelajar' ? 'ajar' : g(m, 1) + g(m, 2))),
  // 34: peCP → pe-CP where P != 'er'
  rule(new RegExp(`^pe([${C}])(.*)$`), (m) => (notEr(g(m, 2)) ? g(m, 1) + g(m, 2) : undefined)),
  // 35: terC1erC2 → ter-C1erC2 where C1 != 'r'
  rule(new RegExp(`^ter([bcdfghjkpqstvxz])(er[${C}])(.*)$`), (m) => g(m, 1) + g(m, 2) + g(m, 3)),
  // 36: peC1erC2 → pe-C1erC2 where C1 != {r|w|y|l|m|n}
  rule(new RegExp(`^pe([bcdfghjkpqstvxz])(er[${C}])(.*)$`), (m) => g(m, 1) + g(m, 2) + g(m, 3)),
  // 37–40: the infixes -er-, -el-, -em-, -in-: CerV → CerV | CV, and so on
  ...['er', 'el', 'em', 'in'].map((infix) =>
    rule(new RegExp(`^([${C}])(${infix})([aiueo])(.*)$`), (m) => g(m, 1) + g(m, 2) + g(m, 3) + g(m, 4), (m) => g(m, 1) + g(m, 3) + g(m, 4)),
  ),
  // 41, 42: ku-, kau-
  rule(/^ku(.*)$/, (m) => g(m, 1)),
  rule(/^kau(.*)$/, (m) => g(m, 1)),
]

const suffixRules: { pattern: RegExp; type: AffixType }[] = [
  { pattern: /-*(lah|kah|tah|pun)$/, type: 'P' },
  { pattern: /-*(ku|mu|nya)$/, type: 'PP' },
  { pattern: /(is|isme|isasi|i|kan|an)$/, type: 'DS' },
]

/** Words whose prefix is taken off before the suffix (be-…-an, me-…-i …), per Sastrawi. */
const prefixFirst = [/^be(.*)lah$/, /^be(.*)an$/, /^me(.*)i$/, /^di(.*)i$/, /^pe(.*)i$/, /^ter(.*)i$/]

/** One stemming run; the removals list lets a failed guess be undone. */
class StemmingRun {
  word: string
  removals: Removal[] = []

  constructor(readonly original: string) {
    this.word = original
  }

  get found(): boolean {
    return dictionary.has(this.word)
  }

  #record(result: string, type: AffixType): void {
    if (result !== this.word) {
      this.removals.push({ original: this.word, result, removed: this.word.replace(result, ''), type })
    }
    this.word = result
  }

  removeSuffixes(): void {
    for (const { pattern, type } of suffixRules) {
      this.#record(this.word.replace(pattern, ''), type)
      if (this.found) return
    }
  }

  /** Up to three prefixes (memper-ke-…), one per pass. */
  removePrefixes(): void {
    for (let pass = 0; pass < 3; pass++) {
      this.#removeOnePrefix()
      if (this.found) return
    }
  }

  #removeOnePrefix(): void {
    const plain = this.word.replace(/^(di|ke|se)/, '')
    if (plain !== this.word) {
      this.#record(plain, 'DP')
      return
    }
    for (const { pattern, readings } of prefixRules) {
      const m = this.word.match(pattern)
      if (!m) continue
      let result: string | undefined
      for (const reading of readings) {
        result = reading(m)
        if (result !== undefined && dictionary.has(result)) break
      }
      // As in Sastrawi's ports: the last reading stands when none is a root word.
      if (result === undefined) continue
      this.#record(result, 'DP')
      return
    }
  }

  run(): string {
    if (this.found) return this.word
    if (prefixFirst.some((p) => p.test(this.original))) {
      this.removePrefixes()
      if (this.found) return this.word
      this.removeSuffixes()
      if (this.found) return this.word
      this.word = this.original
      this.removals = []
    }
    this.removeSuffixes()
    if (this.found) return this.word
    this.removePrefixes()
    if (this.found) return this.word
    this.#loopRestorePrefixes()
    return this.word
  }

  /** ECS: put suffixes back one by one (and -kan as -k) and try the prefixes again. */
  #loopRestorePrefixes(): void {
    for (const r of this.removals) this.word = r.original
    this.removals = this.removals.filter((r) => r.type !== 'DP')
    const restored = this.word
    for (const removal of [...this.removals].reverse()) {
      if (removal.removed === 'kan') {
        this.word = `${removal.result}k`
        this.removePrefixes()
        if (this.found) return
        this.word = `${removal.result}kan`
      } else {
        this.word = removal.original
      }
      this.removePrefixes()
      if (this.found) return
      this.word = restored
    }
  }
}

function stemSingular(word: string): string {
  if (word.length <= 3) return word
  const run = new StemmingRun(word)
  const result = run.run()
  return dictionary.has(result) ? result : word
}

/** `berbalas-balasan` → `balas`; a reduplication whose halves differ stays as it is. */
function stemReduplicated(word: string): string {
  const m = word.match(/^(.*)-(.*)$/)
  if (!m) return word
  let [first, second] = [g(m, 1), g(m, 2)]
  const inner = first.match(/^(.*)-(.*)$/)
  if (['ku', 'mu', 'nya', 'lah', 'kah', 'tah', 'pun'].includes(second) && inner) {
    first = g(inner, 1)
    second = `${g(inner, 2)}-${second}`
  }
  const a = stemSingular(first)
  let b = stemSingular(second)
  // meniru-nirukan → tiru
  if (!dictionary.has(second) && b === second) b = stemSingular(`me${second}`)
  return a === b ? a : word
}

/** The root of an Indonesian word (lower case expected); words not reducible to a root are returned unchanged. */
export function stemIndonesian(word: string): string {
  const lower = word.toLowerCase()
  const particle = lower.match(/^(.*)-(ku|mu|nya|lah|kah|tah|pun)$/)
  const reduplicated = particle ? (particle[1] ?? '').includes('-') : lower.includes('-')
  return reduplicated ? stemReduplicated(lower) : stemSingular(lower)
}
