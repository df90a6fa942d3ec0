import { describe, expect, it } from 'vitest';
import { isBlankHtml, sanitizeAnnouncementHtml } from './sanitize.js';

describe('sanitizeAnnouncementHtml', () => {
  it('removes scripts, event handlers, images, styles and classes', () => {
    expect(
      sanitizeAnnouncementHtml(
        '<p style="color:red" class="big" onclick="x()">正文<script>alert(1)</script></p>' +
          '<img src="x" onerror="alert(1)"><svg onload="alert(1)"></svg><style>p{}</style>',
      ),
    ).toBe('<p>正文</p>');
  });

  it('keeps the allowed formatting', () => {
    const html =
      '<h3>一</h3><h4>二</h4><p>a<br />b <strong>c</strong><b>d</b><em>e</em><i>f</i><u>g</u><s>h</s></p>' +
      '<ul><li>1</li></ul><ol><li>2</li></ol><blockquote>q</blockquote>';
    expect(sanitizeAnnouncementHtml(html)).toBe(html);
  });

  it('keeps http, https and mailto links and opens them safely', () => {
    expect(
      sanitizeAnnouncementHtml('<a href=" HTTPS://a.edu/x " target="_self" rel="opener">a</a>'),
    ).toBe('<a href="HTTPS://a.edu/x" rel="noopener noreferrer" target="_blank">a</a>');
    expect(sanitizeAnnouncementHtml('<a href="mailto:x@a.edu">m</a>')).toContain(
      'href="mailto:x@a.edu"',
    );
  });

  it('turns other links into their text without breaking the next link', () => {
    expect(
      sanitizeAnnouncementHtml(
        '<a href="javascript:alert(1)">a</a><a href="jav&#x61;script:alert(1)">b</a>' +
          '<a href="data:text/html,x">c</a><a href="//evil.example">d</a><a href="/x">e</a>' +
          '<a href="http://a.edu">f</a>',
      ),
    ).toBe('abcde<a href="http://a.edu" rel="noopener noreferrer" target="_blank">f</a>');
  });
});

describe('isBlankHtml', () => {
  it('tells empty markup from text', () => {
    expect(isBlankHtml('<p><br /></p>&nbsp; <p> </p>')).toBe(true);
    expect(isBlankHtml('')).toBe(true);
    expect(isBlankHtml('<p>0</p>')).toBe(false);
  });
});
