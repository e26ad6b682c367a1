import { useMemo } from 'react';
import { useT } from '../../i18n';
import { printPlan, svgViewBox, svgWindow } from './printTiles';
import './printDiagram.css';

/**
 * A process map for paper: on landscape A4 pages of its own, at a size whose labels can be read,
 * split into overlapping parts when it does not fit one page (see printTiles). Shown only in print.
 */
export function PrintDiagramPages({ svg, title }: { svg: string; title: string }) {
  const t = useT();
  const pages = useMemo(() => {
    const box = svgViewBox(svg);
    if (!box) return [];
    const plan = printPlan(box);
    return plan.tiles.map((tile, i) => ({
      key: i,
      part:
        plan.tiles.length > 1
          ? t('app.printPart', { index: i + 1, count: plan.tiles.length, row: Math.floor(i / plan.columns) + 1, column: (i % plan.columns) + 1 })
          : '',
      markup: svgWindow(svg, tile, plan.scale),
    }));
  }, [svg, t]);

  return (
    <div className="bpr-print-diagram" aria-hidden="true">
      {pages.map((p) => (
        <section key={p.key} className="bpr-print-diagram-page">
          <h2 className="bpr-print-diagram-title">
            {title}
            {p.part && <span className="bpr-print-diagram-part">{p.part}</span>}
          </h2>
          {/* bpmn-js's own rendering of our stored diagram; its labels are escaped by the renderer. */}
          <div className="bpr-print-diagram-svg" dangerouslySetInnerHTML={{ __html: p.markup }} />
        </section>
      ))}
    </div>
  );
}
