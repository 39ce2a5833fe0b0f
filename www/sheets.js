// The styles of the views loaded on demand (views.css): the scenario editor, the timeline, the
// tool views and the difference map. The page starts without them; the first view to open adds
// the sheet, and is drawn once it has loaded, so it never shows unstyled.
import { h } from './dom.js';

let loading = null;

/**
 * Resolves once views.css applies: added beside the page's own minified styles the first time.
 * Where those are inlined (the single file carries views.css inlined with them) there is nothing
 * to add. A sheet that fails to load resolves too: the view is then drawn with the page's styles.
 */
export function viewStyles() {
  loading ||= new Promise((done) => {
    const own = document.querySelector('link[rel=stylesheet][href$="style.css"]');
    if (!own) { done(); return; }
    // Right after style.css, before dark.css, as if its rules were still in style.css.
    own.after(h('link', { rel: 'stylesheet', href: new URL('views.css', own.href).href, onload: done, onerror: done }));
  });
  return loading;
}
