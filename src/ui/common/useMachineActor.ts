import { useEffect, useState, useSyncExternalStore } from 'react';
import { createActor, type AnyStateMachine, type Actor, type SnapshotFrom } from 'xstate';

/**
 * Runs a machine for the lifetime of the component and re-renders on every snapshot
 * (@xstate/react is not a dependency; this is the part of it we need).
 */
export function useMachineActor<M extends AnyStateMachine>(machine: M): [SnapshotFrom<M>, Actor<M>['send']] {
  const [actor] = useState(() => createActor(machine));
  useEffect(() => {
    actor.start();
    return () => {
      actor.stop();
    };
  }, [actor]);
  const snapshot = useSyncExternalStore(
    (onChange) => {
      const sub = actor.subscribe(onChange);
      return () => sub.unsubscribe();
    },
    () => actor.getSnapshot(),
  );
  return [snapshot as SnapshotFrom<M>, actor.send.bind(actor)];
}
