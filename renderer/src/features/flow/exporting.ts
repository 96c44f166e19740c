// Exports of the flow views: charts as PNG (the chart's SVG drawn on a canvas), tables as CSV the
// way Danish Excel opens them (semicolons, UTF-8 with BOM, decimal commas), the review as PDF.
import { tableToCsv } from '../../../../shared/importExport';
import { saveFile } from '../../components/saveFile';
import type { jsPDF } from 'jspdf';

/** A file name without characters Windows refuses. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, '-').toLowerCase();
}

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

// jsPDF's built-in Helvetica speaks WinAnsi (Latin-1 plus a few typographic signs); one character
// outside it switches the whole line to 16-bit codes the font cannot show. Danish letters are
// inside; minus signs and arrows are not, so they are spelled with their nearest WinAnsi forms.
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const PDF_REPLACEMENTS: Record<string, string> = { '−': '-', '→': '->', '←': '<-', '≤': '<=', '≥': '>=', '\u2009': ' ', '\u202f': ' ' };

export function pdfSafe(text: string): string {
  return [...text]
    .map((c) => (c.charCodeAt(0) <= 0xff || WIN_ANSI_EXTRA.includes(c) ? c : PDF_REPLACEMENTS[c] ?? '?'))
    .join('');
}

export interface PdfSection {
  heading: string;
  lines: string[];
}

/** A plain A4 document: title, subtitle and sections of lines, with page breaks as needed. */
export async function downloadPdf(fileName: string, title: string, subtitle: string, sections: readonly PdfSection[]): Promise<void> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({ unit: 'mm', format: 'a4' });
  const left = 16;
  const width = 178;
  const bottom = 282;
  let y = 20;
  const ensure = (needed: number) => {
    if (y + needed > bottom) {
      doc.addPage();
      y = 18;
    }
  };
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(17);
  doc.text(pdfSafe(title), left, y);
  y += 7;
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(10);
  doc.setTextColor(74, 85, 101);
  doc.text(pdfSafe(subtitle), left, y);
  doc.setTextColor(23, 32, 43);
  y += 8;
  for (const section of sections) {
    ensure(14);
    doc.setFont('helvetica', 'bold');
    doc.setFontSize(12);
    doc.text(pdfSafe(section.heading), left, y);
    y += 6;
    doc.setFont('helvetica', 'normal');
    doc.setFontSize(10);
    for (const line of section.lines) {
      const wrapped = doc.splitTextToSize(pdfSafe(line), width) as string[];
      ensure(wrapped.length * 4.6);
      doc.text(wrapped, left, y);
      y += wrapped.length * 4.6;
    }
    y += 4;
  }
  numberPages(doc, left + width);
  saveFile(doc.output('blob'), `${safeFileName(fileName)}.pdf`);
}

/** "Side n af m" at the foot of every page of an A4 document, right-aligned at `right` mm. */
export function numberPages(doc: jsPDF, right: number): void {
  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    doc.setFontSize(8);
    doc.setTextColor(74, 85, 101);
    doc.text(`Side ${page} af ${pages}`, right, 290, { align: 'right' });
  }
}
