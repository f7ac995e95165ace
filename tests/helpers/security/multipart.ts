/** A multipart/form-data body with one file field, as a browser's upload sends it. */
export function multipart(filename: string, data: Buffer, contentType = 'application/octet-stream') {
  const boundary = '----tteSecurityBoundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, data, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
