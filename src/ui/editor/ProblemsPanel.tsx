import type Modeler from 'bpmn-js/lib/Modeler';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import type { Bo } from '../../domain/lint/model';
import { readDiagramAnnotations } from '../../domain/bpmn/annotationsRead';
import type { ModdleElement } from '../../domain/bpmn/bprAccess';
import { problemRows, type LintReport, type ValueIssue } from './problems';

interface ShapeLike {
  id: string;
  businessObject?: Bo;
}
interface Registry {
  get(id: string): ShapeLike | undefined;
  filter(fn: (e: ShapeLike) => boolean): ShapeLike[];
}
interface LintingLike {
  update(): void;
}

/**
 * 問題: every lint finding and every entered value that fails its check, in one list, as in Camunda
 * Modeler's problems panel.
 * A click selects the element and scrolls the canvas to it. Fed by bpmn-js-bpmnlint's
 * `linting.completed`, so it always shows what the overlays show.
 */
export function ProblemsPanel({ modeler, open, onToggle }: { modeler: Modeler | null; open: boolean; onToggle(open: boolean): void }) {
  const { t } = useI18n();
  const [issues, setIssues] = useState<Record<string, LintReport[]>>({});
  const [values, setValues] = useState<ValueIssue[]>([]);

  useEffect(() => {
    if (!modeler) return;
    const onLint = (event: { issues: Record<string, LintReport[]> }) => {
      setIssues(event.issues ?? {});
      // Lint runs after every change; the entered values are read again with it, from the live model.
      try {
        setValues(readDiagramAnnotations(modeler.getDefinitions() as unknown as ModdleElement).issues);
      } catch {
        setValues([]);
      }
    };
    modeler.on('linting.completed', onLint);
    // The first lint may have finished before this panel subscribed: ask for a fresh one.
    modeler.get<LintingLike>('linting').update();
    return () => modeler.off('linting.completed', onLint);
  }, [modeler]);

  const rows = useMemo(() => {
    if (!modeler) return [];
    const registry = modeler.get<Registry>('elementRegistry');
    const lookup = (id: string): Bo | undefined => {
      const shape = registry.get(id);
      if (shape) return shape.businessObject;
      // A process is not on the canvas; its participant carries it.
      return registry.filter((e) => (e.businessObject?.processRef as Bo | undefined)?.id === id)[0]?.businessObject?.processRef as Bo | undefined;
    };
    return problemRows(issues, lookup, values);
  }, [modeler, issues, values]);

  const errors = rows.filter((r) => r.severity === 'error').length;
  const warnings = rows.length - errors;

  const reveal = (id: string) => {
    if (!modeler) return;
    const element = modeler.get<Registry>('elementRegistry').get(id);
    if (!element) return;
    modeler.get<{ select(e: unknown): void }>('selection').select(element);
    const canvas = modeler.get<{ scrollToElement(e: unknown, padding?: number): void; getRootElement(): { id: string } }>('canvas');
    if (canvas.getRootElement().id !== id) canvas.scrollToElement(element, 80);
  };

  return (
    <section className="bpr-problems" aria-label={t('editor.problems.title')}>
      <button type="button" className="bpr-problems-toggle" aria-expanded={open} onClick={() => onToggle(!open)}>
        {t('editor.problems.toggle', { errors, warnings })}
      </button>
      {open &&
        (rows.length === 0 ? (
          <p className="bpr-problems-empty">{t('editor.problems.none')}</p>
        ) : (
          <ul className="bpr-problems-list">
            {rows.map((r) => (
              <li key={r.key} data-severity={r.severity}>
                <button
                  type="button"
                  className="bpr-problems-item"
                  onClick={() => reveal(r.targetId)}
                  title={t('editor.problems.select', { element: r.element })}
                >
                  <span className={`bpr-problems-severity bpr-problems-${r.severity}`}>{t(`editor.problems.${r.severity}`)}</span>
                  <span className="bpr-problems-element">{r.element}</span>
                  <span className="bpr-problems-message">{r.message}</span>
                </button>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
