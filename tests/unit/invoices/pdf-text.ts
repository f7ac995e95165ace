import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ReadPdf {
  pages: { width: number; height: number; text: string }[];
}

// Reads a PDF back the way a viewer would (pdfjs, as in Firefox), so the tests check what a reader sees rather
// than what the renderer meant to write. Whitespace is dropped from the text: pdfjs splits and spaces runs by
// glyph position, and the tests compare content, not layout.
export async function readPdf(bytes: Buffer): Promise<ReadPdf> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false }).promise;
  try {
    const pages: ReadPdf['pages'] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [, , width, height] = page.view;
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join('')
        .replace(/\s+/g, '');
      pages.push({ width, height, text });
    }
    return { pages };
  } finally {
    await pdf.destroy();
  }
}

export const squash = (s: string): string => s.replace(/\s+/g, '');
