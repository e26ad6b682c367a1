import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { ProcessRecord } from '../../store/types';
import type { DepartmentGroup } from './processList';

/** Below this many rows (headings and cards) the list is drawn whole, so find-in-page sees every card. */
export const VIRTUALIZE_FROM = 200;

export type ListItem = { kind: 'heading'; group: DepartmentGroup } | { kind: 'card'; process: ProcessRecord };

/**
 * The workspace list when it is long: department headings and process cards in one column that
 * scrolls with the page, with only the rows near the viewport in the DOM. Row heights are measured,
 * so a card with many scenarios takes the room it needs.
 */
export function VirtualProcessList({
  items,
  renderCard,
  renderHeading,
}: {
  items: readonly ListItem[];
  renderCard(p: ProcessRecord): ReactNode;
  renderHeading(group: DepartmentGroup): ReactNode;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    setOffset(listRef.current ? listRef.current.getBoundingClientRect().top + window.scrollY : 0);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: (i) => (items[i].kind === 'heading' ? 44 : 96),
    overscan: 8,
    scrollMargin: offset,
  });
  return (
    <div
      ref={listRef}
      className="bpr-department-groups bpr-virtual-list"
      data-testid="virtual-process-list"
      style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
    >
      {virtualizer.getVirtualItems().map((row) => {
        const item = items[row.index];
        return (
          <div
            key={item.kind === 'heading' ? `h:${item.group.department}` : item.process.id}
            data-index={row.index}
            ref={virtualizer.measureElement}
            style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}
          >
            {item.kind === 'heading' ? renderHeading(item.group) : <ul className="bpr-process-list">{renderCard(item.process)}</ul>}
          </div>
        );
      })}
    </div>
  );
}
