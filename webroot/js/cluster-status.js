// The cluster's state for the MC console: a small "máy chủ dự phòng" notice while a cluster of
// several servers runs without one of them (the others carry the event). A single server, or a
// whole cluster, shows nothing. Read from /health every few seconds; it starts when imported.
const EVERY_MS = 5000;

function notice() {
  const badge = document.createElement('div');
  badge.id = 'cluster-standby';
  badge.setAttribute('role', 'status');
  badge.textContent = 'máy chủ dự phòng';
  badge.title = 'Một máy chủ của cụm đã dừng: các máy chủ còn lại đang phục vụ.';
  Object.assign(badge.style, {
    position: 'fixed', right: '0.75rem', bottom: '0.75rem', padding: '0.25rem 0.6rem', borderRadius: '0.4rem',
    background: '#b45309', color: '#fff', font: '600 0.85rem system-ui, sans-serif', zIndex: 1000, display: 'none',
  });
  document.body.append(badge);
  return badge;
}

async function check(badge) {
  try {
    const response = await fetch('/health', { cache: 'no-store' });
    const health = await response.json();
    badge.style.display = health.cluster && health.cluster.lostMembers > 0 ? 'block' : 'none';
  } catch {
    // the node is unreachable: the console's own connection banner says so
  }
}

function watchCluster() {
  const badge = notice();
  check(badge);
  setInterval(() => check(badge), EVERY_MS);
}

watchCluster();
