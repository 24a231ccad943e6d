// Ctrl-C during a folder run: finish the file in hand (its copy is written whole or not at all),
// then stop and still write the combined report of what was done, marked partial. A second
// Ctrl-C ends at once. Signals arrive only between files: the work on one file is synchronous.
import { setImmediate as turn } from "node:timers/promises";

export interface Interruption {
  /** Ctrl-C was pressed: evaluate no more files. */
  readonly requested: boolean;
  /** Lets a pending Ctrl-C in (an event-loop turn). */
  checkpoint(): Promise<void>;
  dispose(): void;
}

export function watchInterruption(onFirst: () => void): Interruption {
  let requested = false;
  const handler = () => {
    // 130: the shell's code for a run ended by Ctrl-C.
    if (requested) process.exit(130);
    requested = true;
    onFirst();
  };
  process.on("SIGINT", handler);
  return {
    get requested() {
      return requested;
    },
    checkpoint: async () => {
      await turn();
    },
    dispose: () => {
      process.off("SIGINT", handler);
    },
  };
}
