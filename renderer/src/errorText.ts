// The values a translated error message may interpolate. Main sends what it knows; the
// renderer adds what it knows (the file name, the size limit) so no placeholder stays empty.
import type { AppErrorData } from '../../preload/contract'
import { maxImportMegabytes } from './importLimits'

export type ErrorParams = Record<string, string | number>

export function errorParams(error: AppErrorData, context: { name?: string } = {}): ErrorParams {
  return { name: context.name ?? '', maxMegabytes: maxImportMegabytes, ...error.params }
}
