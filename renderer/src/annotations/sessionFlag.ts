// A yes/no the window remembers for the session (sidebar open or closed): sessionStorage, so
// it survives a reload and moving between articles but not a fresh start.
import { useCallback, useState } from 'react'

function read(key: string, fallback: boolean): boolean {
  try {
    const stored = sessionStorage.getItem(key)
    return stored === null ? fallback : stored === 'true'
  } catch {
    return fallback
  }
}

export function useSessionFlag(key: string, fallback: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => read(key, fallback))
  const set = useCallback(
    (next: boolean) => {
      setValue(next)
      try {
        sessionStorage.setItem(key, String(next))
      } catch {
        // Storage may be unavailable (private mode); the flag then lasts until the window closes.
      }
    },
    [key],
  )
  return [value, set]
}
