import { useCallback, useEffect, useRef, useState } from 'react';
import { ChangesProvider } from './changes/ChangesProvider';
import { useIntake } from './intake/use-intake';
import type { Actor } from '../shared/dto';
import { ExhibitsView } from './exhibits/ExhibitsView';
import { ItemsView } from './items/ItemsView';
import { JobEndings } from './jobs/JobEndings';
import { JobsPanel } from './jobs/JobsPanel';
import { PersonsCsv } from './jobs/PersonsCsv';
import { JobsContext, useJobs } from './jobs/use-jobs';
import { PersonsView } from './persons/PersonsView';
import { PlacesView } from './places/PlacesView';
import { SearchView } from './search/SearchView';
import { ActorPrompt } from './shell/ActorPrompt';
import { DetailPanel } from './shell/DetailPanel';
import { OpenRecordContext, type OpenableType } from './shell/open-record-context';
import { Navigation } from './shell/Navigation';
import type { Selection, ViewId } from './shell/selection';
import { StatusBar } from './shell/StatusBar';
import { useCatalogueStatus } from './shell/use-catalogue-status';
import { useSearchShortcut } from './shell/use-global-shortcuts';
import { TagsProvider } from './tags/TagsProvider';
import { ErrorMessage } from './ui/ErrorMessage';
import { VocabulariesProvider } from './ui/VocabulariesProvider';

/** Which record of a given kind is selected, for highlighting its row. */
function selectedId(selection: Selection | null, kind: Selection['kind']): number | null {
  return selection && selection.kind === kind ? selection.record.id : null;
}

/** The desktop layout (DESIGN.md §12): navigation, the current view, the detail panel, the status bar. */
export function App() {
  const { status, error: statusError, reload, showActor } = useCatalogueStatus();
  const jobs = useJobs();
  const [view, setView] = useState<ViewId>('items');
  const [selection, setSelection] = useState<Selection | null>(null);
  const [query, setQuery] = useState('');
  const [focusRequest, setFocusRequest] = useState(0);
  // The prompt shows by itself while no actor is set, unless put off for now; "Change" reopens it.
  const [actorPromptDismissed, setActorPromptDismissed] = useState(false);
  const [changingActor, setChangingActor] = useState(false);
  // A change refused for want of an actor waits here while the archivist answers the prompt.
  const actorWaiter = useRef<((saved: boolean) => void) | null>(null);
  // While a change waits, the prompt is a modal of its own (the change may come from another modal dialog).
  const [changeWaiting, setChangeWaiting] = useState(false);
  const requestActor = useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        actorWaiter.current?.(false);
        actorWaiter.current = resolve;
        setChangeWaiting(true);
        setChangingActor(true);
        setActorPromptDismissed(false);
      }),
    [],
  );
  const answerActor = (saved: boolean) => {
    actorWaiter.current?.(saved);
    actorWaiter.current = null;
    setChangeWaiting(false);
  };
  const openRecord = useCallback((type: OpenableType, id: number) => setSelection({ kind: 'open', record: { type, id } }), []);

  // An import asks the same question before it reads a single file, when nobody is named yet.
  const intake = useIntake();
  const actorKnown = useRef(false);
  actorKnown.current = status?.actor != null;
  useEffect(() => {
    intake.setActorGate(async () => actorKnown.current || requestActor());
    return () => intake.setActorGate(null);
  }, [intake.setActorGate, requestActor]);

  const navigate = useCallback(
    (next: ViewId) => {
      if (next !== view) setSelection(null);
      setView(next);
      if (next === 'search') setFocusRequest((n) => n + 1);
    },
    [view],
  );

  useSearchShortcut(() => navigate('search'));

  const onActorSaved = (actor: Actor) => {
    setChangingActor(false);
    setActorPromptDismissed(false);
    showActor(actor);
    void reload();
    answerActor(true);
  };

  const showActorPrompt = status !== null && (changingActor || (status.actor === null && !actorPromptDismissed));

  return (
    <VocabulariesProvider>
      <TagsProvider>
        <ChangesProvider requestActor={requestActor}>
          <OpenRecordContext.Provider value={openRecord}>
          <JobsContext.Provider value={jobs}>
            <div className="app">
            <Navigation current={view} counts={status?.counts ?? null} onNavigate={navigate} />
            <main className="content">
              {showActorPrompt && (
                <ActorPrompt
                  waiting={changeWaiting}
                  current={status.actor}
                  onSaved={onActorSaved}
                  onDismiss={() => {
                    setChangingActor(false);
                    setActorPromptDismissed(true);
                    answerActor(false);
                  }}
                />
              )}
              {statusError && (
                <div className="banner banner-error">
                  <ErrorMessage message={`Vigil could not read the catalogue: ${statusError}`} />
                  <button type="button" className="secondary-button" onClick={() => void reload()}>
                    Try again
                  </button>
                </div>
              )}
              {view === 'items' && (
                <ItemsView selectedId={selectedId(selection, 'item')} onSelect={(record) => setSelection({ kind: 'item', record })} />
              )}
              {view === 'persons' && (
                <PersonsCsv>
                  {(csv) => (
                    <PersonsView
                      selectedId={selectedId(selection, 'person')}
                      onSelect={(record) => setSelection({ kind: 'person', record })}
                      onImportCsv={csv?.importCsv}
                      onExportCsv={csv?.exportCsv}
                    />
                  )}
                </PersonsCsv>
              )}
              {view === 'places' && (
                <PlacesView selectedId={selectedId(selection, 'place')} onSelect={(record) => setSelection({ kind: 'place', record })} />
              )}
              {view === 'exhibits' && (
                <ExhibitsView
                  selectedId={selectedId(selection, 'exhibitSet')}
                  onSelect={(record) => setSelection({ kind: 'exhibitSet', record })}
                />
              )}
              {view === 'search' && (
                <SearchView
                  query={query}
                  onQueryChange={setQuery}
                  focusRequest={focusRequest}
                  openedKey={selection?.kind === 'hit' ? `${selection.record.type}:${selection.record.id}` : null}
                  onOpen={(record) => setSelection({ kind: 'hit', record })}
                />
              )}
            </main>
            <DetailPanel selection={selection} />
            <JobsPanel running={jobs.running} />
            <JobEndings jobs={jobs} />
            <StatusBar
              status={status}
              error={statusError}
              jobs={jobs}
              onChangeActor={() => {
                setChangingActor(true);
                setActorPromptDismissed(false);
              }}
            />
          </div>
          </JobsContext.Provider>
          </OpenRecordContext.Provider>
        </ChangesProvider>
      </TagsProvider>
    </VocabulariesProvider>
  );
}
