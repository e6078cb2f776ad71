/** Long work: cancelling jobs, and verify (the check of the whole catalogue), which is one. */
import type { EveryMethodListed, JobRef, NoArgs } from './common';

export interface JobsApi {
  /** Asks a running job to stop; what is finished stays, the unit in progress is rolled back. */
  cancelJob(args: JobRef): Promise<{ cancelled: boolean }>;
  /** Starts checking the database, every vault file and the custody log; the report is the job's summary. */
  verify(args?: NoArgs): Promise<JobRef>;
}

export const jobsMethods = ['cancelJob', 'verify'] as const satisfies readonly (keyof JobsApi)[];
const _jobs: EveryMethodListed<JobsApi, typeof jobsMethods> = true;
void _jobs;
