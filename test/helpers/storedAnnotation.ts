// A highlight as the archive stores it, made without the annotation service: for tests and
// tools that put records straight into the state file (many at once, or from a child process).
import type { AnnotationRecord } from '../../preload/contract'

type StoredFields = Partial<Omit<AnnotationRecord, 'id' | 'quote' | 'position'>> & { exact?: string; start?: number; prefix?: string; suffix?: string }

/** Highlight number `n` (its id), on `exact` at `start`; every other field can be given. */
export function storedAnnotation(n: number, fields: StoredFields = {}): AnnotationRecord {
  const { exact = 'kata', start = 0, prefix = '', suffix = '', ...rest } = fields
  const at = '2024-01-01T00:00:00.000Z'
  return {
    id: `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`,
    articleId: 'b'.repeat(16),
    colour: 'yellow',
    note: '',
    contentHash: 'a'.repeat(64),
    createdAt: at,
    updatedAt: at,
    ...rest,
    quote: { exact, prefix, suffix },
    position: { start, end: start + exact.length },
  }
}
