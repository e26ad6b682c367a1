import { useState, type DragEvent, type RefObject } from 'react';
import { dragHasFiles, firstDroppedFile } from '../../modeler/io/files';

/** The file types a diagram import accepts, for the picker's `accept`. */
export const DIAGRAM_FILE_ACCEPT = '.bpmn,.bpmn2,.xml,application/xml,text/xml';

export interface FileDrop {
  /** True while files are dragged over the drop area, to highlight it. */
  dragging: boolean;
  /** Spread onto the drop area. */
  dropHandlers: {
    onDragOver(event: DragEvent): void;
    onDragLeave(): void;
    onDrop(event: DragEvent): void;
  };
}

/**
 * Lets files be dropped on an area; only the first dropped file is handed on. Drags that carry no files
 * (text, elements inside the diagram) are left to the browser and to bpmn-js.
 */
export function useFileDrop(onFile: (file: File) => void): FileDrop {
  const [dragging, setDragging] = useState(false);
  return {
    dragging,
    dropHandlers: {
      onDragOver: (event) => {
        if (!dragHasFiles(event.dataTransfer)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      },
      onDragLeave: () => setDragging(false),
      onDrop: (event) => {
        if (!dragHasFiles(event.dataTransfer)) return;
        event.preventDefault();
        setDragging(false);
        const file = firstDroppedFile(event.dataTransfer);
        if (file) onFile(file);
      },
    },
  };
}

export interface HiddenFileInputProps {
  inputRef: RefObject<HTMLInputElement | null>;
  accept: string;
  label: string;
  testId: string;
  onFile(file: File): void;
}

/**
 * The file picker behind an import button: hidden and out of the tab order (the button is what users reach),
 * but labelled for tests and assistive technology. Cleared after each pick so the same file can be picked again.
 */
export function HiddenFileInput({ inputRef, accept, label, testId, onFile }: HiddenFileInputProps) {
  return (
    <input
      ref={inputRef}
      type="file"
      accept={accept}
      className="bpr-visually-hidden"
      aria-label={label}
      tabIndex={-1}
      data-testid={testId}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
