import { useState } from 'react';
import {
  INVENTORY_FIELD_LABELS,
  INVENTORY_FIELDS,
  parseInventoryTable,
  readInventoryRows,
  type InventoryField,
  type InventoryParse,
} from '../../domain/inventory/parse';
import type { CellValue } from '../../domain/exchange/xlsx';
import { useI18n } from '../../i18n';
import { Dialog } from '../common/Dialog';

export interface InventoryImportDialogProps {
  onImport(fileName: string, parsed: InventoryParse): Promise<void>;
  onCancel(): void;
}

/**
 * Shows what each column of the sheet became before anything is stored: recognised headers, the
 * user's own choices for the rest, and every refused row by number. Nothing is imported while any
 * row is refused (all or nothing, as the domain parser decides).
 */
export function InventoryImportDialog({ onImport, onCancel }: InventoryImportDialogProps) {
  const { t } = useI18n();
  const [file, setFile] = useState<{ name: string; table: CellValue[][] } | null>(null);
  const [mapping, setMapping] = useState<Record<string, InventoryField>>({});
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const parsed = file ? parseInventoryTable(file.table, mapping) : null;
  const ready = !!parsed && parsed.problems.length === 0 && parsed.refused.length === 0 && parsed.rows.length > 0;

  const pick = async (picked: File) => {
    setError(null);
    setMapping({});
    try {
      const bytes = new Uint8Array(await picked.arrayBuffer());
      setFile({ name: picked.name, table: readInventoryRows(picked.name, bytes) });
    } catch (e) {
      setFile(null);
      setError(t('inventory.import.failed', { file: picked.name, message: (e as Error).message }));
    }
  };

  const submit = async () => {
    if (!file || !parsed || !ready) return;
    setWorking(true);
    try {
      await onImport(file.name, parsed);
    } catch (e) {
      setError(t('inventory.import.failed', { file: file.name, message: (e as Error).message }));
      setWorking(false);
    }
  };

  return (
    <Dialog
      title={t('inventory.import.title')}
      className="bpr-inventory-import"
      onCancel={() => !working && onCancel()}
      actions={
        <>
          <button type="button" onClick={onCancel} disabled={working}>
            {t('inventory.import.cancel')}
          </button>
          <button type="button" className="bpr-button-primary" onClick={() => void submit()} disabled={!ready || working}>
            {t('inventory.import.submit')}
          </button>
        </>
      }
    >
      <label className="bpr-inventory-file">
        {t('inventory.import.file')}
        <input
          type="file"
          accept=".csv,.tsv,.txt,.xlsx"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void pick(f);
          }}
        />
      </label>
      {error && (
        <p role="alert" className="bpr-error">
          {error}
        </p>
      )}
      {parsed && (
        <>
          {parsed.problems.length > 0 && (
            <ul role="alert" className="bpr-error">
              {parsed.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
          {parsed.columns.length > 0 && (
            <table className="bpr-inventory-columns" aria-label={t('inventory.import.columns')}>
              <caption>{t('inventory.import.columns')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('inventory.import.header')}</th>
                  <th scope="col">{t('inventory.import.field')}</th>
                </tr>
              </thead>
              <tbody>
                {parsed.columns.map((c) => (
                  <tr key={c.column} data-how={c.how}>
                    <th scope="row">{c.header || `(${c.column + 1})`}</th>
                    <td>
                      <select
                        aria-label={c.header || `(${c.column + 1})`}
                        value={c.field ?? ''}
                        onChange={(e) => {
                          const v = e.target.value as InventoryField | '';
                          setMapping((m) => {
                            const next = { ...m };
                            if (v) next[c.header] = v;
                            else delete next[c.header];
                            return next;
                          });
                        }}
                      >
                        <option value="">{t('inventory.import.ignore')}</option>
                        {INVENTORY_FIELDS.map((f) => (
                          <option key={f} value={f}>
                            {INVENTORY_FIELD_LABELS[f]}
                          </option>
                        ))}
                      </select>{' '}
                      <span className="bpr-hint">{t(`inventory.import.how.${c.how}`)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {parsed.refused.length > 0 ? (
            <div role="alert" className="bpr-error" data-testid="inventory-refused">
              <p>{t('inventory.import.refused', { count: parsed.refused.length })}</p>
              <ul>
                {parsed.refused.map((r, i) => (
                  <li key={i}>{t('inventory.import.refusedRow', { row: r.row, message: r.message })}</li>
                ))}
              </ul>
            </div>
          ) : (
            parsed.problems.length === 0 && (
              <p role="status" data-testid="inventory-ready">
                {t('inventory.import.ready', { rows: parsed.rows.length, blank: parsed.skipped.blank, subtotal: parsed.skipped.subtotal })}
              </p>
            )
          )}
        </>
      )}
    </Dialog>
  );
}
