import { useEffect, useState } from 'react';

interface EventBusLike {
  on(event: string | string[], callback: () => void): void;
  off(event: string | string[], callback: () => void): void;
}

/** A counter that moves on every model change, undo/redo and import, so the table re-reads the diagram. */
export function useDiagramVersion(modeler: { get(name: string): unknown } | null): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!modeler) return;
    const eventBus = modeler.get('eventBus') as EventBusLike;
    const bump = () => setVersion((v) => v + 1);
    const events = ['commandStack.changed', 'elements.changed', 'import.done'];
    eventBus.on(events, bump);
    bump();
    return () => eventBus.off(events, bump);
  }, [modeler]);
  return version;
}
