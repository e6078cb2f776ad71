/**
 * The terminal progress bar for long runs (cli-progress), drawn on stderr and only when stderr is a
 * terminal: piped output gets nothing extra (DESIGN.md §9).
 */
import cliProgress from 'cli-progress';
import { terminalText } from './terminal-text';
import type { ImportProgress, JobProgress } from '../shared/dto';

export interface ProgressView {
  update(progress: ImportProgress): void;
  stop(): void;
}

const MB = 1024 * 1024;

function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function createImportProgressBar(stream: NodeJS.WritableStream & { isTTY?: boolean }): ProgressView {
  if (!stream.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      // The count and the time left are written here: until the sources are listed, the total is not known.
      format: '{phase} [{bar}] {value}/{of} {unit} | {mb} MB | {rate} MB/s | {left} | {current}',
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
        bar.update(p.previewsDone, { phase: 'Making previews', unit: 'images', of: p.previewsTotal, left: '', current: '' });
        return;
      }
      const bytesPerSecond = p.bytesDone / Math.max(0.001, (Date.now() - t0) / 1000);
      const payload = {
        phase: 'Importing',
        unit: 'files',
        of: p.total ?? '?',
        mb: (p.bytesDone / MB).toFixed(1),
        rate: (bytesPerSecond / MB).toFixed(1),
        left:
          p.bytesTotal === null
            ? 'counting files…'
            : bytesPerSecond > 0
              ? `about ${formatSeconds((p.bytesTotal - p.bytesDone) / bytesPerSecond)} left`
              : 'estimating time left…',
        // Control characters in a file name must not move the cursor or recolour the terminal.
        current: terminalText(p.current ?? '').slice(-50),
      };
      // Until the total is known the bar stays empty (a total it cannot reach), rather than full (a total of 0).
      const total = p.total ?? Number.MAX_SAFE_INTEGER;
      if (!started) {
        bar.start(total, p.done, payload);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(p.done, payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** A bar for the other long runs (CSV import and export, verify): a count of rows or files and the time left. */
export function createJobProgressBar(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  labels: { phase: string; unit: string },
): { update(progress: JobProgress): void; stop(): void } {
  if (!stream.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream, format: '{phase} [{bar}] {value}/{of} {unit} | {left} | {current}', hideCursor: true, clearOnComplete: true, fps: 10 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const t0 = Date.now();
  return {
    update(p) {
      const perSecond = p.done / Math.max(0.001, (Date.now() - t0) / 1000);
      const payload = {
        ...labels,
        of: p.total ?? '?',
        left: p.total === null ? 'counting…' : perSecond > 0 ? `about ${formatSeconds((p.total - p.done) / perSecond)} left` : 'estimating time left…',
        current: terminalText(p.current ?? '').slice(-50),
      };
      const total = p.total ?? Number.MAX_SAFE_INTEGER;
      if (!started) {
        bar.start(total, p.done, payload);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(p.done, payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
