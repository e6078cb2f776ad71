/**
 * The browser's file pickers: two hidden `<input type="file">` elements (files, and a folder with
 * `webkitdirectory`), kept in the document so automation can also set their files directly. A pick resolves
 * with what the user chose, or null when they cancel; files that arrive on an input nobody asked (set by a
 * test or an assistive tool) go to the listeners registered with `onFiles`.
 */
import type { PickKind } from './intake-port';

export const FILES_INPUT_LABEL = 'Files to import';
export const FOLDER_INPUT_LABEL = 'Folder to import';

export interface InputFileChooser {
  choose(kind: PickKind): Promise<File[] | null>;
  onFiles(listener: (files: File[]) => void): () => void;
  dispose(): void;
}

export function createInputFileChooser(doc: Document): InputFileChooser {
  const listeners = new Set<(files: File[]) => void>();
  let pending: { resolve(files: File[] | null): void } | null = null;

  const settle = (files: File[] | null) => {
    const waiting = pending;
    pending = null;
    if (waiting) waiting.resolve(files);
    else if (files && files.length > 0) for (const listener of [...listeners]) listener(files);
  };

  const makeInput = (kind: PickKind): HTMLInputElement => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.hidden = true;
    input.tabIndex = -1;
    input.className = 'intake-input';
    input.setAttribute('aria-label', kind === 'folder' ? FOLDER_INPUT_LABEL : FILES_INPUT_LABEL);
    input.dataset.vigilIntake = kind;
    if (kind === 'folder') {
      input.webkitdirectory = true;
      input.setAttribute('webkitdirectory', '');
    }
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []);
      input.value = ''; // the same file can be chosen again
      settle(files.length > 0 ? files : null);
    });
    input.addEventListener('cancel', () => settle(null));
    doc.body.appendChild(input);
    return input;
  };

  const inputs: Record<PickKind, HTMLInputElement> = { files: makeInput('files'), folder: makeInput('folder') };

  return {
    choose(kind) {
      // A pick the browser never reported back (no cancel event) must not keep the next one waiting.
      pending?.resolve(null);
      return new Promise((resolve) => {
        pending = { resolve };
        inputs[kind].click();
      });
    },
    onFiles(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      inputs.files.remove();
      inputs.folder.remove();
      listeners.clear();
    },
  };
}
