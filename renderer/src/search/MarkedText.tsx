// A title or snippet from main as plain text, its matched words in <mark>. Main sends segments,
// never HTML, so nothing an article says can become markup here.
import type { TextSegment } from '../../../preload/contract'

export function MarkedText({ segments }: { segments: readonly TextSegment[] }) {
  return (
    <>
      {segments.map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
    </>
  )
}
