// A4 PDF documents for every feature (the flow review, the committee's minutes, the deadline
// compliance table), in jsPDF's built-in Helvetica; jsPDF loads only when someone saves a PDF.
import type { jsPDF } from 'jspdf';
import { safeFileName, saveFile } from './saveFile';

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

const INK: [number, number, number] = [23, 32, 43];
const MUTED: [number, number, number] = [74, 85, 101];
const TOP_OF_NEXT_PAGE = 18;

/** An A4 page being written top-down from `y`, with a new page when the next lines do not fit above `bottom`. */
class Page {
  constructor(readonly doc: jsPDF, readonly left: number, readonly width: number, readonly bottom: number, public y: number) {}

  ensure(needed: number): boolean {
    if (this.y + needed <= this.bottom) return false;
    this.doc.addPage();
    this.y = TOP_OF_NEXT_PAGE;
    return true;
  }

  /** One bold line (a title or a heading), then the type back to normal; `gap` mm down. */
  bold(text: string, size: number, gap: number): void {
    this.doc.setFont('helvetica', 'bold');
    this.doc.setFontSize(size);
    this.doc.text(pdfSafe(text), this.left, this.y);
    this.y += gap;
    this.doc.setFont('helvetica', 'normal');
  }

  /** A muted explanation (subtitle, note) wrapped to the page's width, `step` mm a line. */
  muted(text: string, size: number, step: number): void {
    this.doc.setFont('helvetica', 'normal');
    this.doc.setFontSize(size);
    this.doc.setTextColor(...MUTED);
    for (const line of this.doc.splitTextToSize(pdfSafe(text), this.width) as string[]) {
      this.doc.text(line, this.left, this.y);
      this.y += step;
    }
    this.doc.setTextColor(...INK);
  }

  /** "Side n af m" at the foot of every page, right-aligned, and the file saved. */
  save(fileName: string): void {
    const pages = this.doc.getNumberOfPages();
    for (let page = 1; page <= pages; page++) {
      this.doc.setPage(page);
      this.doc.setFontSize(8);
      this.doc.setTextColor(...MUTED);
      this.doc.text(`Side ${page} af ${pages}`, this.left + this.width, 290, { align: 'right' });
    }
    saveFile(this.doc.output('blob'), `${safeFileName(fileName)}.pdf`);
  }
}

async function a4(left: number, width: number, bottom: number, top: number): Promise<Page> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait' });
  return new Page(doc, left, width, bottom, top);
}

export interface PdfSection {
  heading: string;
  lines: string[];
}

/** A plain A4 document: title, subtitle and sections of lines, with page breaks as needed. */
export async function downloadPdf(fileName: string, title: string, subtitle: string, sections: readonly PdfSection[]): Promise<void> {
  const page = await a4(16, 178, 282, 20);
  const { doc } = page;
  page.bold(title, 17, 7);
  doc.setFontSize(10);
  doc.setTextColor(...MUTED);
  doc.text(pdfSafe(subtitle), page.left, page.y);
  doc.setTextColor(...INK);
  page.y += 8;
  for (const section of sections) {
    page.ensure(14);
    page.bold(section.heading, 12, 6);
    doc.setFontSize(10);
    for (const line of section.lines) {
      const wrapped = doc.splitTextToSize(pdfSafe(line), page.width) as string[];
      page.ensure(wrapped.length * 4.6);
      doc.text(wrapped, page.left, page.y);
      page.y += wrapped.length * 4.6;
    }
    page.y += 4;
  }
  page.save(fileName);
}

export interface PdfTable {
  headers: string[];
  rows: string[][];
  /** Relative column widths; numbers columns are right-aligned where `numeric` is true. */
  widths: number[];
  numeric: boolean[];
  /** Rows drawn bold (totals). */
  boldRows?: number[];
}

/**
 * Tables as an A4 PDF (portrait): title, subtitle, the header row repeated on every page, numbers
 * right-aligned, page numbers. For the compliance table a municipality sends when asked.
 */
export async function downloadTablePdf(fileName: string, title: string, subtitle: string, tables: readonly { heading: string; note?: string; table: PdfTable }[]): Promise<void> {
  const page = await a4(14, 182, 280, 18);
  const { doc, left, width } = page;
  const lineHeight = 5.2;
  page.bold(title, 16, 6);
  page.muted(subtitle, 9.5, 4.4);
  page.y += 3;
  for (const { heading, note, table } of tables) {
    const total = table.widths.reduce((a, b) => a + b, 0);
    const xs: number[] = [];
    let x = left;
    for (const w of table.widths) {
      xs.push(x);
      x += (w / total) * width;
    }
    const colWidth = (i: number) => (table.widths[i]! / total) * width;
    const row = (cells: readonly string[]) => cells.forEach((cell, i) => {
      const text = pdfSafe(cell);
      if (table.numeric[i]) doc.text(text, xs[i]! + colWidth(i) - 1.5, page.y, { align: 'right' });
      else doc.text(text, xs[i]! + 1.5, page.y);
    });
    const header = () => {
      doc.setFillColor(238, 241, 245);
      doc.rect(left, page.y - 3.8, width, lineHeight, 'F');
      doc.setFont('helvetica', 'bold');
      doc.setFontSize(9);
      row(table.headers);
      page.y += lineHeight;
      doc.setFont('helvetica', 'normal');
    };
    page.ensure(20);
    page.bold(heading, 12, 5);
    if (note) {
      page.muted(note, 8.5, 3.9);
      page.y += 2;
    }
    header();
    table.rows.forEach((cells, r) => {
      // A row may end on the foot line; the next one goes to a new page under the header again.
      if (page.ensure(0)) header();
      doc.setFont('helvetica', table.boldRows?.includes(r) ? 'bold' : 'normal');
      doc.setFontSize(9);
      row(cells);
      doc.setDrawColor(227, 231, 237);
      doc.line(left, page.y + 1.4, left + width, page.y + 1.4);
      page.y += lineHeight;
    });
    page.y += 6;
  }
  page.save(fileName);
}
