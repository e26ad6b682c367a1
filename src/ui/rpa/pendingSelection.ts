/**
 * 「図で編集」: the RPA候補 tab asks the editor to select a step once the diagram is open. The request
 * waits here (one per process) until the editor for that process has imported its diagram.
 */
const pending = new Map<string, string>();

export function requestStepSelection(processId: string, elementId: string): void {
  pending.set(processId, elementId);
}

export function takeStepSelection(processId: string): string | undefined {
  const id = pending.get(processId);
  pending.delete(processId);
  return id;
}

interface ModelerLike {
  get<T = unknown>(name: string): T;
}

/**
 * Selects and scrolls to the requested step, if any; the properties panel then shows its RPA評価.
 * Selected again on the next ticks: the panel attaches after import and first shows the root, and
 * a selection made before that is not reflected in it.
 */
export function selectPendingStep(modeler: ModelerLike, processId: string): void {
  const id = takeStepSelection(processId);
  if (!id) return;
  const element = modeler.get<{ get(id: string): unknown }>('elementRegistry').get(id);
  if (!element) return;
  const selection = modeler.get<{ select(e: unknown): void; get(): unknown[] }>('selection');
  const select = () => {
    selection.select(null);
    selection.select(element);
  };
  select();
  try {
    modeler.get<{ scrollToElement(e: unknown): void }>('canvas').scrollToElement(element);
  } catch {
    // Older canvases lack scrollToElement; the selection alone is enough.
  }
  for (const delay of [0, 150]) {
    setTimeout(() => {
      // Only while the user has not picked something else meanwhile.
      const current = selection.get();
      if (current.length === 0 || (current.length === 1 && current[0] === element)) select();
    }, delay);
  }
}
