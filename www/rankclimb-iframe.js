// Host-page script for the iframe embed: each <iframe data-rankclimb-iframe> takes the height
// its content reports, so the infographic never scrolls inside its frame.
window.addEventListener('message', (event) => {
  const message = event.data;
  if (!message || message.type !== 'rankclimb:height' || !Number.isFinite(message.height)) return;
  for (const frame of document.querySelectorAll('iframe[data-rankclimb-iframe]')) {
    if (frame.contentWindow === event.source) {
      frame.style.height = `${Math.max(0, Math.min(message.height, 20000))}px`;
    }
  }
});
