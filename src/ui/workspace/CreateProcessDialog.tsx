import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import type { ProcessKind } from '../../store/types';
import { Dialog } from '../common/Dialog';

export interface CreateProcessInput {
  name: string;
  department: string;
  kind: ProcessKind;
}

export function CreateProcessDialog({
  departments,
  onSubmit,
  onCancel,
}: {
  departments: string[];
  onSubmit(input: CreateProcessInput): void;
  onCancel(): void;
}) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState('');
  const [department, setDepartment] = useState(departments[0] ?? '');
  const [kind, setKind] = useState<ProcessKind>('as-is');
  const [error, setError] = useState<string | null>(null);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!name.trim()) return setError(t('workspace.createDialog.nameRequired'));
    if (!department.trim()) return setError(t('workspace.createDialog.departmentRequired'));
    onSubmit({ name: name.trim(), department: department.trim(), kind });
  };

  return (
    <Dialog
      title={t('workspace.createDialog.title')}
      onCancel={onCancel}
      actions={
        <>
          <button type="button" onClick={onCancel}>
            {t('workspace.createDialog.cancel')}
          </button>
          <button type="submit" form={`${id}-form`} className="bpr-button-primary">
            {t('workspace.createDialog.submit')}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="bpr-form" onSubmit={submit}>
        <label htmlFor={`${id}-name`}>{t('workspace.createDialog.name')}</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} autoFocus required />
        <label htmlFor={`${id}-department`}>{t('workspace.createDialog.department')}</label>
        <input id={`${id}-department`} value={department} list={`${id}-departments`} onChange={(e) => setDepartment(e.target.value)} required />
        <datalist id={`${id}-departments`}>
          {departments.map((d) => (
            <option key={d} value={d} />
          ))}
        </datalist>
        <fieldset className="bpr-radio-group">
          <legend>{t('workspace.createDialog.kind')}</legend>
          <label>
            <input type="radio" name={`${id}-kind`} checked={kind === 'as-is'} onChange={() => setKind('as-is')} />
            {t('workspace.createDialog.kindAsIs')}
          </label>
          <label>
            <input type="radio" name={`${id}-kind`} checked={kind === 'to-be'} onChange={() => setKind('to-be')} />
            {t('workspace.createDialog.kindToBe')}
          </label>
        </fieldset>
        {error && (
          <p role="alert" className="bpr-error">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
