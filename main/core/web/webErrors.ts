// The one place saving from the web raises its errors; the codes and their params are
// declared in the contract's list (preload/contract.ts, "web and feeds").
import type { ErrorCode } from '../../../preload/contract'
import { AppError, type ErrorParams } from '../errors'

export function webError(
  code: ErrorCode,
  message: string,
  params: ErrorParams = {},
  options?: { cause?: unknown },
): AppError {
  return new AppError(code, message, params, options)
}

/** MiB as the TOO_LARGE message shows it. */
export const megabytes = (bytes: number): number => Math.round((bytes / (1024 * 1024)) * 10) / 10
