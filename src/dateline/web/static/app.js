// Dateline's page: a Leaflet map with Natural Earth borders (no tiles), events counted per
// grid cell by the server, a brushable timeline, a table, the evidence of one event with
// its words marked, and a form to review it. Everything comes from this server; the state
// of the view lives in the URL so a view can be shared.
"use strict";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
  "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const COLOURS = { ASSAULT: "#c0392b", COERCE: "#d35400", PROTEST: "#8e44ad", THREATEN: "#e67e22",
  MOBILIZE: "#7f8c8d", SANCTION: "#2c3e50", AID: "#27ae60", AGREE: "#16a085", COOPERATE: "#1abc9c",
  CONSULT: "#2980b9", SUPPORT: "#3498db", CONCEDE: "#95a5a6", RETREAT: "#6d7b8a",
  REQUEST: "#f39c12", ACCUSE: "#b03a2e", REJECT: "#6c3483" };
const FILTERS = ["type", "factuality", "actor", "country", "since", "until", "min_sources", "text", "reviewed", "in_view"];
const PAGE = 200;
const SVG = "http://www.w3.org/2000/svg";
const form = document.getElementById("filters");
const state = { selected: null, offset: 0, timeline: [], drawn: 0, token: null };

// ---- helpers -------------------------------------------------------------------------
function esc(text) {
  return String(text ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}
function names(refs) { return (refs || []).map(r => r.canonical || r.text).join("; "); }
function place(e) { return e.location ? (e.location.name || e.location.text || "") : ""; }
function day(e) { return e.date ? (e.date.start_date || e.date.value || "") : ""; }
function svg(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== null) node.textContent = text;
  return node;
}
async function getJSON(url) {
  // beyond 127.0.0.1 the server answers the API only with its token
  const response = await fetch(url, state.token ? { headers: { Authorization: "Bearer " + state.token } } : {});
  if (!response.ok) throw new Error((await response.json().catch(() => ({}))).detail || response.statusText);
  return { body: await response.json(), headers: response.headers };
}
function showError(error) {
  document.getElementById("count").textContent = `(${error.message || error})`;
}

// ---- URL state -----------------------------------------------------------------------
function filterParams({ dates = true, view = true } = {}) {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const field = form.elements[name];
    const value = field.type === "checkbox" ? (field.checked ? "1" : "") : field.value;
    if (!value || name === "in_view" || (!dates && (name === "since" || name === "until"))) continue;
    params.set(name, value);
  }
  if (view && form.elements.in_view.checked) params.set("bbox", viewBox());
  return params;
}
function writeURL() {
  const params = filterParams({ view: false });
  if (form.elements.in_view.checked) params.set("in_view", "1");
  const c = map.getCenter();
  params.set("z", map.getZoom()); params.set("lat", c.lat.toFixed(3)); params.set("lon", c.lng.toFixed(3));
  if (state.selected) params.set("event", state.selected);
  history.replaceState(null, "", "?" + params);
}
function readURL() {
  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) {
    const field = form.elements[name];
    if (!params.has(name)) continue;
    if (field.type === "checkbox") field.checked = params.get(name) === "1"; else field.value = params.get(name);
  }
  return params;
}
function takeToken() {
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get("token")) {
    sessionStorage.setItem("dateline-token", hash.get("token"));
    history.replaceState(null, "", location.pathname + location.search);
  }
  state.token = sessionStorage.getItem("dateline-token");
}

// ---- the map -------------------------------------------------------------------------
const canvas = L.canvas({ padding: 0.3 });
const map = L.map("map", { preferCanvas: true, worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 1 });
const bordersPane = map.createPane("borders"); bordersPane.style.zIndex = 200;
const labelsPane = map.createPane("labels"); labelsPane.style.zIndex = 350; labelsPane.style.pointerEvents = "none";
map.attributionControl.addAttribution("Borders: Natural Earth");
const eventsLayer = L.layerGroup().addTo(map);
const labelsLayer = L.layerGroup().addTo(map);
let countryLabels = [];
let divisions = [];  // [lat, lon, name, country] of first-level divisions: names, no borders
const DIVISION_ZOOM = 5;

