import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { JobRef } from '../../shared/api';
import type { ImportProblem } from '../../shared/dto';
import { errorMessage } from '../ui/error-message';
import { captureDrop, type DroppedItems, type IntakeOptions, type IntakePort, type PickKind, type UploadProgress } from './intake-port';
import { IntakeContext, type Intake } from './use-intake';

const noProblems: ImportProblem[] = [];

function carriesFiles(event: DragEvent): boolean {
  const types = event.dataTransfer?.types;
  return types ? Array.from(types).includes('Files') : false;
}

/**
 * Owns the window's intake: runs imports through the port the composition root picked, tracks the upload
 * phase, and turns the whole window into a drop target (DESIGN.md §12: dropping files anywhere starts an
 * import), with an overlay while files are dragged over it.
 */
export function IntakeProvider({
  port,
  chooser,
  children,
}: {
  port: IntakePort | null;
  /** Files set on the hidden inputs without a pick in progress still get imported. */
  chooser?: { onFiles(listener: (files: File[]) => void): () => void };
  children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const [upload, setUpload] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, ImportProblem[]>>({});
  const [unstarted, setUnstarted] = useState<ImportProblem[] | null>(null);
  const [dragging, setDragging] = useState(false);
  const busyRef = useRef(false);
  const abort = useRef<AbortController | null>(null);
  const actorGate = useRef<(() => Promise<boolean>) | null>(null);
  const setActorGate = useCallback((gate: (() => Promise<boolean>) | null) => {
    actorGate.current = gate;
  }, []);

  const run = useCallback(
    async (start: (options: IntakeOptions) => Promise<JobRef | null>) => {
      if (!port) {
        setError('Importing is not available in this window. Use "vigil import PATH" on the command line.');
        return;
      }
      if (busyRef.current) {
        setError('Vigil is still preparing the previous import. Try again once it has started.');
        return;
      }
      busyRef.current = true;
      // Before any file is read or uploaded: an import the archivist cannot put a name to does not start.
      if (actorGate.current && !(await actorGate.current())) {
        busyRef.current = false;
        setNotice('Nothing was imported: Vigil records who imports every file. Say who is cataloguing, then import again.');
        return;
      }
      const controller = new AbortController();
      abort.current = controller;
      const found: ImportProblem[] = [];
      setBusy(true);
      setError(null);
      setNotice(null);
      setUnstarted(null);
      try {
        const job = await start({ onUploadProgress: setUpload, onProblem: (problem) => found.push(problem), signal: controller.signal });
        if (controller.signal.aborted) setNotice('Upload cancelled: nothing was imported.');
        else if (job && found.length > 0) setProblems((previous) => ({ ...previous, [job.jobId]: found }));
        else if (!job && found.length > 0) setUnstarted(found);
      } catch (caught) {
        if (controller.signal.aborted) setNotice('Upload cancelled: nothing was imported.');
        else setError(`The import could not start: ${errorMessage(caught)}`);
      } finally {
        busyRef.current = false;
        abort.current = null;
        setBusy(false);
        setUpload(null);
      }
    },
    [port],
  );

  const importFiles = useCallback((files: File[]) => void run((options) => port!.importFiles(files, options)), [port, run]);
  const importDropped = useCallback((drop: DroppedItems) => void run((options) => port!.importDropped(drop, options)), [port, run]);
  const pick = useCallback((kind: PickKind) => void run((options) => port!.pickAndImport(kind, options)), [port, run]);
  const cancelUpload = useCallback(() => abort.current?.abort(), []);
  const dismiss = useCallback(() => {
    setError(null);
    setNotice(null);
    setUnstarted(null);
  }, []);

  useEffect(() => chooser?.onFiles((files) => importFiles(files)), [chooser, importFiles]);

  // The whole window is a drop target. The counter pairs dragenter/dragleave of nested elements.
  useEffect(() => {
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault(); // without this the browser would open the file instead of dropping it here
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      if (!event.dataTransfer) return;
      const drop = captureDrop(event.dataTransfer); // now: the browser empties the DataTransfer afterwards
      if (drop.files.length === 0 && drop.entries.length === 0) return;
      importDropped(drop);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [importDropped]);

  const problemsFor = useCallback((jobId: string) => problems[jobId] ?? noProblems, [problems]);

  const value = useMemo<Intake>(
    () => ({
      available: port !== null,
      transport: port?.transport ?? null,
      csv: port?.csv ?? null,
      busy,
      upload,
      error,
      notice,
      problemsFor,
      unstarted,
      importFiles,
      importDropped,
      pick,
      cancelUpload,
      dismiss,
      setActorGate,
    }),
    [port, busy, upload, error, notice, problemsFor, unstarted, importFiles, importDropped, pick, cancelUpload, dismiss, setActorGate],
  );

  return (
    <IntakeContext.Provider value={value}>
      {children}
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay">
          <div className="drop-overlay-box">
            <p className="drop-overlay-title">{port ? 'Drop files or folders to import them' : 'Importing is not available in this window'}</p>
            {port && (
              <p className="drop-overlay-body">
                Each file is copied into the vault unchanged, hashed, and recorded in the custody log.
              </p>
            )}
          </div>
        </div>
      )}
    </IntakeContext.Provider>
  );
}
