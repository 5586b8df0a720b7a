// The contract's recovery report: what the archive repaired (when it was opened, by this run or
// an earlier one such as the command line, and article texts found damaged since), until the
// user dismisses it; recoveryNotices.ts keeps it between runs.
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
  return {
    getRecoveryReport: async () => {
      const { events, seen } = archive.recoveryReport()
      return { items: events.map((e) => itemOf(archive.dir, e)), seen }
    },
    dismissRecoveryReport: async ({ seen }) => archive.dismissRecovery(seen),
  }
}
