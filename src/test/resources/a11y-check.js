// A small accessibility checker, run in the page by the browser tests (page.evaluate). Answers a list of
// violations, each a sentence naming the element; an empty list means the page passed every check:
// image alternatives, labelled form controls, the document language, one h1 and no skipped heading level,
// links with discernible text, text contrast (WCAG 2 AA: 4.5:1, 3:1 for large text), and tap targets of at
// least 44 CSS pixels high (buttons, and the links in .actions). Only rendered elements are checked.
() => {
  const violations = [];
  const rendered = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const describe = (el) => {
    const id = el.id ? '#' + el.id : '';
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return '<' + el.tagName.toLowerCase() + id + cls + '>' + (text ? ' "' + text + '"' : '');
  };
  const all = (selector) => Array.from(document.querySelectorAll(selector)).filter(rendered);

  // The document language.
  if (!(document.documentElement.getAttribute('lang') || '').trim()) {
    violations.push('<html> has no lang attribute');
  }

  // Images: a non-empty text alternative.
  for (const img of all('img')) {
    if (!(img.getAttribute('alt') || '').trim()) {
      violations.push('image without alt text: ' + img.getAttribute('src'));
    }
  }

  // Form controls: a label[for], a wrapping label, aria-label or aria-labelledby.
  const controls = 'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]), select, textarea, progress, meter';
  for (const control of all(controls)) {
    const byFor = control.id && document.querySelector('label[for="' + CSS.escape(control.id) + '"]');
    const wrapped = control.closest('label');
    const aria = (control.getAttribute('aria-label') || '').trim() || control.getAttribute('aria-labelledby');
    if (!byFor && !wrapped && !aria) {
      violations.push('form control without a label: ' + describe(control));
    }
  }
  for (const button of all('button, input[type=submit], input[type=button]')) {
    const name = (button.textContent || button.value || button.getAttribute('aria-label') || '').trim();
    if (!name) {
      violations.push('button without text: ' + describe(button));
    }
  }

  // Headings: exactly one h1, first; no level skipped on the way down.
  const headings = all('h1, h2, h3, h4, h5, h6');
  const h1s = headings.filter((h) => h.tagName === 'H1');
  if (h1s.length !== 1) {
    violations.push('expected exactly one h1, found ' + h1s.length);
  }
  if (headings.length && headings[0].tagName !== 'H1') {
    violations.push('the first heading is not an h1: ' + describe(headings[0]));
  }
  for (let i = 1; i < headings.length; i++) {
    const before = Number(headings[i - 1].tagName[1]);
    const level = Number(headings[i].tagName[1]);
    if (level > before + 1) {
      violations.push('heading level skipped (h' + before + ' then h' + level + '): ' + describe(headings[i]));
    }
  }

  // Links: discernible text (their text, an aria-label, or an image's alt inside).
  for (const link of all('a[href]')) {
    const text = (link.textContent || '').trim() || (link.getAttribute('aria-label') || '').trim()
      || Array.from(link.querySelectorAll('img')).map((i) => (i.getAttribute('alt') || '').trim()).join('');
    if (!text) {
      violations.push('link without discernible text: ' + link.getAttribute('href'));
    }
  }

  // Contrast of every rendered element that holds text of its own, against the colour behind it.
  const parse = (css) => {
    const m = css.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  };
  const background = (el) => {
    // Transparent means the parent's colour: blend the layers from the root down.
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      layers.push(parse(getComputedStyle(e).backgroundColor));
    }
    let colour = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) {
      if (layers[i][3] > 0) colour = over(layers[i], colour);
    }
    return colour;
  };
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  for (const el of all('body *')) {
    const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!ownText) continue;
    const style = getComputedStyle(el);
    const back = background(el);
    const fore = over(parse(style.color), back);
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    const needed = large ? 3 : 4.5;
    const got = ratio(fore, back);
    if (got < needed) {
      violations.push('contrast ' + got.toFixed(2) + ':1 below ' + needed + ':1 (' + style.color + ' on rgb('
        + back.slice(0, 3).map(Math.round).join(', ') + ')): ' + describe(el));
    }
  }

  // Tap targets: at least 44 CSS pixels high.
  for (const target of all('button, input[type=submit], .actions a')) {
    const height = target.getBoundingClientRect().height;
    if (height < 44) {
      violations.push('tap target ' + height.toFixed(1) + ' px high (under 44): ' + describe(target));
    }
  }
  return violations;
}
