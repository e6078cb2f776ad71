import { createContext, useContext } from 'react';
import type { ImportProblem } from '../../shared/dto';
import type { CsvTransfer, DroppedItems, PickKind, UploadProgress } from './intake-port';

/** What components see of the intake: actions that never throw, and the state of the one being prepared. */
export interface Intake {
  /** False when this window cannot import (an older desktop preload); the buttons say so. */
  available: boolean;
  transport: 'upload' | 'paths' | null;
  /** CSV files of persons in and out of this window; null when it cannot carry them. */
  csv: CsvTransfer | null;
  /** True from the moment files are handed over until the import job has started. */
  busy: boolean;
  /** Uploading to the web host, before the job takes over. */
  upload: UploadProgress | null;
  /** Why the last import could not start. */
  error: string | null;
  /** Something to tell that is not an error (an upload cancelled by the user). */
  notice: string | null;
  /** Files of a started job that never reached it (not uploaded, not on this computer). */
  problemsFor(jobId: string): ImportProblem[];
  /** An import that started no job at all because every file had a problem. */
  unstarted: ImportProblem[] | null;
  importFiles(files: File[]): void;
  importDropped(drop: DroppedItems): void;
  pick(kind: PickKind): void;
  cancelUpload(): void;
  dismiss(): void;
  /**
   * Sets what an import asks before it starts: the App's check that someone is named as the actor (issue 8:
   * nothing is imported anonymously), which asks the archivist when nobody is. False: nothing is imported.
   */
  setActorGate(gate: (() => Promise<boolean>) | null): void;
}

const noProblems: ImportProblem[] = [];

export const unavailableIntake: Intake = {
  available: false,
  transport: null,
  csv: null,
  busy: false,
  upload: null,
  error: null,
  notice: null,
  problemsFor: () => noProblems,
  unstarted: null,
  importFiles: () => undefined,
  importDropped: () => undefined,
  pick: () => undefined,
  cancelUpload: () => undefined,
  dismiss: () => undefined,
  setActorGate: () => undefined,
};

export const IntakeContext = createContext<Intake>(unavailableIntake);

export function useIntake(): Intake {
  return useContext(IntakeContext);
}
