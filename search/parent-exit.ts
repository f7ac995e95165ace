/**
 * Ends engine children when their parent process goes away without calling stop(). Node runs 'exit' handlers
 * on a normal exit or process.exit(), but its default reaction to SIGTERM, SIGINT and SIGHUP ends the process
 * without them, and a dev watcher or a process manager sends exactly those. One set of listeners serves every
 * live engine in the process.
 */
const TERMINATING = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
const live = new Set<() => void>();

function endAll(): void {
  for (const kill of live) kill();
}

// When the app listens for the signal too, it is shutting down gracefully and will call stop() in its own
// time (in-flight searches still need the engine). Otherwise: end the engines, then die of the same signal,
// as the process would have without this listener.
function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  endAll();
  live.clear();
  detach();
  process.kill(process.pid, signal);
}

function detach(): void {
  process.off('exit', endAll);
  for (const signal of TERMINATING) process.off(signal, onSignal);
}

/** Registers a synchronous kill for the parent's exit; returns the function that unregisters it. */
export function killOnParentExit(kill: () => void): () => void {
  if (live.size === 0) {
    process.on('exit', endAll);
    for (const signal of TERMINATING) process.on(signal, onSignal);
  }
  live.add(kill);
  return () => {
    if (!live.delete(kill)) return;
    if (live.size === 0) detach();
  };
}
