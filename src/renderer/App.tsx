import { useCallback, useRef, useState } from 'react';
import { ChangesProvider } from './changes/ChangesProvider';
import type { Actor } from '../shared/dto';
import { ExhibitsView } from './exhibits/ExhibitsView';
import { useIntake } from './intake/use-intake';
import { ItemsView } from './items/ItemsView';
import { ImportSummaryDialog, type SummaryContent } from './jobs/ImportSummaryDialog';
import { JobsPanel } from './jobs/JobsPanel';
import { isImportJob, useJobs, type TrackedImport } from './jobs/use-jobs';
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

/** A finished job's summary, with the files that never reached it (not uploaded) counted as failed. */
function summaryOf(job: TrackedImport, notUploaded: SummaryContent['failed']): SummaryContent {
  const summary = job.summary;
  return {
    state: job.state === 'running' ? 'done' : job.state,
    imported: summary?.imported ?? 0,
    duplicates: summary?.duplicates ?? 0,
    failed: [...notUploaded, ...(summary?.failed ?? [])],
    warnings: summary?.warnings ?? [],
    error: job.error ?? null,
  };
}

/** The desktop layout (DESIGN.md §12): navigation, the current view, the detail panel, the status bar. */
export function App() {
  const { status, error: statusError, reload, showActor } = useCatalogueStatus();
  const jobs = useJobs();
  const intake = useIntake();
  const [view, setView] = useState<ViewId>('items');
  const [selection, setSelection] = useState<Selection | null>(null);
  const [query, setQuery] = useState('');
  const [focusRequest, setFocusRequest] = useState(0);
  // The prompt shows by itself while no actor is set, unless put off for now; "Change" reopens it.
  const [actorPromptDismissed, setActorPromptDismissed] = useState(false);
  const [changingActor, setChangingActor] = useState(false);
  // A change refused for want of an actor waits here while the archivist answers the prompt.
  const actorWaiter = useRef<((saved: boolean) => void) | null>(null);
  const requestActor = useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        actorWaiter.current?.(false);
        actorWaiter.current = resolve;
        setChangingActor(true);
        setActorPromptDismissed(false);
      }),
    [],
  );
  const answerActor = (saved: boolean) => {
    actorWaiter.current?.(saved);
    actorWaiter.current = null;
  };
  const openRecord = useCallback((type: OpenableType, id: number) => setSelection({ kind: 'open', record: { type, id } }), []);

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

  // Only imports end with a summary so far; other kinds of job finish in the status bar.
  const finishedImport = jobs.unread.find(isImportJob) ?? null;
  const summary: { content: SummaryContent; close(): void } | null = intake.unstarted
    ? {
        content: { state: 'not-started', imported: 0, duplicates: 0, failed: intake.unstarted, warnings: [] },
        close: intake.dismiss,
      }
    : finishedImport
      ? { content: summaryOf(finishedImport, intake.problemsFor(finishedImport.jobId)), close: () => jobs.dismiss(finishedImport.jobId) }
      : null;

  const showActorPrompt = status !== null && (changingActor || (status.actor === null && !actorPromptDismissed));

  return (
    <VocabulariesProvider>
      <TagsProvider>
        <ChangesProvider requestActor={requestActor}>
          <OpenRecordContext.Provider value={openRecord}>
            <div className="app">
            <Navigation current={view} counts={status?.counts ?? null} onNavigate={navigate} />
            <main className="content">
              {showActorPrompt && (
                <ActorPrompt
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
                <PersonsView selectedId={selectedId(selection, 'person')} onSelect={(record) => setSelection({ kind: 'person', record })} />
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
            {summary && (
              <ImportSummaryDialog
                key={intake.unstarted ? 'not-started' : finishedImport?.jobId}
                content={summary.content}
                onClose={summary.close}
              />
            )}
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
          </OpenRecordContext.Provider>
        </ChangesProvider>
      </TagsProvider>
    </VocabulariesProvider>
  );
}
