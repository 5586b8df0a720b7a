// One wrapper gives every call the same validation and errors-as-data, whatever the
// transport. Transports check the sender before they get here.
import { z } from 'zod'
import { contract, type AppErrorData, type Method, type Result } from '../../preload/contract'
import { isAppError } from './errors'
import type { Handlers } from './handlers'

export const isMethod = (name: string): name is Method => Object.hasOwn(contract, name)

export const failure = (error: AppErrorData): Result<never> => ({ ok: false, error })

export interface InvokeOptions {
  /** Where unexpected errors go; their stacks never reach the renderer. */
  log?: (message: string, error: unknown) => void
}

export async function invoke(handlers: Handlers, method: string, raw: unknown, options: InvokeOptions = {}): Promise<Result<unknown>> {
  if (!isMethod(method)) return failure({ code: 'NOT_FOUND', message: `No such method: ${method.slice(0, 64)}` })
  const parsed = contract[method].input.safeParse(raw ?? {})
  if (!parsed.success) {
    return failure({ code: 'INVALID_INPUT', message: `${method}: ${z.prettifyError(parsed.error)}`, params: { method } })
  }
  try {
    const run = handlers[method] as (input: unknown) => Promise<unknown>
    return { ok: true, value: await run(parsed.data) }
  } catch (e) {
    if (isAppError(e)) return failure(e.toData())
    ;(options.log ?? console.error)(`warta: ${method} failed`, e)
    return failure({ code: 'INTERNAL', message: `${method} failed unexpectedly`, params: { method } })
  }
}
