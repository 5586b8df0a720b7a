// Hostile variants of a valid input, derived from the method's zod schema rather than listed by
// hand, so a field added to the contract is covered without touching the tests: every field
// left out (when required), an extra field beside it, every field given a value of another JSON
// type, and every string field made far longer than anything the contract allows.
import type { z } from 'zod'

export type PathPart = string | number
export type VariantKind = 'missing' | 'extra' | 'wrongType' | 'oversized'

export interface HostileVariant {
  kind: VariantKind
  /** Where the input was changed, as `files[0].name`. */
  path: string
  input: unknown
}

/** At least a mebibyte, and always past the field's own maximum. */
export const OVERSIZED_CHARS = 1024 * 1024 + 1

/** Values of every JSON type; a field is given those of a type other than its valid value's. */
const anyTypeValues: readonly unknown[] = ['text', '', 42, -1.5, true, false, null, [], [1, 'two'], {}, { nested: { deep: true } }]

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType> }

const defOf = (schema: z.ZodType): Def => (schema as unknown as { def: Def }).def

/** Looks through optional, default, nullable and the like to the schema that checks the value. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema
  for (;;) {
    const def = defOf(current)
    if (def.innerType && ['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional'].includes(def.type)) current = def.innerType
    else if (def.type === 'pipe' && def.in) current = def.in
    else return current
  }
}

const shapeOf = (schema: z.ZodType): Record<string, z.ZodType> | null => {
  const inner = unwrap(schema)
  return defOf(inner).type === 'object' ? ((inner as unknown as { shape: Record<string, z.ZodType> }).shape ?? null) : null
}

const elementOf = (schema: z.ZodType): z.ZodType | null => {
  const def = defOf(unwrap(schema))
  return def.type === 'array' && def.element ? def.element : null
}

const jsonType = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value)

const describePath = (path: readonly PathPart[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(input)'

/** A deep copy of `value` with the thing at `path` replaced (or removed, with `remove`). */
export function withAt(value: unknown, path: readonly PathPart[], replace: (old: unknown) => unknown, remove = false): unknown {
  const copy = structuredClone(value)
  if (path.length === 0) return replace(copy)
  let parent = copy as Record<PathPart, unknown>
  for (const part of path.slice(0, -1)) parent = parent[part] as Record<PathPart, unknown>
  const last = path[path.length - 1] as PathPart
  if (remove) delete parent[last]
  else parent[last] = replace(parent[last])
  return copy
}

/** The longest string the schema could accept, if it says; regex- and enum-bound strings have none. */
const maxLengthOf = (schema: z.ZodType): number => (unwrap(schema) as unknown as { maxLength?: number | null }).maxLength ?? 0

/**
 * Every hostile variant of `valid` (which must pass `schema`): each changes one thing, so each
 * must be refused. Objects and arrays are walked through the valid value, so nested fields
 * (an annotation's quote, an import's first file) get the same treatment as top-level ones.
 */
export function hostileVariants(schema: z.ZodType, valid: unknown): HostileVariant[] {
  const variants: HostileVariant[] = []
  const walk = (fieldSchema: z.ZodType, value: unknown, path: PathPart[]): void => {
    if (path.length > 0) {
      for (const wrong of anyTypeValues) {
        if (jsonType(wrong) === jsonType(value)) continue
        // A field that takes several types (none in the contract today) is not wrong-typed by them.
        if (fieldSchema.safeParse(wrong).success) continue
        variants.push({ kind: 'wrongType', path: `${describePath(path)} as ${JSON.stringify(wrong)}`, input: withAt(valid, path, () => wrong) })
      }
      if (typeof value === 'string' || (value === undefined && defOf(unwrap(fieldSchema)).type === 'string')) {
        const length = Math.max(OVERSIZED_CHARS, maxLengthOf(fieldSchema) + 1)
        variants.push({ kind: 'oversized', path: `${describePath(path)} (${length.toLocaleString('en')} chars)`, input: withAt(valid, path, () => 'x'.repeat(length)) })
      }
    }
    const shape = shapeOf(fieldSchema)
    if (shape && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      variants.push({ kind: 'extra', path: describePath([...path, 'unexpected']), input: withAt(valid, path, (o) => ({ ...(o as object), unexpected: true })) })
      for (const [key, child] of Object.entries(shape)) {
        const present = Object.hasOwn(value, key)
        if (!present && !child.safeParse(undefined).success) throw new Error(`the valid input lacks required field ${describePath([...path, key])}`)
        // An optional field the example leaves out is still given wrong and oversized values.
        walk(child, present ? (value as Record<string, unknown>)[key] : undefined, [...path, key])
        if (present && !child.safeParse(undefined).success) {
          variants.push({ kind: 'missing', path: describePath([...path, key]), input: withAt(valid, [...path, key], () => undefined, true) })
        }
      }
    }
    const element = elementOf(fieldSchema)
    if (element && Array.isArray(value) && value.length > 0) walk(element, value[0], [...path, 0])
  }
  walk(schema, valid, [])
  return variants
}

/** The paths of every string in `value` (walked like the variants above), for mutating them. */
export function stringPaths(value: unknown, path: PathPart[] = []): PathPart[][] {
  if (typeof value === 'string') return [path]
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]))
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]))
  return []
}

/** The paths of every field, object or array element in `value`. */
export function allPaths(value: unknown, path: PathPart[] = []): PathPart[][] {
  const here = path.length > 0 ? [path] : []
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => allPaths(v, [...path, i]))]
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => allPaths(v, [...path, k]))]
  return here
}
