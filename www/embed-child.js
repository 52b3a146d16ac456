// Inside the iframe embed, before the loader runs: pick the data file from ?data= (a path on
// this site only), then tell the host page the content's height whenever it changes.
(() => {
  const params = new URLSearchParams(location.search);
  const target = document.getElementById('chart');
  // A page written for one data file (data/NAME.frame.html) names it already; embed.html
  // takes it from ?data=.
  if (!target.hasAttribute('data-rankclimb') || params.has('data')) {
    const url = new URL(params.get('data') || 'data/pingdingshan.json', location.href);
    if (url.origin === location.origin) target.setAttribute('data-rankclimb', url.pathname + url.search);
  }
  const lang = params.get('lang');
  if (lang === 'en' || lang === 'zh-CN') target.setAttribute('data-lang', lang);
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    parent.postMessage({ type: 'rankclimb:height', height }, '*');
  };
  new ResizeObserver(report).observe(document.documentElement);
})();
