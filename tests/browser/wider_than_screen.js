() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  const clipBox = (el) => {  // the screen box an SVG element's nearest clip path lets through, or null
    const owner = el.closest('[clip-path]');
    if (!owner) return null;
    const id = (owner.getAttribute('clip-path').match(/url\(#([^)]+)\)/) || [])[1];
    const shape = id && document.getElementById(id)?.firstElementChild;
    if (!shape) return null;
    const b = shape.getBBox(), m = owner.getScreenCTM();
    return {left: m.a * b.x + m.e, right: m.a * (b.x + b.width) + m.e};
  };
  for (const el of document.querySelectorAll('[data-testid="stMain"] *')) {
    if (el.closest('defs') || el.closest('[data-testid="stDataFrame"]')) continue;
    if (el.parentElement?.closest('.reading-table')) continue;  // a table's cells scroll inside its region, checked itself
    if (el.matches('input[type="range"]')) continue;  // a slider's visually hidden control
    if (el instanceof SVGElement && el.tagName.toLowerCase() !== 'svg' && el.children.length) continue;  // a group's box holds what its clip hides
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(el).opacity === '0' || getComputedStyle(el).visibility === 'hidden') continue;
    let left = box.left, right = box.right;
    const clip = el instanceof SVGElement ? clipBox(el) : null;
    if (clip) { left = Math.max(left, clip.left); right = Math.min(right, clip.right); if (right <= left) continue; }
    if (left < -1 || right > width + 1) wide.push(`${el.tagName.toLowerCase()}.${(el.getAttribute('class') || '').split(' ')[0]} ${Math.round(left)}..${Math.round(right)}`);
  }
  return wide.slice(0, 8);
}
