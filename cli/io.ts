// Where the command line writes: stdout for results, stderr for progress and errors.
export interface CliIo {
  /** false: the reader is behind (a pipe); wait for `drained` before writing much more. */
  out: (text: string) => unknown;
  drained?: () => Promise<void>;
  err: (text: string) => void;
  /** A terminal on stderr: show a progress bar for folders. */
  tty?: boolean;
}

export const defaultIo: CliIo = {
  out: (s) => process.stdout.write(s),
  drained: () => new Promise((resolve) => process.stdout.once("drain", resolve)),
  err: (s) => process.stderr.write(s),
  tty: Boolean(process.stderr.isTTY),
};

/** A reader that stops early (`ntm ... | head`) closes the pipe: end quietly, as other tools do. */
export function endQuietlyOnClosedPipe(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}
