// Dateline's page: events from /api/events drawn on a map, a timeline, a table, and the
// evidence behind the one picked. No libraries and no network beyond this server.
"use strict";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
  "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const COLOURS = { ASSAULT: "#c0392b", COERCE: "#d35400", PROTEST: "#8e44ad", THREATEN: "#e67e22",
  MOBILIZE: "#7f8c8d", SANCTION: "#2c3e50", AID: "#27ae60", AGREE: "#16a085", COOPERATE: "#1abc9c",
  CONSULT: "#2980b9", SUPPORT: "#3498db", CONCEDE: "#95a5a6", RETREAT: "#bdc3c7",
  REQUEST: "#f39c12", ACCUSE: "#b03a2e", REJECT: "#6c3483" };
const SVG = "http://www.w3.org/2000/svg";
let events = [];
let selected = null;

function el(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== null) node.textContent = text;
  return node;
}
function esc(text) {
  return String(text ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}
function names(refs) { return (refs || []).map(r => r.canonical || r.text).join("; "); }
function place(e) { return e.location ? (e.location.name || e.location.text) : ""; }
function day(e) { return e.date ? (e.date.start_date || e.date.value || "") : ""; }

async function load() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(document.getElementById("filters"))) if (v) params.set(k, v);
  const response = await fetch("/api/events?" + params);
  events = response.ok ? await response.json() : [];
  selected = null;
  drawMap(); drawTimeline(events); drawTable(events); showEvidence(null);
}

function extent(points) {
  if (!points.length) return [-180, -90, 180, 90];
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const p of points) { w = Math.min(w, p.lon); e = Math.max(e, p.lon); s = Math.min(s, p.lat); n = Math.max(n, p.lat); }
  const pad = Math.max(2, (e - w) * 0.15, (n - s) * 0.15);
  [w, s, e, n] = [w - pad, s - pad, e + pad, n + pad];
  // keep the 2:1 shape of an equirectangular map
  const width = Math.max(e - w, 2 * (n - s)), height = width / 2;
  const cx = (w + e) / 2, cy = (s + n) / 2;
  return [cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2];
}

function drawMap() {
  const svg = document.getElementById("map");
  svg.replaceChildren();
  const located = events.filter(e => e.location && e.location.lat != null);
  const [w, s, e, n] = extent(located.map(x => x.location));
  const x = lon => (lon - w) / (e - w) * 720, y = lat => (n - lat) / (n - s) * 360;
  const step = [1, 2, 5, 10, 15, 30, 60].find(v => (e - w) / v <= 12) || 60;
  for (let lon = Math.ceil(w / step) * step; lon <= e; lon += step) {
    svg.append(el("line", { class: "grid", x1: x(lon), x2: x(lon), y1: 0, y2: 360 }));
    svg.append(el("text", { class: "grid-label", x: x(lon) + 2, y: 356 }, lon + "°"));
  }
  for (let lat = Math.ceil(s / step) * step; lat <= n; lat += step) {
    svg.append(el("line", { class: "grid", x1: 0, x2: 720, y1: y(lat), y2: y(lat) }));
    svg.append(el("text", { class: "grid-label", x: 2, y: y(lat) - 2 }, lat + "°"));
  }
  const labelled = new Set();
  for (const ev of located) {
    const cx = x(ev.location.lon), cy = y(ev.location.lat);
    const dot = el("circle", { class: "event", cx, cy, r: 4 + 3 * Math.sqrt(ev.n_sources || 1),
      fill: COLOURS[ev.type] || "#555", "data-id": ev.id });
    dot.append(el("title", {}, `${ev.type} · ${place(ev)} · ${day(ev)}`));
    dot.addEventListener("click", () => select(ev));
    svg.append(dot);
    const label = place(ev);
    if (label && !labelled.has(label)) {
      labelled.add(label);
      svg.append(el("text", { class: "place-label", x: cx + 7, y: cy + 3 }, label));
    }
  }
}

function drawTimeline(rows) {
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const counts = new Map();
  for (const ev of rows) { const d = day(ev).slice(0, 10); if (/^\d{4}-\d{2}-\d{2}$/.test(d)) counts.set(d, (counts.get(d) || 0) + 1); }
  const days = [...counts.keys()].sort();
  if (!days.length) { svg.append(el("text", { x: 10, y: 60, class: "grid-label" }, "no dated events")); return; }
  const t0 = Date.parse(days[0]), t1 = Date.parse(days[days.length - 1]) + 864e5;
  const max = Math.max(...counts.values());
  const width = Math.max(2, 700 * 864e5 / (t1 - t0) - 1);
  for (const d of days) {
    const h = 90 * counts.get(d) / max, bx = 10 + 700 * (Date.parse(d) - t0) / (t1 - t0);
    const bar = el("rect", { class: "bar", x: bx, y: 100 - h, width, height: h });
    bar.append(el("title", {}, `${d}: ${counts.get(d)} event(s)`));
    bar.addEventListener("click", () => drawTable(events.filter(ev => day(ev).startsWith(d))));
    svg.append(bar);
  }
  svg.append(el("text", { class: "grid-label", x: 10, y: 114 }, days[0]));
  svg.append(el("text", { class: "grid-label", x: 650, y: 114 }, days[days.length - 1]));
}

