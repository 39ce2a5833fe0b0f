// Runs inside the embed (a classic script, so it loads even where a sandbox stops the calculator's
// modules or WebAssembly). It tells the host page the frame's height whenever it changes, in the
// three formats newsroom pages already listen for (Datawrapper, AMP, embed.ly), and if the
// calculator has not answered within a few seconds it says why and links to the full page. Links
// that leave the embed open in a new tab.
(function () {
  'use strict';
  var root = document.documentElement;
  var id = (new URLSearchParams(location.search).get('id') || 'h100e').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'h100e';
  var last = 0;

  function post() {
    if (window.parent === window) return;
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    var dw = {};
    dw[id] = height;
    window.parent.postMessage({ 'datawrapper-height': dw }, '*');
    window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: height }, '*');
    window.parent.postMessage(JSON.stringify({ src: location.href, context: 'iframe.resize', height: height }), '*');
  }

  function explain() {
    if (root.dataset.ready) return;
    root.dataset.failed = 'true';
    var status = document.getElementById('status');
    var link = document.createElement('a');
    var params = new URLSearchParams(location.search);
    ['view', 'controls', 'theme', 'id'].forEach(function (k) { params.delete(k); });
    link.href = './?' + params.toString();
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = 'Open the calculator in its own page';
    status.textContent = 'The calculator could not start in this frame: the page around it may block its scripts or WebAssembly (an iframe sandbox without allow-same-origin does). ';
    status.appendChild(link);
    status.appendChild(document.createTextNode('.'));
    post();
  }

  // A link that leaves the embed (sources, glossary, what changed in the data) opens in a new tab:
  // followed inside the frame it would replace the calculator in the host's article. Links within
  // the frame (#…) and downloads stay. Set as the click happens, so links the calculator adds
  // later are covered.
  document.addEventListener('click', function (ev) {
    var a = ev.target.closest && ev.target.closest('a[href]');
    if (!a || a.target || a.hasAttribute('download') || a.getAttribute('href').charAt(0) === '#') return;
    a.target = '_blank';
    a.rel = 'noopener';
  }, true);

  if (window.ResizeObserver) new ResizeObserver(post).observe(root);
  addEventListener('load', post);
  setTimeout(explain, 4000);
})();
