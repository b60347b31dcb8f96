// The event as the pages know it: GET /api/event asked once per page, and the event's time zone
// that every time on a page is shown in. client.js passes all of it on; a page imports it from there.

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 15_000;

/** Fetches JSON, trying again with back-off until the server answers (screens never reload). */
export async function fetchJson(path, init) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const response = await fetch(path, init);
      if (response.ok) return await response.json();
    } catch { /* the server is not reachable yet */ }
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** attempt)));
  }
}

// The event's time zone (the event file's `zone`, from /api/event): every time a page shows is in
// it, whatever the screen's own zone. A socket opens only once it is known (connect() waits for
// eventSummary()), so no topic is drawn without it; a page that draws REST data awaits eventSummary().
// (No top-level await: old Chromium builds on room PCs do not have it.)
let zone = null;
let eventAsked = null;

/** The event as GET /api/event describes it (names, days, contacts, zone, groups, stages, units), asked once per page. */
export function eventSummary() {
  if (!eventAsked) {
    eventAsked = fetchJson('/api/event').then((event) => {
      zone = event.zone;
      return event;
    });
  }
  return eventAsked;
}

/** A formatter of epoch ms in the event's zone (Intl.DateTimeFormat options); '' before the zone is known. */
export function zonedFormat(locale, options) {
  let format = null;
  return (epochMs) => {
    if (!format && zone) format = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    return format ? format.format(new Date(epochMs)) : '';
  };
}

const HHMM = zonedFormat('vi-VN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const DAY = zonedFormat('vi-VN', { weekday: 'long', day: 'numeric', month: 'numeric', year: 'numeric' });

/** hh:mm in the event's zone. */
export function hhmm(epochMs) {
  return epochMs == null ? '' : HHMM(epochMs);
}

/** "Thứ Tư, 27/5/2026" in the event's zone. */
export function day(epochMs) {
  const text = DAY(epochMs);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Writes each leaderboard group's label (the event file's) into the elements marked data-group-label="ID" under root. */
export function showGroupLabels(root = document) {
  eventSummary().then((event) => root.querySelectorAll('[data-group-label]').forEach((node) => {
    node.textContent = event.groups[node.dataset.groupLabel] ?? node.dataset.groupLabel;
  }));
}
