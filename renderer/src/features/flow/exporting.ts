// Exports of the flow views: charts as PNG (the chart's SVG drawn on a canvas), tables as CSV the
// way Danish Excel opens them (semicolons, UTF-8 with BOM, decimal commas). PDFs: components/pdf.ts.
import { tableToCsv } from '../../../../shared/importExport';
import { safeFileName, saveFile } from '../../components/saveFile';

type Cell = string | number | null | undefined;

/** The table as CSV through the one shared writer (shared/importExport.ts). */
export function downloadCsv(fileName: string, headers: readonly string[], rows: readonly (readonly Cell[])[]): void {
  saveFile(new Blob([tableToCsv(headers, rows)], { type: 'text/csv;charset=utf-8' }), `${safeFileName(fileName)}.csv`);
}

/** The chart's own drawing surface: recharts also draws each legend icon as a small SVG. */
function chartSurface(container: HTMLElement): SVGSVGElement | null {
  const main = container.querySelector<SVGSVGElement>('.recharts-wrapper > svg');
  if (main) return main;
  const all = [...container.querySelectorAll<SVGSVGElement>('svg')];
  const area = (e: Element) => e.getBoundingClientRect().width * e.getBoundingClientRect().height;
  return all.sort((a, b) => area(b) - area(a))[0] ?? null;
}

/**
 * Draws the chart's SVG on a white canvas at twice the size, with the title above and the
 * legend (HTML in recharts, so not part of the SVG) below, and saves it as PNG.
 */
export async function downloadChartPng(container: HTMLElement, fileName: string, title: string): Promise<void> {
  const svg = chartSurface(container);
  if (!svg) throw new Error('Diagrammet er ikke tegnet endnu.');
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.style.fontFamily = getComputedStyle(svg).fontFamily || 'Arial, sans-serif';
  const source = new XMLSerializer().serializeToString(clone);
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('Diagrammet kunne ikke tegnes som billede.'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await loaded;

  const legend = [...container.querySelectorAll<HTMLElement>('.recharts-legend-item')].map((item) => {
    const text = item.querySelector<HTMLElement>('.recharts-legend-item-text');
    const shape = item.querySelector('svg path, svg line, svg rect');
    const color = shape?.getAttribute('fill') && shape.getAttribute('fill') !== 'none' ? shape.getAttribute('fill')! : shape?.getAttribute('stroke') ?? (text ? getComputedStyle(text).color : '#17202b');
    return { label: text?.textContent ?? item.textContent ?? '', color };
  });
  const scale = 2;
  const titleHeight = 36;
  const legendHeight = legend.length ? 30 : 0;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil((height + titleHeight + legendHeight) * scale);
  const g = canvas.getContext('2d')!;
  g.scale(scale, scale);
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, height + titleHeight + legendHeight);
  g.fillStyle = '#17202b';
  g.font = '600 16px system-ui, Arial, sans-serif';
  g.fillText(title, 12, 24);
  g.drawImage(image, 0, titleHeight, width, height);
  g.font = '13px system-ui, Arial, sans-serif';
  let x = 12;
  const y = titleHeight + height + 18;
  for (const item of legend) {
    g.fillStyle = item.color;
    g.fillRect(x, y - 10, 12, 12);
    g.fillStyle = '#17202b';
    g.fillText(item.label, x + 18, y);
    x += 18 + g.measureText(item.label).width + 20;
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('Billedet kunne ikke gemmes.');
  saveFile(blob, `${safeFileName(fileName)}.png`);
}
