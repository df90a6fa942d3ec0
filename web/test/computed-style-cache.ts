/**
 * jsdom recomputes a style by matching every rule of every style sheet, and antd injects
 * thousands of rules: Testing Library's role queries ask for the style of each element and all
 * its ancestors (is it hidden?) and of their pseudo-elements (accessible names), so one
 * `getByRole` took a second or more. Answers are kept until the document changes in any way
 * (checked synchronously through the observer's pending records), so they are exactly what
 * jsdom would answer, only computed once.
 */
export function cacheComputedStyles(): void {
  const original = window.getComputedStyle.bind(window);
  let cache = new WeakMap<Element, Map<string, CSSStyleDeclaration>>();
  const observer = new MutationObserver(() => {
    cache = new WeakMap();
  });
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  window.getComputedStyle = (element: Element, pseudo?: string | null) => {
    if (observer.takeRecords().length > 0) cache = new WeakMap();
    const key = pseudo ?? '';
    const known = cache.get(element)?.get(key);
    if (known) return known;
    // jsdom computes no pseudo-elements: it answers the element's own style and logs "not
    // implemented" for each call, which antd's scroll locking and accessible names make often.
    const style = original(element);
    const forElement = cache.get(element) ?? new Map<string, CSSStyleDeclaration>();
    forElement.set(key, style);
    cache.set(element, forElement);
    return style;
  };
}
