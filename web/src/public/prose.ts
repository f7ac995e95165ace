/** A paragraph of a legal or policy text; `article` is its number when it opens one (第十八条, 第二章). */
export interface Paragraph {
  article: string | null;
  text: string;
}

const ARTICLE = /^(第[一二三四五六七八九十百千零〇两\d]+[编章节条款])[：:、\s]*/;

/**
 * A stored body (one paragraph a line, as the bureau pastes it) as paragraphs, each article's number apart so
 * that a reader finds 第十八条 at a glance. Blank lines and surrounding spaces carry no meaning.
 */
export function paragraphsOf(body: string): Paragraph[] {
  return body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const m = ARTICLE.exec(line);
      return m ? { article: m[1], text: line.slice(m[0].length) } : { article: null, text: line };
    });
}
