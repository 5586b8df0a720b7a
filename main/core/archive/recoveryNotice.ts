// The words for a repair of the archive: a key of the `archive` translation namespace and the
// values it interpolates. Pure (no Node), so the window's bundle picks the same words as main.
import type { RecoveryItem } from '../../../preload/contract'

export type RecoveryNoticeKey =
  | 'recovery.catalogRestored'
  | 'recovery.catalogRestoredMissing'
  | 'recovery.catalogRebuilt'
  | 'recovery.catalogRebuiltMissing'
  | 'recovery.stateRestored'
  | 'recovery.stateRestoredMissing'
  | 'recovery.stateReset'
  | 'recovery.bodySetAside'

export interface RecoveryNotice {
  key: RecoveryNoticeKey
  /** `count` picks the plural; `date` is a Date, formatted by i18next in the reader's language. */
  params: { movedTo: string; count: number; date: Date }
}

export type RecoveryFacts = Pick<RecoveryItem, 'what' | 'action' | 'backupTakenAt' | 'articlesFromBodies'> & {
  /** Where the damaged copy is kept (as the reader should see it); null when the file was missing. */
  movedTo: string | null
}

export function recoveryNoticeOf(facts: RecoveryFacts): RecoveryNotice {
  const params = { movedTo: facts.movedTo ?? '', count: facts.articlesFromBodies, date: new Date(facts.backupTakenAt ?? 0) }
  const missing = facts.movedTo === null
  switch (facts.action) {
    case 'restored-backup':
      if (facts.what === 'state') return { key: missing ? 'recovery.stateRestoredMissing' : 'recovery.stateRestored', params }
      return { key: missing ? 'recovery.catalogRestoredMissing' : 'recovery.catalogRestored', params }
    case 'rebuilt':
      return { key: missing ? 'recovery.catalogRebuiltMissing' : 'recovery.catalogRebuilt', params }
    case 'reset':
      return { key: 'recovery.stateReset', params }
    case 'set-aside':
      return { key: 'recovery.bodySetAside', params }
  }
}
