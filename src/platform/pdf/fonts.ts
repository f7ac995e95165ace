import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// pdfkit's standard fonts have no Chinese glyphs, so every document embeds Noto Sans SC; pdfkit subsets a TTF to
// the glyphs used. WOFF2 renders blank and WOFF takes seconds (STACK.md), so TTF.
export const FONT_REGULAR = 'NotoSansSC-Regular';
export const FONT_BOLD = 'NotoSansSC-Bold';

const require = createRequire(import.meta.url);
const FILES = {
  [FONT_REGULAR]: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  [FONT_BOLD]: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;
type FontName = keyof typeof FILES;

// Each file is ~10 MB, and parsing its tables (cmap, GSUB, GPOS…) took ~20 ms of every ~50 ms render when each
// document parsed its own copy. pdfkit accepts an already parsed fontkit font, so each file is read and parsed
// once per process and shared: a parsed font only caches data derived from the file, and every document
// still makes its own subset. fontkit is loaded from pdfkit's own location, so it is the version pdfkit was
// built against, not a second dependency that could drift from it.
interface ParsedFont {
  layout(text: string): unknown;
}
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Buffer): ParsedFont };

const parsed = new Map<FontName, ParsedFont>();

function parsedFont(name: FontName): ParsedFont {
  let font = parsed.get(name);
  if (!font) {
    font = fontkit.create(readFileSync(require.resolve(FILES[name])));
    parsed.set(name, font);
  }
  return font;
}

export function registerCjkFonts(doc: PDFKit.PDFDocument): void {
  // The typings list only file sources; pdfkit's PDFFontFactory also takes a parsed font (anything with layout()).
  doc.registerFont(FONT_REGULAR, parsedFont(FONT_REGULAR) as unknown as Buffer);
  doc.registerFont(FONT_BOLD, parsedFont(FONT_BOLD) as unknown as Buffer);
}
