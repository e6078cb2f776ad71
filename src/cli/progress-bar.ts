/**
 * The terminal progress bar for long runs (cli-progress), drawn on stderr and only when stderr is a
 * terminal: piped output gets nothing extra (DESIGN.md §9).
 */
import cliProgress from 'cli-progress';
import { terminalText } from './terminal-text';
import type { ImportProgress } from '../core/ingest/import-service';

export interface ProgressView {
  update(progress: ImportProgress): void;
  stop(): void;
}

const MB = 1024 * 1024;

export function createImportProgressBar(stream: NodeJS.WritableStream & { isTTY?: boolean }): ProgressView {
  if (!stream.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{phase} [{bar}] {value}/{total} {unit} | {mb} MB | {rate} MB/s | ETA {eta_formatted} | {current}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let phase: ImportProgress['phase'] = 'importing';
  const t0 = Date.now();
  return {
    update(p) {
      if (p.phase === 'previews') {
        // A second bar for the previews: the files themselves are all in by now.
        if (phase !== 'previews') {
          phase = 'previews';
          bar.setTotal(p.previewsTotal);
          bar.update(0);
        }
        bar.update(p.previewsDone, { phase: 'Making previews', unit: 'images', current: '' });
        return;
      }
      const payload = {
        phase: 'Importing',
        unit: 'files',
        mb: (p.bytesDone / MB).toFixed(1),
        rate: (p.bytesDone / MB / Math.max(0.001, (Date.now() - t0) / 1000)).toFixed(1),
        // Control characters in a file name must not move the cursor or recolour the terminal.
        current: terminalText(p.current ?? '').slice(-50),
      };
      if (!started) {
        bar.start(p.total ?? 0, p.done, payload);
        started = true;
      } else {
        bar.setTotal(p.total ?? 0);
        bar.update(p.done, payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
