// Failures a person can act on: a code from the contract, an English message for logs and
// the CLI, and params the renderer interpolates into its translated `errors.<CODE>` text.
import type { AppErrorData, ErrorCode } from '../../preload/contract'

export type ErrorParams = Record<string, string | number>

export class AppError extends Error {
  override readonly name = 'AppError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params: ErrorParams = {},
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }

  toData(): AppErrorData {
    return Object.keys(this.params).length > 0
      ? { code: this.code, message: this.message, params: this.params }
      : { code: this.code, message: this.message }
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError
