import type { ReactNode } from 'react';

/** A table's header row: one column heading per label, scoped to its column for screen readers. */
export function ColumnHeads({ labels }: { labels: ReactNode[] }) {
  return (
    <thead>
      <tr>
        {labels.map((label, n) => (
          <th key={n} scope="col">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
