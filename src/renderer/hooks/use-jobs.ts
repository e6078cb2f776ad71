import { useState } from 'react';
import type { VigilEvent } from '../../shared/dto';
import { useVigilEvent } from './use-vigil-event';

export type JobProgress = Extract<VigilEvent, { type: 'job-progress' }>;

/** Jobs still running, in the order they started, plus the one that finished last (for its outcome). */
export interface JobsState {
  running: JobProgress[];
  lastFinished: JobProgress | null;
}

export function useJobs(): JobsState {
  const [state, setState] = useState<JobsState>({ running: [], lastFinished: null });
  useVigilEvent((event) => {
    if (event.type !== 'job-progress') return;
    setState((previous) => {
      const others = previous.running.filter((job) => job.jobId !== event.jobId);
      if (event.state === 'running') {
        const index = previous.running.findIndex((job) => job.jobId === event.jobId);
        const running = index < 0 ? [...others, event] : previous.running.map((job, i) => (i === index ? event : job));
        return { ...previous, running };
      }
      return { running: others, lastFinished: event };
    });
  });
  return state;
}
