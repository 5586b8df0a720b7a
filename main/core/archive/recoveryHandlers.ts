// The contract's recovery report: what the archive repaired when it was opened (and article
// texts found damaged since), until the user dismisses it. Dismissal lasts for this host's run;
// the next open repairs nothing that is still damaged, so it has nothing old to report.
import { join } from 'node:path'
import type { RecoveryItem } from '../../../preload/contract'
import type { Handlers, HostContext } from '../handlers'
import { recoveredFileOf, type RecoveryEvent } from './recovery'

const itemOf = (dir: string, event: RecoveryEvent): RecoveryItem => ({
  what: recoveredFileOf(event.file),
  action: event.action,
  keptAt: event.movedTo === null ? null : join(dir, event.movedTo),
  backupTakenAt: event.backupTakenAt ?? null,
  articlesFromBodies: event.articlesFromBodies ?? 0,
})

export function createRecoveryHandlers(ctx: Pick<HostContext, 'archive'>): Pick<Handlers, 'getRecoveryReport' | 'dismissRecoveryReport'> {
  const { archive } = ctx
  /** Events before this index have been dismissed; the archive only ever appends to its list. */
  let dismissed = 0
  return {
    getRecoveryReport: async () => {
      const events = archive.recoveryEvents
      return { items: events.slice(dismissed).map((e) => itemOf(archive.dir, e)), seen: events.length }
    },
    dismissRecoveryReport: async ({ seen }) => {
      const events = archive.recoveryEvents
      dismissed = Math.max(dismissed, Math.min(seen, events.length))
      return { remaining: events.length - dismissed }
    },
  }
}