function drawTable(rows) {
  document.getElementById("count").textContent = `(${rows.length})`;
  const body = document.querySelector("#events tbody");
  body.replaceChildren();
  for (const ev of rows) {
    const tr = document.createElement("tr");
    tr.dataset.id = ev.id;
    tr.innerHTML = [day(ev), ev.type + (ev.mode ? "/" + ev.mode : ""), names(ev.actor), names(ev.recipient),
      place(ev), ev.n_sources ?? 1, ev.factuality].map(v => `<td>${esc(v)}</td>`).join("");
    tr.addEventListener("click", () => select(ev));
    body.append(tr);
  }
}

function select(ev) {
  selected = ev;
  document.querySelectorAll(".selected").forEach(n => n.classList.remove("selected"));
  document.querySelectorAll(`[data-id="${CSS.escape(ev.id)}"]`).forEach(n => n.classList.add("selected"));
  showEvidence(ev);
}

function marked(sentence, trigger) {
  if (!sentence || !trigger) return esc(sentence ? sentence.text : "");
  const a = trigger.start - sentence.start, b = trigger.end - sentence.start;
  const t = sentence.text;
  if (a < 0 || b > t.length) return esc(t);
  return esc(t.slice(0, a)) + `<span class="trigger">${esc(t.slice(a, b))}</span>` + esc(t.slice(b));
}

function showEvidence(ev) {
  const box = document.getElementById("evidence");
  if (!ev) { box.innerHTML = '<p class="note">Pick an event on the map, the timeline or the table.</p>'; return; }
  const loc = ev.location || {};
  const rows = [
    ["type", `${ev.type}${ev.mode ? " / " + ev.mode : ""}${ev.cameo ? " (CAMEO " + ev.cameo + ")" : ""}`],
    ["ACLED", ev.acled ? `${ev.acled.event_type} – ${ev.acled.sub_event_type || ""}` : ""],
    ["actor", names(ev.actor)], ["recipient", names(ev.recipient)],
    ["where", loc.lat != null ? `${place(ev)} (${loc.lat.toFixed(3)}, ${loc.lon.toFixed(3)}), precision ${loc.precision ?? "?"}` : place(ev)],
    ["when", ev.date ? `${ev.date.value || ""} (${ev.date.text ? "“" + ev.date.text + "”" : "publication date"}, ${ev.date.precision || "?"})` : ""],
    ["fatalities", ev.fatalities ?? ""], ["injured", ev.injured ?? ""],
    ["factuality", ev.factuality], ["says who", ev.attribution ? `${ev.attribution.canonical || ev.attribution.text}${ev.attribution.channel ? " (" + ev.attribution.channel + ")" : ""}` : ""],
    ["sources", `${ev.n_sources ?? 1} source(s), ${ev.n_reports ?? 1} report(s); first ${ev.first_report || ""}, last ${ev.last_report || ""}`],
  ];
  const conflicts = ev.conflicts && Object.keys(ev.conflicts).length
    ? `<p class="conflict">Reports disagree: ${esc(JSON.stringify(ev.conflicts))}</p>` : "";
  const reports = (ev.reports || []).map(r => `<div class="report"><div class="meta">${esc(r.outlet || "")} · ${esc(r.pub_date || "")} · ${esc(r.title || "")}<br>${esc(r.source || "")}</div>
    <div>${r.event_id === ev.id.split(":").pop() && r.article_id === ev.article_id ? marked(ev.sentence, ev.trigger) : esc(r.sentence || "")}</div></div>`).join("");
  box.innerHTML = `<dl>${rows.filter(r => r[1] !== "" && r[1] != null).map(([k, v]) => `<dt>${k}</dt><dd>${esc(v)}</dd>`).join("")}</dl>${conflicts}<h3>Reports</h3>${reports || `<div class="report">${marked(ev.sentence, ev.trigger)}</div>`}`;
}

const typeSelect = document.querySelector('select[name="type"]');
for (const t of TYPES) typeSelect.append(new Option(t, t));
document.getElementById("filters").addEventListener("submit", e => { e.preventDefault(); load(); });
load();
