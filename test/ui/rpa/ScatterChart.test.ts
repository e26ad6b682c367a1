import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ScatterChart, type ScatterChartProps } from '../../../src/ui/rpa/ScatterChart';

const base: ScatterChartProps = {
  title: '削減見込み時間と実装容易度',
  items: [
    { key: 'a', x: 45, y: 745, yLow: 740, yHigh: 751, label: '1位 手入力（給与支払報告書）: 削減 745 h/年', mark: '1' },
    { key: 'b', x: 32.5, y: 67, label: '18位 受付（転入届）: 削減 67 h/年', hollow: true },
  ],
  xLabel: '実装容易度 (点)',
  yLabel: '削減見込み時間 (h/年)',
  formatX: (v) => String(v),
  formatY: (v) => String(v),
  xMax: 100,
  emptyText: 'データがありません',
};

describe('ScatterChart', () => {
  it('given points, when rendered, then each point is focusable and names its step in a title and aria-label', () => {
    const html = renderToStaticMarkup(createElement(ScatterChart, base));
    expect(html).toContain('data-chart="scatter"');
    expect(html.match(/tabindex="0"/g)).toHaveLength(2);
    expect(html).toContain('<title>1位 手入力（給与支払報告書）: 削減 745 h/年</title>');
    expect(html).toContain('aria-label="18位 受付（転入届）: 削減 67 h/年"');
    expect(html).toContain('is-hollow');
    expect(html).toContain('実装容易度 (点)');
    expect(html).toContain('class="bpr-scatter-whisker"');
  });

  it('given no points, when rendered, then the empty text is shown instead of an SVG', () => {
    const html = renderToStaticMarkup(createElement(ScatterChart, { ...base, items: [] }));
    expect(html).toContain('データがありません');
    expect(html).not.toContain('<svg');
  });
});
