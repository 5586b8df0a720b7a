// Search and the library's sort and filters, as the window uses them: the state of the search
// box and its results, the progress of the index, the list's order and filters — and the pieces
// the library pane shows for them. The App creates the SearchPages (so its bookmark, rename and
// import handlers can patch and refresh results) and hands it here.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { ArticleSummary, Language } from '../../../preload/contract'
import { isNarrowed, type LibraryPages, type LibraryView } from '../libraryPages'
import { FilteredEmpty, LibraryFilterBar } from './LibraryFilterBar'
import { SearchBar } from './SearchBar'
import type { SearchPages } from './searchPages'
import { SearchResults } from './SearchResults'
import { useIndexingProgress } from './useIndexingProgress'

export interface LibrarySearchOptions {
  search: SearchPages
  library: LibraryPages
  archiveTotal: number
  language: Language
  openId: string | null
  /** Bumped when the list should take the focus back (leaving the reader). */
  listFocus: number
  onOpen: (summary: ArticleSummary) => void
  onToggleBookmark: (summary: ArticleSummary) => void
}

export function useLibrarySearch(options: LibrarySearchOptions) {
  const { search, library, archiveTotal, language, openId, listFocus, onOpen, onToggleBookmark } = options
  const snapshot = useSyncExternalStore(search.subscribe, search.getSnapshot)
  const indexing = useIndexingProgress()
  const [boxFocus, setBoxFocus] = useState(0)
  const [helpRequest, setHelpRequest] = useState(0)
  const [resultsFocus, setResultsFocus] = useState(0)
  const [selected, setSelected] = useState(0)
  const [view, setView] = useState<LibraryView>(library.view)
  const active = snapshot.query.trim() !== ''

  useEffect(() => () => search.dispose(), [search])

  // A finished build may find more: the results on screen are searched again.
  const wasIndexing = useRef(false)
  useEffect(() => {
    if (wasIndexing.current && !indexing) void search.refresh()
    wasIndexing.current = indexing !== null
  }, [indexing, search])

  // Leaving the reader puts the focus back on the selected result, as it does on the list.
  const [seenListFocus, setSeenListFocus] = useState(listFocus)
  if (listFocus !== seenListFocus) {
    setSeenListFocus(listFocus)
    if (active) setResultsFocus((n) => n + 1)
  }

  const setQuery = useCallback(
    (query: string) => {
      setSelected(0)
      void search.setQuery(query)
    },
    [search],
  )

  const changeView = useCallback(
    (next: LibraryView) => {
      setView(next)
      void library.setView(next)
    },
    [library],
  )

  return {
    /** Ctrl/Cmd+F, /: the search box takes the focus. */
    focus: useCallback(() => setBoxFocus((n) => n + 1), []),
    /** The list's order and filters now, and a way to change them from elsewhere (the Feeds view). */
    view,
    setView: changeView,
    active,
    paneProps: {
      searchBar: (
        <SearchBar
          query={snapshot.query}
          sort={snapshot.sort}
          indexing={indexing}
          focusRequest={boxFocus}
          helpRequest={helpRequest}
          onQuery={setQuery}
          onSort={(sort) => {
            setSelected(0)
            void search.setSort(sort)
          }}
          onEnterResults={() => setResultsFocus((n) => n + 1)}
        />
      ),
      searchResults: active ? (
        <SearchResults
          search={search}
          snapshot={snapshot}
          language={language}
          openId={openId}
          selectedIndex={selected}
          focusRequest={resultsFocus}
          onSelect={setSelected}
          onOpen={onOpen}
          onToggleBookmark={onToggleBookmark}
          onHelp={() => setHelpRequest((n) => n + 1)}
        />
      ) : undefined,
      filterBar: <LibraryFilterBar view={view} onView={changeView} archiveTotal={archiveTotal} />,
      filteredEmpty: isNarrowed(view) ? <FilteredEmpty onClear={() => changeView({ sort: view.sort })} /> : undefined,
    },
  }
}
