// Uploads are typed by their bytes, never by their name or the client's Content-Type: a renamed executable
// stays refused. Accepted: PDF, PNG, JPEG, GIF, WebP, Office documents (OOXML and legacy OLE2).
export interface DetectedType {
  mime: string;
  ext: string;
}

const startsWith = (b: Buffer, sig: number[], offset = 0) => sig.every((v, i) => b[offset + i] === v);

function ooxmlKind(b: Buffer): DetectedType | null {
  const head = b.subarray(0, Math.min(b.length, 64 * 1024)).toString('latin1');
  if (!head.includes('[Content_Types].xml')) return null;
  if (head.includes('word/'))
    return { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' };
  if (head.includes('xl/'))
    return { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' };
  if (head.includes('ppt/'))
    return { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', ext: 'pptx' };
  return null;
}

export function detectFileType(b: Buffer): DetectedType | null {
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: 'application/pdf', ext: 'pdf' };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', ext: 'png' };
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg' };
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38]) && (b[4] === 0x37 || b[4] === 0x39) && b[5] === 0x61)
    return { mime: 'image/gif', ext: 'gif' };
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8))
    return { mime: 'image/webp', ext: 'webp' };
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return ooxmlKind(b);
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { mime: 'application/x-ole-storage', ext: 'doc' };
  return null;
}

/** A safe display name: no path parts, no control characters, bounded length, the detected extension. */
export function safeFilename(name: string, type: DetectedType): string {
  const base =
    (name.split(/[\\/]/).pop() ?? 'file')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what a display name must lose
      .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
      .trim()
      .slice(0, 120) || 'file';
  const stem = base.replace(/\.[^.]*$/, '') || 'file';
  return `${stem}.${type.ext}`;
}
