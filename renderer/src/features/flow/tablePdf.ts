// A table as an A4 PDF (portrait): title, subtitle, the header row repeated on every page, numbers
// right-aligned, page numbers. For the compliance table a municipality sends when asked.
import { numberPages, pdfSafe, safeFileName } from './exporting';
import { saveFile } from '../../components/saveFile';

export interface PdfTable {
  headers: string[];
  rows: string[][];
  /** Relative column widths; numbers columns are right-aligned where `numeric` is true. */
  widths: number[];
  numeric: boolean[];
  /** Rows drawn bold (totals). */
  boldRows?: number[];
}

export async function downloadTablePdf(fileName: string, title: string, subtitle: string, tables: readonly { heading: string; note?: string; table: PdfTable }[]): Promise<void> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait' });
  const left = 14;
  const width = 182;
  const bottom = 280;
  const lineHeight = 5.2;
  let y = 18;
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(16);
  doc.text(pdfSafe(title), left, y);
  y += 6;
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(9.5);
  doc.setTextColor(74, 85, 101);
  for (const line of doc.splitTextToSize(pdfSafe(subtitle), width) as string[]) {
    doc.text(line, left, y);
    y += 4.4;
  }
  doc.setTextColor(23, 32, 43);
  y += 3;
  for (const { heading, note, table } of tables) {
    const total = table.widths.reduce((a, b) => a + b, 0);
    const xs: number[] = [];
    let x = left;
    for (const w of table.widths) {
      xs.push(x);
      x += (w / total) * width;
    }
    const colWidth = (i: number) => (table.widths[i]! / total) * width;
    const header = () => {
      doc.setFillColor(238, 241, 245);
      doc.rect(left, y - 3.8, width, lineHeight, 'F');
      doc.setFont('helvetica', 'bold');
      doc.setFontSize(9);
      table.headers.forEach((h, i) => {
        const text = pdfSafe(h);
        if (table.numeric[i]) doc.text(text, xs[i]! + colWidth(i) - 1.5, y, { align: 'right' });
        else doc.text(text, xs[i]! + 1.5, y);
      });
      y += lineHeight;
      doc.setFont('helvetica', 'normal');
    };
    if (y + 20 > bottom) {
      doc.addPage();
      y = 18;
    }
    doc.setFont('helvetica', 'bold');
    doc.setFontSize(12);
    doc.text(pdfSafe(heading), left, y);
    y += 5;
    if (note) {
      doc.setFont('helvetica', 'normal');
      doc.setFontSize(8.5);
      doc.setTextColor(74, 85, 101);
      for (const line of doc.splitTextToSize(pdfSafe(note), width) as string[]) {
        doc.text(line, left, y);
        y += 3.9;
      }
      doc.setTextColor(23, 32, 43);
      y += 2;
    }
    header();
    table.rows.forEach((row, r) => {
      if (y > bottom) {
        doc.addPage();
        y = 18;
        header();
      }
      doc.setFont('helvetica', table.boldRows?.includes(r) ? 'bold' : 'normal');
      doc.setFontSize(9);
      row.forEach((cell, i) => {
        const text = pdfSafe(cell);
        if (table.numeric[i]) doc.text(text, xs[i]! + colWidth(i) - 1.5, y, { align: 'right' });
        else doc.text(text, xs[i]! + 1.5, y);
      });
      doc.setDrawColor(227, 231, 237);
      doc.line(left, y + 1.4, left + width, y + 1.4);
      y += lineHeight;
    });
    y += 6;
  }
  numberPages(doc, left + width);
  saveFile(doc.output('blob'), `${safeFileName(fileName)}.pdf`);
}
