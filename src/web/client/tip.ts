/// <reference lib="dom" />
/**
 * One tooltip for the whole page: any element (HTML or SVG) with a `data-tip` attribute shows
 * its text beside the pointer, or beside it when it is reached with the keyboard, so charts and
 * maps can say what a bar or a dot stands for.
 */

export function startTips(): void {
  const tip = document.createElement('div');
  tip.className = 'tip';
  tip.setAttribute('role', 'status');
  document.body.appendChild(tip);
  let shown: Element | null = null;
  const place = (e: PointerEvent) => {
    const pad = 14;
    const w = tip.offsetWidth;
    const x = e.clientX + pad + w > window.innerWidth ? e.clientX - pad - w : e.clientX + pad;
    tip.style.left = `${Math.max(4, x)}px`;
    tip.style.top = `${e.clientY + pad}px`;
  };
  // Shows the tip of the nearest element that has one, or hides it; returns that element.
  const show = (target: EventTarget | null): Element | null => {
    shown = (target as Element | null)?.closest('[data-tip]') ?? null;
    if (!shown) {
      tip.classList.remove('on');
      return null;
    }
    tip.textContent = shown.getAttribute('data-tip');
    tip.classList.add('on');
    return shown;
  };
  document.addEventListener('pointerover', (e) => {
    const el = (e.target as Element | null)?.closest('[data-tip]') ?? null;
    if (el === shown) return;
    if (show(el)) place(e);
  });
  document.addEventListener('pointermove', (e) => {
    if (shown) place(e);
  });
  // Reached by Tab: the tip stands just below the element that has the focus.
  document.addEventListener('focusin', (e) => {
    const el = show(e.target);
    if (!el) return;
    const box = el.getBoundingClientRect();
    tip.style.left = `${Math.max(4, Math.min(box.left, window.innerWidth - tip.offsetWidth - 4))}px`;
    tip.style.top = `${box.bottom + 6}px`;
  });
  document.addEventListener('focusout', () => {
    shown = null;
    tip.classList.remove('on');
  });
  document.addEventListener('pointerleave', () => {
    shown = null;
    tip.classList.remove('on');
  });
}
