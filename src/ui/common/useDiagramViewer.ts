import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { moddleExtensions } from '../../domain/bpmn/moddle';

type ViewerOptions = NonNullable<ConstructorParameters<typeof NavigatedViewer>[0]>;
export type DiagramViewer = InstanceType<typeof NavigatedViewer>;

export interface DiagramViewerState {
  containerRef: RefObject<HTMLDivElement | null>;
  /** Null until mounted and after unmount. */
  viewer: DiagramViewer | null;
  /** Counts finished imports: effects that decorate the diagram depend on it to redraw after each import. */
  imported: number;
}

/**
 * A read-only bpmn-js viewer (zoom and pan only) on the returned container, showing `xml` fitted to the
 * box. A viewer rather than a modeler, so nothing a read-only view shows can change or end up in the model.
 * `additionalModules` are read once, when the viewer is created.
 */
export function useDiagramViewer(xml: string, onError: (message: string) => void, additionalModules?: ViewerOptions['additionalModules']): DiagramViewerState {
  const containerRef = useRef<HTMLDivElement>(null);
  const [viewer, setViewer] = useState<DiagramViewer | null>(null);
  const [imported, setImported] = useState(0);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const modulesRef = useRef(additionalModules);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const modules = modulesRef.current;
    const instance = new NavigatedViewer(modules ? { container, additionalModules: modules, moddleExtensions } : { container, moddleExtensions });
    setViewer(instance);
    return () => {
      setViewer(null);
      instance.destroy();
    };
  }, []);

  useEffect(() => {
    if (!viewer) return;
    let live = true;
    viewer.importXML(xml).then(
      () => {
        if (!live) return;
        // No palette floats over a viewer, so the whole area is used (unlike the editor's fit).
        viewer.get<{ zoom(level: 'fit-viewport', center?: 'auto'): number }>('canvas').zoom('fit-viewport', 'auto');
        setImported((n) => n + 1);
      },
      (error: Error) => live && onErrorRef.current(error.message),
    );
    return () => {
      live = false;
    };
  }, [viewer, xml]);

  return { containerRef, viewer, imported };
}
