import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  children: ReactNode;
  /** Buttons shown at the bottom, right-aligned. */
  actions: ReactNode;
  /** Escape key or the browser's cancel gesture. */
  onCancel(): void;
  className?: string;
}

/**
 * A modal built on the native <dialog>: focus is trapped, Escape cancels and the page behind is inert,
 * so keyboard and screen-reader users get the same behaviour as mouse users.
 */
export function Dialog({ title, children, actions, onCancel, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const cancelRef = useRef(onCancel);
  cancelRef.current = onCancel;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const onCancelEvent = (event: Event) => {
      event.preventDefault();
      cancelRef.current();
    };
    dialog.addEventListener('cancel', onCancelEvent);
    return () => {
      dialog.removeEventListener('cancel', onCancelEvent);
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog ref={ref} className={`bpr-dialog ${className ?? ''}`} aria-labelledby={titleId}>
      <h2 id={titleId} className="bpr-dialog-title">
        {title}
      </h2>
      <div className="bpr-dialog-body">{children}</div>
      <div className="bpr-dialog-actions">{actions}</div>
    </dialog>
  );
}

export interface ConfirmDialogProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ title, message, confirmLabel, cancelLabel, danger, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <Dialog
      title={title}
      onCancel={onCancel}
      actions={
        <>
          <button type="button" onClick={onCancel} autoFocus>
            {cancelLabel}
          </button>
          <button type="button" className={danger ? 'bpr-button-danger' : 'bpr-button-primary'} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <p>{message}</p>
    </Dialog>
  );
}
