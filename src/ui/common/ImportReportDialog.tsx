import { useT } from '../../i18n';
import type { ImportReport, ImportWarning } from '../../domain/bpmn/importReport';
import { Dialog } from './Dialog';

export interface ImportReportDialogProps {
  report: ImportReport;
  fileName: string;
  /** The process the file became (workspace import); absent when the file replaced the open diagram. */
  processName?: string;
  onClose(): void;
  /** Shown as 「プロセスを開く」 when given. */
  onOpen?(): void;
}

/**
 * What an import did, in words: counts read against what the file holds, every warning with the
 * element it is about, what the reader repaired, other diagrams, and why nothing would be drawn.
 */
export function ImportReportDialog({ report, fileName, processName, onClose, onOpen }: ImportReportDialogProps) {
  const t = useT();
  const elementOf = (w: { elementId?: string; elementName?: string }) =>
    w.elementName && w.elementId
      ? t('importReport.warnings.element', { name: w.elementName, id: w.elementId })
      : w.elementId
        ? t('importReport.warnings.elementId', { id: w.elementId })
        : t('importReport.warnings.noElement');
  const warningText = (w: ImportWarning) =>
    w.kind === 'other' || !w.subject ? t('importReport.warning.other', { detail: w.detail }) : t(`importReport.warning.${w.kind}`, { subject: w.subject });
  const repairs = report.repairs;
  const nothing = report.nothingDrawn;
  const rows: Array<[string, string | number, string | number]> = [
    [t('importReport.counts.elements'), report.elements.file, report.elements.model],
    [t('importReport.counts.bpmn'), report.bpmnElements.file, report.bpmnElements.model],
    [t('importReport.counts.diagrams'), report.diagrams, report.diagrams],
    [t('importReport.counts.shapes'), report.di.shapes, report.di.drawnShapes],
    [t('importReport.counts.edges'), report.di.edges, report.di.drawnEdges],
  ];
  for (const k of report.kept) {
    const value = t('importReport.counts.keptValue', { elements: k.elements, attributes: k.attributes });
    rows.push([`${t('importReport.counts.kept')}: ${k.tool ?? k.namespace}`, value, value]);
  }

  return (
    <Dialog
      title={t('importReport.title', { file: fileName })}
      onCancel={onClose}
      className="bpr-import-report"
      actions={
        <>
          {onOpen && (
            <button type="button" onClick={onOpen}>
              {t('importReport.open')}
            </button>
          )}
          <button type="button" className="bpr-button-primary" onClick={onClose} autoFocus>
            {t('importReport.close')}
          </button>
        </>
      }
    >
      <p>{processName ? t('importReport.lead', { file: fileName, name: processName }) : t('importReport.leadReplaced', { file: fileName })}</p>

      {nothing && (
        <section className="bpr-error" aria-label={t('importReport.nothing.heading')}>
          <strong>{t('importReport.nothing.heading')}</strong>
          <p>
            {nothing.reason === 'no-shapes'
              ? t('importReport.nothing.no-shapes')
              : nothing.reason === 'unresolved'
                ? t('importReport.nothing.unresolved', { count: nothing.count, example: nothing.example ?? '—' })
                : t('importReport.nothing.outside-root', { count: nothing.count, root: nothing.rootName ?? nothing.rootId ?? '—' })}
          </p>
        </section>
      )}
      {!nothing && report.di.hiddenShapes > 0 && <p>{t('importReport.hidden', { count: report.di.hiddenShapes })}</p>}

      {report.unsavable && <p className="bpr-error">{t('importReport.unsavable', { message: report.unsavable })}</p>}

      {report.warnings.length > 0 && (
        <section aria-label={t('importReport.warnings.heading', { count: report.warnings.length })}>
          <h3>{t('importReport.warnings.heading', { count: report.warnings.length })}</h3>
          <ul className="bpr-import-warnings">
            {report.warnings.map((w, i) => (
              <li key={i}>
                <strong>{elementOf(w)}</strong> {warningText(w)}
                {w.line !== undefined && <> {t('importReport.warnings.line', { line: w.line })}</>}
                <details>
                  <summary>{t('importReport.warnings.detail')}</summary>
                  <code>{w.detail}</code>
                </details>
              </li>
            ))}
          </ul>
        </section>
      )}

      {report.lost.length > 0 && (
        <section aria-label={t('importReport.lost.heading', { count: report.lost.length })}>
          <h3>{t('importReport.lost.heading', { count: report.lost.length })}</h3>
          <ul>
            {report.lost.map((l, i) => (
              <li key={i}>
                {t('importReport.lost.item', {
                  qname: l.qname,
                  count: l.count,
                  owner: l.ownerId ? elementOf({ elementId: l.ownerId, elementName: l.ownerName }) : t('importReport.lost.noOwner'),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}

      {repairs && (repairs.qnameReferences > 0 || repairs.retargeted.length > 0 || repairs.openedInstead) && (
        <section aria-label={t('importReport.repairs.heading')}>
          <h3>{t('importReport.repairs.heading')}</h3>
          <ul>
            {repairs.qnameReferences > 0 && (
              <li>{t('importReport.repairs.qname', { count: repairs.qnameReferences, prefixes: repairs.qnamePrefixes.join(':」「') })}</li>
            )}
            {repairs.retargeted.map((r, i) => (
              <li key={i}>
                {t('importReport.repairs.retargeted', {
                  diagram: r.diagramName ?? r.diagramId ?? '—',
                  from: r.fromName ?? r.from ?? '—',
                  to: r.toName ?? r.to,
                })}
              </li>
            ))}
            {repairs.openedInstead && (
              <li>{t('importReport.repairs.openedInstead', { diagram: repairs.openedInstead.diagramName ?? repairs.openedInstead.diagramId ?? '—' })}</li>
            )}
          </ul>
        </section>
      )}

      {report.otherDiagrams.length > 0 && (
        <section aria-label={t('importReport.others.heading')}>
          <h3>{t('importReport.others.heading')}</h3>
          <ul>
            {report.otherDiagrams.map((d, i) => (
              <li key={i}>{t('importReport.others.item', { name: d.name ?? d.id ?? '—', shapes: d.shapes })}</li>
            ))}
          </ul>
        </section>
      )}

      <table className="bpr-import-counts">
        <caption>{t('importReport.counts.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('importReport.counts.item')}</th>
            <th scope="col">{t('importReport.counts.file')}</th>
            <th scope="col">{t('importReport.counts.read')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, file, read]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{file}</td>
              <td>{read}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
