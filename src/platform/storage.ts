import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where uploaded files live. The file-system store can be replaced by object storage behind this interface. */
export interface BlobStore {
  put(data: Buffer): Promise<{ key: string; sha256: string }>;
  get(key: string): Promise<Buffer>;
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{64}$/;

/** Content-addressed files under DATA_DIR/files: the same bytes are stored once; writes are atomic renames. */
export function fsBlobStore(root: string): BlobStore {
  return {
    async put(data) {
      const sha256 = createHash('sha256').update(data).digest('hex');
      const key = `${sha256.slice(0, 2)}/${sha256}`;
      const path = join(root, key);
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, data);
      await rename(tmp, path);
      return { key, sha256 };
    },
    async get(key) {
      if (!KEY.test(key)) throw new Error('invalid storage key');
      return readFile(join(root, key));
    },
  };
}
