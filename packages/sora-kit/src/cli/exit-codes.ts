/** Exit codes of the `sora-kit` command (documented in docs/cli.md). */
export const EXIT_CODES = {
  /** Done. */
  ok: 0,
  /** The job failed, or the service answered with an error. */
  failed: 1,
  /** Bad usage, or a request the backend does not accept (nothing was sent). */
  usage: 2,
  /** `--timeout` passed before the job finished (the remote job goes on). */
  timeout: 3,
  /** Interrupted (SIGINT); the remote job goes on. */
  aborted: 130,
} as const;
