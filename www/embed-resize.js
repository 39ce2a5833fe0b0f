// For host pages that have no listener of their own: sizes every h100e embed on the page to its
// content, from the frame's AMP-format height message. No dependencies; safe under a strict CSP
// (load it as a script file). <script src=".../embed-resize.js" async></script>
(function () {
  'use strict';
  addEventListener('message', function (ev) {
    var d = ev.data;
    if (!d || d.sentinel !== 'amp' || d.type !== 'embed-size' || typeof d.height !== 'number') return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === ev.source) frames[i].style.height = Math.max(100, Math.min(d.height, 20000)) + 'px';
    }
  });
})();
