import { useBootTestStore } from '../../stores/bootTestStore';
import { useJobsStore } from '../../stores/jobsStore';

/** One boot test at a time: another waits for this one's end (or its refusal). */
export function useBootTestBusy(): boolean {
  const jobId = useBootTestStore((state) => state.jobId);
  const starting = useBootTestStore(
    (state) => state.target !== null && state.startError === null && state.jobId === null,
  );
  const running = useJobsStore((state) => (jobId ? state.jobs[jobId]?.state === 'running' : false));
  return starting || running;
}
