// Sends a selection of files to main in as many import calls as the limits need, and returns
// one outcome per file in the order chosen. A file over the size limit is refused here, with
// the same TOO_LARGE error main would give, without being read or sent.
import type { AppErrorData, ImportOutcome, Result } from '../../preload/contract'
import { bytesToBase64 } from './base64'
import { importLimits, maxImportMegabytes } from './importLimits'
import { planImport } from './importPlan'

export interface SelectedFile {
  name: string
  size: number
  arrayBuffer(): Promise<ArrayBuffer>
}

export type SendImport = (files: { name: string; contentBase64: string }[]) => Promise<Result<{ outcomes: ImportOutcome[] }>>

export function tooLargeError(name: string): AppErrorData {
  return {
    code: 'TOO_LARGE',
    message: `${name} is larger than ${maxImportMegabytes} MB`,
    params: { name, maxMegabytes: maxImportMegabytes },
  }
}

export function unreadableError(name: string): AppErrorData {
  return { code: 'UNREADABLE', message: `${name} could not be read`, params: { name } }
}

export async function importSelection(files: readonly SelectedFile[], send: SendImport): Promise<ImportOutcome[]> {
  return (await importInBatches(files, send)).outcomes
}

export interface BatchProgress {
  /** Files with an outcome so far (refused as too large, or answered by main). */
  done: number
  total: number
}

export interface BatchOptions {
  /** Called before the first call and after every call. */
  onProgress?: (progress: BatchProgress) => void
  /** Checked before each call: once aborted, the call under way finishes and no other starts. */
  signal?: AbortSignal
}

export interface BatchRun {
  /** One per file that was refused or sent, in the order chosen; files never sent have none. */
  outcomes: ImportOutcome[]
  /** Files not sent because the run was stopped. */
  notSent: number
}

/**
 * importSelection for long selections: one call per batch of the plan, progress after each,
 * and a way to stop between calls (an import call under way always completes, so every file
 * sent gets its outcome and nothing is half-imported).
 */
export async function importInBatches(files: readonly SelectedFile[], send: SendImport, options: BatchOptions = {}): Promise<BatchRun> {
  const outcomes: (ImportOutcome | undefined)[] = files.map(() => undefined)
  const plan = planImport(files, importLimits)
  let done = 0
  const report = (): void => options.onProgress?.({ done, total: files.length })
  for (const index of plan.tooLarge) {
    const file = files[index] as SelectedFile
    outcomes[index] = { status: 'failed', name: file.name, error: tooLargeError(file.name) }
    done += 1
  }
  report()
  let notSent = 0
  for (const batch of plan.batches) {
    if (options.signal?.aborted) {
      notSent += batch.length
      continue
    }
    // A file that can no longer be read (moved, deleted, no permission) fails alone.
    const read = await Promise.all(
      batch.map(async (index) => {
        const file = files[index] as SelectedFile
        try {
          return { index, name: file.name, contentBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) }
        } catch {
          outcomes[index] = { status: 'failed', name: file.name, error: unreadableError(file.name) }
          return null
        }
      }),
    )
    const sent = read.filter((r) => r !== null)
    const result = sent.length > 0 ? await send(sent.map(({ name, contentBase64 }) => ({ name, contentBase64 }))) : null
    for (const [i, { index, name }] of sent.entries()) {
      outcomes[index] = !result
        ? undefined
        : result.ok
          ? (result.value.outcomes[i] ?? { status: 'failed', name, error: { code: 'INTERNAL', message: 'no outcome returned' } })
          : { status: 'failed', name, error: result.error }
    }
    done += batch.length
    report()
  }
  return { outcomes: outcomes.filter((o): o is ImportOutcome => o !== undefined), notSent }
}
