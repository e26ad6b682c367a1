import { useEffect } from 'react';
import heatOverlayModule, { type HeatEntry, type HeatOverlay } from '../../modeler/heatOverlay';
import { useDiagramViewer } from '../common/useDiagramViewer';

export interface DiagramPreviewProps {
  xml: string;
  /** Hours per task to shade; null hides the heat overlay. */
  heat: Record<string, HeatEntry> | null;
  /** Element to select and scroll to; the nonce repeats a request for the same element. */
  focus: { id: string; nonce: number } | null;
  label: string;
  onError(message: string): void;
}

interface ViewerElement {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}
interface Viewbox {
  x: number;
  y: number;
  width: number;
  height: number;
  outer: { width: number; height: number };
}
interface Services {
  elementRegistry: { get(id: string): ViewerElement | undefined };
  selection: { select(element: ViewerElement | null): void };
  canvas: {
    viewbox(box?: { x: number; y: number; width: number; height: number }): Viewbox;
    addMarker(element: ViewerElement, marker: string): void;
    removeMarker(element: ViewerElement, marker: string): void;
  };
  heatOverlay: HeatOverlay;
}

const FOCUS_MARKER = 'bpr-sim-focus';
const VIEWER_MODULES = [heatOverlayModule];

/**
 * The simulated diagram, read-only (zoom and pan only): the place where the heat overlay is shown and
 * where a validation problem's element is pointed out. A viewer rather than the editor's modeler, so
 * the simulation tab cannot change the model.
 */
export function DiagramPreview({ xml, heat, focus, label, onError }: DiagramPreviewProps) {
  const { containerRef, viewer, imported } = useDiagramViewer(xml, onError, VIEWER_MODULES);

  useEffect(() => {
    if (!viewer || imported === 0) return;
    const overlay = viewer.get<HeatOverlay>('heatOverlay');
    if (heat) overlay.show(heat);
    else overlay.clear();
  }, [viewer, imported, heat]);

  useEffect(() => {
    if (!viewer || imported === 0 || !focus) return;
    const element = viewer.get<Services['elementRegistry']>('elementRegistry').get(focus.id);
    const selection = viewer.get<Services['selection']>('selection');
    const canvas = viewer.get<Services['canvas']>('canvas');
    if (!element) {
      selection.select(null);
      return;
    }
    selection.select(element);
    canvas.addMarker(element, FOCUS_MARKER);
    // A whole process fitted into the box is too small to spot one task: show it at full size, centred.
    if (element.x !== undefined && element.y !== undefined) {
      const { outer } = canvas.viewbox();
      const cx = element.x + (element.width ?? 0) / 2;
      const cy = element.y + (element.height ?? 0) / 2;
      canvas.viewbox({ x: cx - outer.width / 2, y: cy - outer.height / 2, width: outer.width, height: outer.height });
    }
    containerRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    return () => {
      canvas.removeMarker(element, FOCUS_MARKER);
    };
  }, [viewer, imported, focus]);

  return <div ref={containerRef} className="bpr-sim-canvas" role="region" aria-label={label} data-testid="sim-diagram" />;
}
