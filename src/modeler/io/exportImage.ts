import type Modeler from 'bpmn-js/lib/Modeler';

/** The current diagram as BPMN XML text. */
export async function exportBpmn(modeler: Modeler): Promise<string> {
  const { xml } = await modeler.saveXML({ format: true });
  if (!xml) throw new Error('BPMN を書き出せませんでした。');
  return xml;
}

/** The current diagram as a standalone SVG document. */
export async function exportSvg(modeler: Modeler): Promise<string> {
  const { svg } = await modeler.saveSVG();
  return svg;
}

function svgSize(svg: string): { width: number; height: number } {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  const width = parseFloat(root.getAttribute('width') ?? '');
  const height = parseFloat(root.getAttribute('height') ?? '');
  if (Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0) return { width, height };
  const viewBox = (root.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  return { width: viewBox[2] || 800, height: viewBox[3] || 600 };
}

/** Browsers cap canvas area; above this the PNG would come out blank, so the scale is reduced. */
const MAX_CANVAS_PIXELS = 16_000_000;

/**
 * Renders the SVG export onto a white canvas at `scale` and returns a PNG. The image is drawn from the
 * exported SVG, so it contains the diagram only (no palette or overlays).
 */
export async function exportPng(modeler: Modeler, scale = 2): Promise<Blob> {
  const svg = await exportSvg(modeler);
  const { width, height } = svgSize(svg);
  const effectiveScale = Math.min(scale, Math.sqrt(MAX_CANVAS_PIXELS / (width * height)));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.ceil(width * effectiveScale));
  canvas.height = Math.max(1, Math.ceil(height * effectiveScale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('PNG を作るための描画領域を用意できませんでした。');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);

  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = await new Promise<HTMLImageElement>((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = () => reject(new Error('図の画像を読み込めませんでした。'));
      img.src = url;
    });
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  } finally {
    URL.revokeObjectURL(url);
  }
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG を作れませんでした。'))), 'image/png');
  });
}
