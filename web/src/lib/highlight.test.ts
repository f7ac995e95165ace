import { describe, expect, it } from 'vitest';
import { sanitizeHighlight } from './highlight.js';

describe('sanitizeHighlight', () => {
  it('keeps the <mark> tags the server added and the entities it escaped', () => {
    expect(sanitizeHighlight('<mark>节水</mark>灌溉 &lt;b&gt; &amp; co')).toBe(
      '<mark>节水</mark>灌溉 &lt;b&gt; &amp; co',
    );
  });

  it('normalises the case of mark tags', () => {
    expect(sanitizeHighlight('<MARK>drip</Mark>')).toBe('<mark>drip</mark>');
  });

  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<mark onclick="x">a</mark>', '&lt;mark onclick="x"&gt;a</mark>'],
    ['<mark><b>a</b></mark>', '<mark>&lt;b&gt;a&lt;/b&gt;</mark>'],
    ['<<mark>>', '&lt;<mark>&gt;'],
  ])('escapes every other tag: %s', (input, expected) => {
    expect(sanitizeHighlight(input)).toBe(expected);
  });

  it('leaves no element but <mark> when parsed as HTML', () => {
    const div = document.createElement('div');
    div.innerHTML = sanitizeHighlight('a<mark>b</mark><svg onload=alert(1)><iframe src="javascript:1">');
    expect([...div.querySelectorAll('*')].map((el) => el.tagName)).toEqual(['MARK']);
    expect(div.textContent).toBe('ab<svg onload=alert(1)><iframe src="javascript:1">');
  });
});
