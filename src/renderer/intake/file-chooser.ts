/**
 * The browser's file pickers: three hidden `<input type="file">` elements (files, a folder with
 * `webkitdirectory`, and one CSV file of persons), kept in the document so automation can also set their
 * files directly. A pick resolves with what the user chose, or null when they cancel; files that arrive on
 * the files or folder input when nobody asked (set by a test or an assistive tool) go to the listeners
 * registered with `onFiles`, to be imported. A CSV file nobody asked for is ignored: it needs its preview.
 */
import type { ChooseKind } from './intake-port';

export const FILES_INPUT_LABEL = 'Files to import';
export const FOLDER_INPUT_LABEL = 'Folder to import';
export const CSV_INPUT_LABEL = 'CSV file of persons to import';

export interface InputFileChooser {
  choose(kind: ChooseKind): Promise<File[] | null>;
  onFiles(listener: (files: File[]) => void): () => void;
  dispose(): void;
}

export function createInputFileChooser(doc: Document): InputFileChooser {
  const listeners = new Set<(files: File[]) => void>();
  let pending: { kind: ChooseKind; resolve(files: File[] | null): void } | null = null;

  const settle = (kind: ChooseKind, files: File[] | null) => {
    const waiting = pending?.kind === kind ? pending : null;
    if (waiting) pending = null;
    if (waiting) waiting.resolve(files);
    else if (kind !== 'csv' && files && files.length > 0) for (const listener of [...listeners]) listener(files);
  };

  const labels: Record<ChooseKind, string> = { files: FILES_INPUT_LABEL, folder: FOLDER_INPUT_LABEL, csv: CSV_INPUT_LABEL };

  const makeInput = (kind: ChooseKind): HTMLInputElement => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.multiple = kind !== 'csv';
    input.hidden = true;
    input.tabIndex = -1;
    input.className = 'intake-input';
    input.setAttribute('aria-label', labels[kind]);
    input.dataset.vigilIntake = kind;
    if (kind === 'folder') {
      input.webkitdirectory = true;
      input.setAttribute('webkitdirectory', '');
    }
    if (kind === 'csv') input.accept = '.csv,text/csv';
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []);
      input.value = ''; // the same file can be chosen again
      settle(kind, files.length > 0 ? files : null);
    });
    input.addEventListener('cancel', () => settle(kind, null));
    doc.body.appendChild(input);
    return input;
  };

  const inputs: Record<ChooseKind, HTMLInputElement> = { files: makeInput('files'), folder: makeInput('folder'), csv: makeInput('csv') };

  return {
    choose(kind) {
      // A pick the browser never reported back (no cancel event) must not keep the next one waiting.
      pending?.resolve(null);
      return new Promise((resolve) => {
        pending = { kind, resolve };
        inputs[kind].click();
      });
    },
    onFiles(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      for (const input of Object.values(inputs)) input.remove();
      listeners.clear();
    },
  };
}
