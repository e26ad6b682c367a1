import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createActor, type AnyStateMachine, type Actor, type SnapshotFrom } from 'xstate';

/**
 * Runs a machine for the lifetime of the component and re-renders on every snapshot
 * (@xstate/react is not a dependency; this is the part of it we need).
 *
 * A stopped xstate actor never processes events again. React's StrictMode (development builds only)
 * mounts, unmounts and mounts every component once, so the second mount must not reuse the actor the
 * first unmount stopped: it gets a new one that carries on from the stopped one's last state. Without
 * this the dev server showed an app whose tabs ignored every click.
 *
 * `initialSnapshot` (a persisted snapshot, e.g. restored after a reload) is used for the first actor.
 */
export function useMachineActor<M extends AnyStateMachine>(machine: M, initialSnapshot?: unknown): [SnapshotFrom<M>, Actor<M>['send']] {
  const actorRef = useRef<Actor<M> | null>(null);
  if (actorRef.current === null) actorRef.current = createMachineActor(machine, initialSnapshot);
  const stoppedSnapshot = useRef<unknown>(undefined);
  const [, setGeneration] = useState(0);

  useEffect(() => {
    if (stoppedSnapshot.current !== undefined) {
      actorRef.current = createMachineActor(machine, stoppedSnapshot.current);
      stoppedSnapshot.current = undefined;
      setGeneration((g) => g + 1);
    }
    const actor = actorRef.current!;
    actor.start();
    return () => {
      // Taken before stop(): a snapshot persisted after it would restore as a stopped actor.
      stoppedSnapshot.current = actor.getPersistedSnapshot();
      actor.stop();
    };
  }, [machine]);

  const actor = actorRef.current;
  const snapshot = useSyncExternalStore(
    (onChange) => {
      const sub = actor.subscribe(onChange);
      return () => sub.unsubscribe();
    },
    () => actor.getSnapshot(),
  );
  return [snapshot as SnapshotFrom<M>, actor.send.bind(actor)];
}

function createMachineActor<M extends AnyStateMachine>(machine: M, snapshot: unknown): Actor<M> {
  if (snapshot === undefined) return createActor(machine);
  try {
    // The persisted snapshot's type depends on M; createActor's overloads cannot see that through a generic.
    const options = { snapshot } as Parameters<typeof createActor<AnyStateMachine>>[1];
    return createActor(machine as AnyStateMachine, options) as unknown as Actor<M>;
  } catch {
    // A snapshot from an older version of the machine: start afresh rather than fail.
    return createActor(machine);
  }
}