function viewBox() {
  const b = map.getBounds();
  const west = Math.max(-180, b.getWest()), east = Math.min(180, b.getEast());
  const south = Math.max(-90, b.getSouth()), north = Math.min(90, b.getNorth());
  return [west, south, east, north].map(v => v.toFixed(4)).join(",");
}

async function loadBorders() {
  const { body } = await getJSON("/api/basemap/countries.geojson");
  L.geoJSON(body, { pane: "borders", renderer: L.canvas({ pane: "borders", padding: 0.3 }), interactive: false,
    style: { color: "#7d8b99", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map);
  countryLabels = body.features.filter(f => f.properties.name).map(f => ({
    zoom: f.properties.label_zoom ?? 4,
    marker: L.marker(f.properties.label, { pane: "labels", interactive: false, keyboard: false,
      icon: L.divIcon({ className: "country-label", html: esc(f.properties.name), iconSize: null }) }),
  }));
  document.getElementById("map").dataset.borders = String(body.features.length);
  divisions = (await getJSON("/api/basemap/divisions.json")).body;
  drawLabels();
}
function drawLabels() {
  labelsLayer.clearLayers();
  const z = map.getZoom(), bounds = map.getBounds().pad(0.1);
  for (const label of countryLabels) {
    if (label.zoom <= z + 0.5 && bounds.contains(label.marker.getLatLng())) labelsLayer.addLayer(label.marker);
  }
  if (z < DIVISION_ZOOM) return;
  for (const [lat, lon, name] of divisions) {
    if (!bounds.contains([lat, lon])) continue;
    labelsLayer.addLayer(L.marker([lat, lon], { pane: "labels", interactive: false, keyboard: false,
      icon: L.divIcon({ className: "division-label", html: esc(name), iconSize: null }) }));
  }
}

let clusterRequest = 0;
async function loadClusters() {
  const params = filterParams({ view: false });
  params.set("zoom", map.getZoom());
  const ticket = ++clusterRequest;
  const started = performance.now();
  let cells;
  try { cells = (await getJSON("/api/clusters?" + params)).body; } catch (error) { showError(error); return; }
  if (ticket !== clusterRequest) return;
  eventsLayer.clearLayers();
  let events = 0;
  for (const cell of cells) {
    events += cell.n;
    const colour = COLOURS[cell.type] || "#555";
    if (cell.n === 1) {
      const dot = L.circleMarker([cell.lat, cell.lon], { renderer: canvas, radius: 5 + 2.5 * Math.sqrt(cell.sources || 1),
        color: cell.id === state.selected ? "#000" : "#fff", weight: cell.id === state.selected ? 3 : 1,
        fillColor: colour, fillOpacity: 0.85 });
      dot.bindTooltip(`${esc(cell.type)} · ${esc(cell.place || "")} · ${cell.sources} source(s)`);
      dot.on("click", () => select(cell.id));
      eventsLayer.addLayer(dot);
    } else {
      const radius = 9 + 4 * Math.log2(cell.n);
      const ring = L.circleMarker([cell.lat, cell.lon], { renderer: canvas, radius, color: colour, weight: 2,
        fillColor: colour, fillOpacity: 0.45 });
      ring.bindTooltip(`${cell.n} events (mostly ${esc(cell.type)}), ${cell.sources} source(s): click to zoom in`);
      ring.on("click", () => zoomInto(cell));
      eventsLayer.addLayer(ring);
      eventsLayer.addLayer(L.marker([cell.lat, cell.lon], { interactive: false, keyboard: false,
        icon: L.divIcon({ className: "cluster-count", html: String(cell.n), iconSize: [40, 16], iconAnchor: [20, 8] }) }));
    }
  }
  const box = document.getElementById("map");
  box.dataset.cells = String(cells.length); box.dataset.events = String(events);
  box.dataset.drawMs = String(Math.round(performance.now() - started));
  state.drawn++; box.dataset.drawn = String(state.drawn);
}
function zoomInto(cell) {
  const [s, w, n, e] = cell.bounds;
  if (n - s < 1e-4 && e - w < 1e-4) {  // one place: list its events
    form.elements.in_view.checked = true;
    map.setView([cell.lat, cell.lon], Math.max(map.getZoom() + 2, 9));
  } else {
    map.fitBounds([[s, w], [n, e]], { padding: [30, 30], maxZoom: 12 });
  }
}
function drawLegend() {
  document.getElementById("legend").innerHTML = "Circle: one event, size by sources; ring with a number: events clustered. " +
    TYPES.map(t => `<span class="swatch" style="background:${COLOURS[t]}"></span>${t.toLowerCase()}`).join(" ");
}

// ---- timeline ------------------------------------------------------------------------
async function loadTimeline() {
  const params = filterParams({ dates: false });
  let rows;
  try { rows = (await getJSON("/api/timeline?" + params + "&bucket=day")).body; } catch (error) { showError(error); return; }
  let bucket = "day";
  if (rows.length > 1 && Date.parse(rows[rows.length - 1].date) - Date.parse(rows[0].date) > 400 * 864e5) {
    bucket = "week";
    rows = (await getJSON("/api/timeline?" + params + "&bucket=week")).body;
  }
  state.timeline = { rows, bucket };
  drawTimeline();
}
function timeScale() {
  const { rows, bucket } = state.timeline;
  const step = (bucket === "week" ? 7 : 1) * 864e5;
  const t0 = Date.parse(rows[0].date), t1 = Date.parse(rows[rows.length - 1].date) + step;
  return { t0, t1, step, x: t => 10 + 980 * (t - t0) / (t1 - t0), t: x => t0 + (x - 10) / 980 * (t1 - t0) };
}
function drawTimeline() {
  const box = document.getElementById("timeline");
  box.replaceChildren();
  const { rows } = state.timeline;
  if (!rows || !rows.length) { box.append(svg("text", { x: 10, y: 60, class: "axis" }, "no dated events")); return; }
  const scale = timeScale(), max = Math.max(...rows.map(r => r.n));
  const since = form.elements.since.value, until = form.elements.until.value;
  const width = Math.max(1.5, 980 * scale.step / (scale.t1 - scale.t0) - 1);
  for (const r of rows) {
    const t = Date.parse(r.date), h = 80 * r.n / max;
    const inside = (!since || r.date >= since.slice(0, 10) || t + scale.step > Date.parse(since)) && (!until || r.date <= until);
    const bar = svg("rect", { class: inside ? "bar" : "bar out", x: scale.x(t), y: 88 - h, width, height: h });
    bar.append(svg("title", {}, `${r.date}: ${r.n} event(s)`));
    box.append(bar);
  }
  if (since || until) {
    const a = since ? scale.x(Date.parse(since)) : 10, b = until ? scale.x(Date.parse(until) + 864e5) : 990;
    box.append(svg("rect", { class: "brush", x: Math.max(10, a), y: 4, width: Math.max(1, Math.min(990, b) - Math.max(10, a)), height: 84 }));
  }
  box.append(svg("text", { class: "axis", x: 10, y: 104 }, rows[0].date));
  box.append(svg("text", { class: "axis", x: 990, y: 104, "text-anchor": "end" }, rows[rows.length - 1].date));
}
function brushTimeline() {
  const box = document.getElementById("timeline");
  let start = null, band = null;
  const at = event => { const r = box.getBoundingClientRect(); return (event.clientX - r.left) / r.width * 1000; };
  box.addEventListener("pointerdown", event => {
    if (!state.timeline.rows || !state.timeline.rows.length) return;
    start = at(event); box.setPointerCapture(event.pointerId);
    band = svg("rect", { class: "brush", x: start, y: 4, width: 1, height: 84 }); box.append(band);
  });
  box.addEventListener("pointermove", event => {
    if (start === null) return;
    const x = at(event); band.setAttribute("x", Math.min(start, x)); band.setAttribute("width", Math.abs(x - start));
  });
  box.addEventListener("pointerup", event => {
    if (start === null) return;
    const end = at(event), scale = timeScale();
    const [a, b] = [Math.min(start, end), Math.max(start, end)];
    start = null;
    if (b - a < 3) { drawTimeline(); return; }
    const iso = t => new Date(t).toISOString().slice(0, 10);
    form.elements.since.value = iso(Math.max(scale.t0, scale.t(a)));
    form.elements.until.value = iso(Math.min(scale.t1 - 864e5, scale.t(b)));
    refresh();
  });
  box.addEventListener("dblclick", () => { form.elements.since.value = ""; form.elements.until.value = ""; refresh(); });
}

// ---- table ---------------------------------------------------------------------------
async function loadTable(append = false) {
  state.offset = append ? state.offset + PAGE : 0;
  const params = filterParams();
  params.set("limit", PAGE); params.set("offset", state.offset);
  let found;
  try { found = await getJSON("/api/events?" + params); } catch (error) { showError(error); return; }
  const rows = found.body, total = Number(found.headers.get("X-Total-Count") || rows.length);
  const body = document.querySelector("#events tbody");
  if (!append) body.replaceChildren();
  for (const ev of rows) {
    const tr = document.createElement("tr");
    tr.dataset.id = ev.id;
    if (ev.review && ev.review.verdict === "wrong") tr.classList.add("wrong");
    tr.innerHTML = [day(ev), ev.type + (ev.mode ? "/" + ev.mode : ""), names(ev.actor), names(ev.recipient),
      place(ev), ev.n_sources ?? 1, ev.factuality, ev.reviewed].map(v => `<td>${esc(v)}</td>`).join("");
    tr.addEventListener("click", () => select(ev.id));
    if (ev.id === state.selected) tr.classList.add("selected");
    body.append(tr);
  }
  document.getElementById("count").textContent = `(${total})`;
  document.getElementById("more").hidden = state.offset + rows.length >= total;
}

// ---- evidence ------------------------------------------------------------------------
function marked(text, marks) {
  let out = "", at = 0;
  for (const m of marks || []) {
    if (m.start < at || m.end > text.length) continue;
    out += esc(text.slice(at, m.start)) + `<mark class="${esc(m.role)}" title="${esc(m.role)}">${esc(text.slice(m.start, m.end))}</mark>`;
    at = m.end;
  }
  return out + esc(text.slice(at));
}
async function select(id) {
  state.selected = id;
  document.querySelectorAll("#events tr.selected").forEach(n => n.classList.remove("selected"));
  document.querySelectorAll(`#events tr[data-id="${CSS.escape(id)}"]`).forEach(n => n.classList.add("selected"));
  writeURL();
  const box = document.getElementById("evidence");
  let ev;
  try { ev = (await getJSON("/api/events/" + encodeURIComponent(id))).body; } catch (error) { box.textContent = String(error.message); return; }
  const loc = ev.location || {};
  const rows = [
    ["type", `${ev.type}${ev.mode ? " / " + ev.mode : ""}${ev.acled ? " · ACLED " + ev.acled.event_type + (ev.acled.sub_event_type ? " – " + ev.acled.sub_event_type : "") : ""}`],
    ["actor", names(ev.actor)], ["recipient", names(ev.recipient)],
    ["where", loc.lat != null ? `${place(ev)} (${loc.lat.toFixed(3)}, ${loc.lon.toFixed(3)}), precision ${loc.precision ?? "?"}` : place(ev)],
    ["when", ev.date ? `${ev.date.value || ""} (${ev.date.text ? "“" + ev.date.text + "”" : "publication date"}, ${ev.date.precision || "?"})` : ""],
    ["fatalities", ev.fatalities ?? ""], ["injured", ev.injured ?? ""],
    ["factuality", ev.factuality],
    ["says who", ev.attribution ? `${ev.attribution.canonical || ev.attribution.text}${ev.attribution.channel ? " (" + ev.attribution.channel + ")" : ""}` : ""],
    ["confidence", ev.confidence != null ? ev.confidence.toFixed(2) : ""],
    ["sources", `${ev.n_sources ?? 1} source(s), ${ev.n_reports ?? 1} article(s); first ${ev.first_report || "?"}, last ${ev.last_report || "?"}`],
  ];
  const conflicts = ev.conflicts && Object.keys(ev.conflicts).length
    ? `<p class="conflict">Reports disagree on ${esc(Object.keys(ev.conflicts).join(", "))}.</p>` : "";
  const reviewed = ev.review ? `<p class="reviewed">Reviewed by ${esc(ev.review.reviewer)} on ${esc(ev.review.reviewed_at.slice(0, 16).replace("T", " "))} UTC: <b>${esc(ev.reviewed)}</b>${ev.review.note ? " — " + esc(ev.review.note) : ""}</p>` : "";
  const reports = ev.reports.map(r => `<div class="report"><div class="meta">${esc(r.outlet || "")} · ${esc((r.pub_date || "").slice(0, 10))} · ${esc(r.title || "")}<br>${r.sources.map(esc).join("<br>")}</div>
    <p class="sentence">${marked(r.sentence || "", r.marks)}</p>
    <div class="meta">${esc(r.type)} · ${esc(r.factuality)}${r.attribution ? " · says " + esc(r.attribution.canonical || r.attribution.text) : ""}${r.confidence != null ? " · confidence " + r.confidence.toFixed(2) : ""}</div></div>`).join("");
  box.innerHTML = `<dl>${rows.filter(r => r[1] !== "" && r[1] != null).map(([k, v]) => `<dt>${k}</dt><dd>${esc(v)}</dd>`).join("")}</dl>
    ${reviewed}${conflicts}<h3>Reports (${ev.reports.length})</h3>
    <p class="note">Marked: <mark class="trigger">trigger</mark> <mark class="actor">actor</mark> <mark class="recipient">recipient</mark> <mark class="place">place</mark> <mark class="date">date</mark> <mark class="source">says who</mark></p>
    ${reports}<p><button type="button" id="story-button">The story's articles</button></p><div id="story"></div>${reviewForm(ev)}`;
  document.getElementById("story-button").addEventListener("click", () => showStory(ev.story_id));
  bindReview(ev);
  loadClusters();
}
async function showStory(storyId) {
  const box = document.getElementById("story");
  const story = (await getJSON("/api/stories/" + encodeURIComponent(storyId))).body;
  box.innerHTML = `<h3>Story: ${story.articles.length} article(s), ${story.events.length} event(s)</h3><ol>` +
    story.articles.map(a => `<li>${esc((a.pub_date || "").slice(0, 10))} · ${esc(a.outlet || "")} · ${esc(a.title || "")}<div class="meta">${a.sources.map(esc).join("<br>")}</div></li>`).join("") +
    "</ol><p>" + story.events.map(e => `<a href="#" data-event="${esc(e.id)}">${esc(e.type)}</a>`).join(" · ") + "</p>";
  box.querySelectorAll("a[data-event]").forEach(a => a.addEventListener("click", event => { event.preventDefault(); select(a.dataset.event); }));
}

// ---- review --------------------------------------------------------------------------
function reviewForm(ev) {
  const loc = ev.location || {};
  return `<form id="review"><h3>Review</h3>
    <label>Your name <input name="reviewer" required maxlength="200" value="${esc(localStorage.getItem("dateline-reviewer") || "")}"></label>
    ${state.token ? "" : '<label>Token <input name="token" size="30" placeholder="printed by dateline serve"></label>'}
    <div class="verdict"><label><input type="radio" name="verdict" value="right"> right</label>
    <label><input type="radio" name="verdict" value="wrong"> wrong</label>
    <label><input type="radio" name="verdict" value="" checked> only corrections</label></div>
    <fieldset><legend>Corrections (leave as they are to keep the pipeline's)</legend>
    <label>Type <select name="type">${TYPES.map(t => `<option${t === ev.type ? " selected" : ""}>${t}</option>`).join("")}</select></label>
    <label>Actors <input name="actor" value="${esc(names(ev.actor))}" size="30"></label>
    <label>Recipients <input name="recipient" value="${esc(names(ev.recipient))}" size="30"></label>
    <label>Place <input name="place" value="${esc(place(ev))}" size="18"></label>
    <label>lat <input name="lat" value="${loc.lat ?? ""}" size="7"></label> <label>lon <input name="lon" value="${loc.lon ?? ""}" size="7"></label>
    <label>Date <input name="date" type="date" value="${esc((day(ev) || "").slice(0, 10))}"></label>
    <label>Fatalities <input name="fatalities" type="number" min="0" value="${ev.fatalities ?? ""}" style="width:5em"></label></fieldset>
    <label>Note <input name="note" maxlength="2000" size="40"></label>
    <button type="submit">Save review</button> <span id="review-status" class="note"></span></form>`;
}
function bindReview(ev) {
  const f = document.getElementById("review");
  const before = new FormData(f);
  f.addEventListener("submit", async event => {
    event.preventDefault();
    const now = new FormData(f), status = document.getElementById("review-status");
    const changed = name => (now.get(name) || "") !== (before.get(name) || "");
    const list = name => String(now.get(name) || "").split(";").map(s => s.trim()).filter(Boolean);
    const corrections = {};
    if (changed("type")) corrections.type = now.get("type");
    if (changed("actor")) corrections.actor = list("actor");
    if (changed("recipient")) corrections.recipient = list("recipient");
    if (changed("place") || changed("lat") || changed("lon")) {
      corrections.location = { name: now.get("place"), lat: Number(now.get("lat")), lon: Number(now.get("lon")), country: (ev.location || {}).country || null };
    }
    if (changed("date") && now.get("date")) corrections.date = now.get("date");
    if (changed("fatalities") && now.get("fatalities") !== "") corrections.fatalities = Number(now.get("fatalities"));
    if (now.get("token")) { state.token = String(now.get("token")).trim(); sessionStorage.setItem("dateline-token", state.token); }
    localStorage.setItem("dateline-reviewer", now.get("reviewer"));
    const body = { reviewer: now.get("reviewer"), verdict: now.get("verdict") || null, corrections, note: now.get("note") || null };
    const response = await fetch(`/api/events/${encodeURIComponent(ev.id)}/review`, { method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer " + (state.token || "") }, body: JSON.stringify(body) });
    if (!response.ok) {
      const detail = (await response.json().catch(() => ({}))).detail;
      status.textContent = `not saved: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`;
      return;
    }
    await select(ev.id);
    document.getElementById("review-status").textContent = "saved";
    loadTable(); loadTimeline();
  });
}

// ---- wiring --------------------------------------------------------------------------
function refresh() { writeURL(); loadClusters(); loadTimeline(); loadTable(); }

let moved = null;
map.on("moveend", () => {
  drawLabels(); writeURL();
  clearTimeout(moved);
  moved = setTimeout(() => { loadClusters(); if (form.elements.in_view.checked) { loadTable(); loadTimeline(); } }, 150);
});
const typeSelect = form.elements.type;
for (const t of TYPES) typeSelect.append(new Option(t, t));
form.addEventListener("submit", event => { event.preventDefault(); refresh(); });
document.getElementById("reset").addEventListener("click", () => { form.reset(); refresh(); });
document.getElementById("more").addEventListener("click", () => loadTable(true));
brushTimeline();
drawLegend();
takeToken();
const initial = readURL();
if (initial.has("z")) map.setView([Number(initial.get("lat")), Number(initial.get("lon"))], Number(initial.get("z")));
else map.setView([25, 20], 2);
loadBorders().catch(showError).then(async () => {
  if (!initial.has("z")) {  // first look: fit the events
    const cells = (await getJSON("/api/clusters?" + filterParams({ view: false }) + "&zoom=2")).body;
    if (cells.length) {
      const b = L.latLngBounds(cells.map(c => [[c.bounds[0], c.bounds[1]], [c.bounds[2], c.bounds[3]]]).flat());
      map.fitBounds(b.pad(0.3), { maxZoom: 6 });
    }
  }
  refresh();
  if (initial.get("event")) select(initial.get("event"));
});
