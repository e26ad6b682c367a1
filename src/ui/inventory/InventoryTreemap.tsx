import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';

export interface TreemapNode {
  name: string;
  value: number;
  children?: TreemapNode[];
}

/**
 * 部 → 課 hours as a treemap drawn by Apache ECharts (SVG renderer, so it prints and can be read back
 * in tests). ECharts is loaded on demand: the first screen of the app does not pay for it.
 */
export function InventoryTreemap({ data }: { data: TreemapNode[] }) {
  const { t, lang } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let disposed = false;
    let chart: { setOption(o: unknown): void; dispose(): void; resize(): void } | null = null;
    const observer = new ResizeObserver(() => chart?.resize());
    void Promise.all([import('echarts/core'), import('echarts/charts'), import('echarts/components'), import('echarts/renderers')]).then(
      ([core, charts, components, renderers]) => {
        if (disposed) return;
        core.use([charts.TreemapChart, components.TooltipComponent, renderers.SVGRenderer]);
        chart = core.init(el, undefined, { renderer: 'svg' });
        const unit = lang === 'ja' ? '時間/年' : 'h/yr';
        const format = (v: number) => `${Math.round(v).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US')} ${unit}`;
        chart.setOption({
          animation: false,
          tooltip: { formatter: (p: { name: string; value: number }) => `${p.name}: ${format(p.value)}` },
          series: [
            {
              type: 'treemap',
              data,
              roam: false,
              nodeClick: false,
              breadcrumb: { show: false },
              leafDepth: 2,
              label: { show: true, formatter: (p: { name: string; value: number }) => `${p.name}\n${format(p.value)}` },
              upperLabel: { show: true, height: 22 },
              levels: [
                { itemStyle: { borderColor: '#ffffff', borderWidth: 2, gapWidth: 2 } },
                { itemStyle: { borderColor: '#e8edf4', borderWidth: 1, gapWidth: 1 }, colorSaturation: [0.35, 0.6] },
              ],
            },
          ],
        });
        observer.observe(el);
        setReady(true);
      },
    );
    return () => {
      disposed = true;
      observer.disconnect();
      chart?.dispose();
    };
  }, [data, lang]);

  return (
    <figure className="bpr-inventory-treemap">
      <figcaption>{t('inventory.treemap.title')}</figcaption>
      <div
        ref={ref}
        role="img"
        aria-label={t('inventory.treemap.label')}
        data-testid="inventory-treemap"
        data-ready={ready ? 'true' : 'false'}
        className="bpr-inventory-treemap-canvas"
      />
      {!ready && <p className="bpr-hint">{t('inventory.treemap.loading')}</p>}
    </figure>
  );
}
