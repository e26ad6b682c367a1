import { useEffect, useState } from 'react';

export type Notice = { kind: 'error' | 'info'; text: string } | null;

/** How long a confirmation ("保存しました") stays; errors stay until closed so they can be read. */
const INFO_VISIBLE_MS = 8000;

export function useNotice(): [Notice, (notice: Notice) => void] {
  const [notice, setNotice] = useState<Notice>(null);
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const timer = setTimeout(() => setNotice(null), INFO_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return [notice, setNotice];
}
