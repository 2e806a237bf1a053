// What a reader's checks find on the page (run by test_portal_accessibility.py): each finding
// is a short text naming the element, so a failure says what to fix.
() => {
  const found = [];
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.getAttribute('name') ? '[name=' + el.getAttribute('name') + ']' : '');
  const shown = (el) => el.offsetParent !== null || getComputedStyle(el).position === 'fixed';
  for (const img of document.querySelectorAll('img')) {
    if (!img.hasAttribute('alt')) found.push('no alt: ' + img.src);
    else if (/^(captcha|image|img)$/i.test(img.alt.trim())) found.push('alt not Vietnamese: ' + img.alt);
  }
  for (const field of document.querySelectorAll('input, select, textarea')) {
    if (field.type === 'hidden' || !shown(field)) continue;
    const labelled = (field.id && document.querySelector('label[for="' + field.id + '"]'))
      || field.closest('label') || field.getAttribute('aria-label') || field.getAttribute('aria-labelledby');
    if (!labelled) found.push('no label: ' + name(field));
  }
  const h1 = document.querySelectorAll('h1');
  if (h1.length !== 1) found.push('h1 count ' + h1.length);
  let last = 0;
  for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = Number(h.tagName[1]);
    if (last && level > last + 1) found.push('heading jumps to ' + h.tagName + ': ' + h.textContent.trim());
    last = level;
  }
  const rgb = (value) => (value.match(/[\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || seen.has(el) || !shown(el)) continue;
    if (el.closest('[aria-hidden="true"]')) continue;  // decoration, not text to read
    seen.add(el);
    const style = getComputedStyle(el);
    const fg = lum(rgb(style.color).slice(0, 3)), bg = lum(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.5 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) found.push('contrast ' + ratio.toFixed(2) + ': ' + el.textContent.trim().slice(0, 40));
  }
  if (document.documentElement.scrollWidth > window.innerWidth) found.push('wider than the screen');
  return found;
}
