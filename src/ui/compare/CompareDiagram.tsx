import { useEffect } from 'react';
import { useDiagramViewer } from '../common/useDiagramViewer';

export interface DiagramOverlay {
  text: string;
  /** CSS modifier: saving, increase, same, removed, automated. */
  tone: string;
  title: string;
}

export interface CompareDiagramProps {
  xml: string;
  /** Element id → CSS marker class added to the shape. */
  markers: Record<string, string>;
  overlays: Record<string, DiagramOverlay>;
  label: string;
  testId: string;
  onError(message: string): void;
}

interface Services {
  canvas: {
    addMarker(id: string, marker: string): void;
    removeMarker(id: string, marker: string): void;
  };
  elementRegistry: { get(id: string): unknown };
  overlays: {
    add(id: string, type: string, overlay: { position: { top?: number; left?: number; right?: number; bottom?: number }; html: HTMLElement }): string;
    remove(filter: { type: string }): void;
  };
}

const OVERLAY_TYPE = 'bpr-compare';

/**
 * One side of the comparison, read-only (zoom and pan only). Markers and overlays live in the viewer's
 * canvas, never in the model, so nothing the comparison shows can end up in the saved diagram.
 */
export function CompareDiagram({ xml, markers, overlays, label, testId, onError }: CompareDiagramProps) {
  const { containerRef, viewer, imported } = useDiagramViewer(xml, onError);

  useEffect(() => {
    if (!viewer || imported === 0) return;
    const canvas = viewer.get<Services['canvas']>('canvas');
    const registry = viewer.get<Services['elementRegistry']>('elementRegistry');
    const overlayService = viewer.get<Services['overlays']>('overlays');
    const marked: Array<[string, string]> = [];
    for (const [id, marker] of Object.entries(markers)) {
      if (!registry.get(id)) continue;
      canvas.addMarker(id, marker);
      marked.push([id, marker]);
    }
    for (const [id, o] of Object.entries(overlays)) {
      if (!registry.get(id)) continue;
      const html = document.createElement('div');
      html.className = `bpr-cmp-overlay bpr-cmp-overlay-${o.tone}`;
      html.textContent = o.text;
      html.title = o.title;
      overlayService.add(id, OVERLAY_TYPE, { position: { top: -20, right: 4 }, html });
    }
    return () => {
      for (const [id, marker] of marked) canvas.removeMarker(id, marker);
      overlayService.remove({ type: OVERLAY_TYPE });
    };
  }, [viewer, imported, markers, overlays]);

  return <div ref={containerRef} className="bpr-cmp-canvas" role="region" aria-label={label} data-testid={testId} />;
}
