import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HIGHLIGHT_POST_TAG as POST,
  HIGHLIGHT_PRE_TAG as PRE,
  escapeHtml,
  markHighlights,
  toHighlight,
} from '../../../search/highlight.js';

describe('markHighlights', () => {
  it('wraps matches in <mark>', () => {
    expect(markHighlights(`${PRE}节水${POST}灌溉技术`)).toBe('<mark>节水</mark>灌溉技术');
    expect(markHighlights(`${PRE}drip${POST} ${PRE}irrigation${POST}`)).toBe(
      '<mark>drip</mark> <mark>irrigation</mark>',
    );
  });

  it('escapes HTML stored in documents, including a literal <mark>', () => {
    expect(markHighlights(`<script>alert("x")</script> ${PRE}涂料${POST}`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>涂料</mark>',
    );
    expect(markHighlights(`<mark>fake</mark> & 'q'`)).toBe('&lt;mark&gt;fake&lt;/mark&gt; &amp; &#39;q&#39;');
  });

  it('keeps the markup balanced when a document contains the marker characters', () => {
    expect(markHighlights(`a${POST}b`)).toBe('ab');
    expect(markHighlights(`${PRE}a${PRE}b${POST}`)).toBe('<mark>ab</mark>');
    expect(markHighlights(`${PRE}open`)).toBe('<mark>open</mark>');
  });

  it('never lets a tag other than <mark> through', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constant(PRE), fc.constant(POST), fc.constant('<'), fc.constant('>'))),
        (parts) => {
          const html = markHighlights(parts.join(''));
          expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"']/);
          expect(html.match(/<mark>/g)?.length ?? 0).toBe(html.match(/<\/mark>/g)?.length ?? 0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('toHighlight', () => {
  it('returns the highlighted attributes only, text and lists of text', () => {
    const formatted = {
      id: 'lst_1',
      trl: 7,
      title: `${PRE}节水${POST}灌溉技术`,
      keywords: [`${PRE}节水${POST}`, '<b>棉花</b>'],
      summary: 'plain',
      field: 'modern_agriculture',
    };
    expect(toHighlight(formatted)).toEqual({
      title: '<mark>节水</mark>灌溉技术',
      keywords: ['<mark>节水</mark>', '&lt;b&gt;棉花&lt;/b&gt;'],
      summary: 'plain',
    });
  });

  it('accepts a missing _formatted and a custom attribute list', () => {
    expect(toHighlight(undefined)).toEqual({});
    expect(toHighlight({ body: `${PRE}政策${POST}`, title: 'x' }, ['body'])).toEqual({ body: '<mark>政策</mark>' });
  });

  it('skips values that are not text', () => {
    expect(toHighlight({ title: 42, keywords: ['a', 1] })).toEqual({});
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
