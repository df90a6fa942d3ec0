import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SessionUserContext } from '../auth/SessionUserContext.js';
import { sessionUser } from '../test/render.js';
import { loadKatex } from './katex-loader.js';
import { RichText } from './RichText.js';

// Stems, options and passages as every page shows them (issue 14 §1): KaTeX for formulas, with
// MathML for screen readers; everything else is text, never HTML.

const IMAGE_ID = '0e0e0e0e-0000-4000-8000-00000000beef';

describe('RichText', () => {
  it('renders a formula with KaTeX, MathML included for screen readers', async () => {
    const { container } = render(<RichText text="圆的面积是 $\pi r^2$。" />);
    await waitFor(() => {
      expect(container.querySelector('math')).not.toBeNull();
    });
    expect(container.querySelector('annotation')?.textContent).toBe('\\pi r^2');
    expect(container.querySelector('.katex-html')).not.toBeNull();
    expect(container.textContent).toContain('圆的面积是');
    expect(container.textContent).toContain('。');
  });

  it('shows a display formula as a block of its own', async () => {
    const { container } = render(<RichText text="求 $$\int_0^1 x\,dx$$" />);
    await waitFor(() => {
      expect(container.querySelector('.katex-display')).not.toBeNull();
    });
  });

  it('keeps plain text as text: markup and an escaped dollar are shown as typed', () => {
    const text = '<b>粗体</b> <img src=x onerror="alert(1)"> & 价格 \\$5';
    const { container } = render(<RichText text={text} />);
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('<b>粗体</b> <img src=x onerror="alert(1)"> & 价格 $5');
  });

  it('lets no formula inject HTML or a link: \\href, \\url and \\htmlClass are not obeyed', async () => {
    await loadKatex();
    const { container } = render(
      <RichText
        text={
          '$\\href{javascript:alert(1)}{x}$ $\\url{https://evil.example}$ $\\htmlClass{pwn}{y}$ $<script>alert(1)</script>$'
        }
      />,
    );
    expect(container.querySelectorAll('[data-formula="ready"]')).toHaveLength(4);
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('.pwn')).toBeNull();
  });

  it('numbers the blanks of a fill-in stem around its formulas', async () => {
    await loadKatex();
    const { container } = render(<RichText text="若 $a_1 = 1$，则 ___ 与 ___" numberBlanks />);
    expect(container.textContent).toMatch(/\(1\).*\(2\)/);
    expect(container.querySelector('annotation')?.textContent).toBe('a_1 = 1');
  });

  it("shows a picture from the candidate's own route with its 说明 as alt text", () => {
    render(
      <SessionUserContext value={sessionUser({ role: 'candidate' })}>
        <RichText text={`见图 ![电路图](image:${IMAGE_ID})`} />
      </SessionUserContext>,
    );
    const image = screen.getByRole('img', { name: '电路图' });
    expect(image.getAttribute('src')).toBe(`/api/me/question-images/${IMAGE_ID}`);
  });

  it("shows staff the bank's picture route", () => {
    render(
      <SessionUserContext value={sessionUser({ role: 'school_admin' })}>
        <RichText text={`![电路图](image:${IMAGE_ID})`} />
      </SessionUserContext>,
    );
    expect(screen.getByRole('img', { name: '电路图' }).getAttribute('src')).toBe(
      `/api/admin/question-bank/images/${IMAGE_ID}`,
    );
  });
});
