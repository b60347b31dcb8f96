// The event as the pages know it: GET /api/event asked once per page, which also sets the event's
// time zone that every time on a page is shown in (time.js). client.js passes all of it on; a page
// imports it from there.
import { useZone } from './time.js';

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

// (No top-level await: old Chromium builds on room PCs do not have it.)
let eventAsked = null;

/** The event as GET /api/event describes it (names, days, contacts, zone, groups, stages, units), asked once per page. */
export function eventSummary() {
  if (!eventAsked) {
    eventAsked = fetchJson('/api/event').then((event) => {
      useZone(event.zone);
      return event;
    });
  }
  return eventAsked;
}

/** Writes each leaderboard group's label (the event file's) into the elements marked data-group-label="ID" under root. */
export function showGroupLabels(root = document) {
  eventSummary().then((event) => root.querySelectorAll('[data-group-label]').forEach((node) => {
    node.textContent = event.groups[node.dataset.groupLabel] ?? node.dataset.groupLabel;
  }));
}
