import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { PrintDiagramPages } from '../common/PrintDiagramPages';
import { diagramSvg } from './thumbnail';

/** A process map as an inline SVG picture (also printed); the caption names the process. */
export function DiagramThumbnail({ xml, label, onOpen }: { xml: string; label: string; onOpen?: () => void }) {
  const t = useT();
  const [svg, setSvg] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    diagramSvg(xml).then(
      (s) => live && setSvg(s),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [xml]);

  const picture = error ? (
    <span className="bpr-init-thumb-error">{t('initiatives.thumbFailed', { message: error })}</span>
  ) : svg ? (
    // The SVG is bpmn-js's own rendering of our stored diagram; labels in it are escaped by the renderer.
    <span className="bpr-init-thumb-svg" role="img" aria-label={t('initiatives.thumbAlt', { name: label })} dangerouslySetInnerHTML={{ __html: svg }} />
  ) : (
    <span className="bpr-init-thumb-loading">{t('initiatives.thumbLoading')}</span>
  );

  return (
    <figure className="bpr-init-thumb">
      {onOpen ? (
        <button type="button" className="bpr-init-thumb-button" onClick={onOpen} title={t('initiatives.openInEditor', { name: label })}>
          {picture}
        </button>
      ) : (
        picture
      )}
      <figcaption>{label}</figcaption>
    </figure>
  );
}

/** The same map for paper: legible landscape pages of its own (nothing on screen). */
export function PrintDiagram({ xml, title }: { xml: string; title: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    diagramSvg(xml).then(
      (s) => live && setSvg(s),
      // The thumbnail beside it already says the map could not be drawn.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [xml]);
  return svg ? <PrintDiagramPages svg={svg} title={title} /> : null;
}
