// The Explorer's page: asks the server (which asks Athena) for each panel's named query and draws the answer as SVG.
// No library: the map is world-atlas's TopoJSON, decoded and projected here.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const MAP_WIDTH = 960;
const MAP_HEIGHT = 480;
const FUNNEL = [['viewed', 'View'], ['clicked', 'Click'], ['added_to_cart', 'Add to cart'], ['checked_out', 'Checkout'], ['purchased', 'Purchase']];

let config = null;
let refreshing = false;

function el(name, attributes = {}, text = null, namespace = null) {
  const node = namespace ? document.createElementNS(namespace, name) : document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== null) node.textContent = text;
  return node;
}

function svg(name, attributes = {}, text = null) { return el(name, attributes, text, SVG); }

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

function formatBytes(bytes) {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

function formatPrice(dollars) { return '$' + Number(dollars).toFixed(6); }

function cost(result) {
  return `DataScannedInBytes ${result.dataScannedInBytes} (${formatBytes(result.dataScannedInBytes)}) · run time ${result.runTimeMillis} ms · price ${formatPrice(result.priceUsd)}`;
}

// Rows as objects keyed by column name.
function records(result) {
  return result.rows.map(row => Object.fromEntries(result.columns.map((c, i) => [c.name, row[i]])));
}

async function ask(name) {
  const response = await fetch('/api/queries/' + encodeURIComponent(name));
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return response.json();
}

// Sets a panel's status line; returns true when there are rows to draw.
function showStatus(panel, result) {
  const status = panel.querySelector('.status');
  status.className = 'status';
  if (result.state !== 'SUCCEEDED') {
    const missing = /TABLE_NOT_FOUND|EntityNotFound|does not exist/.test(result.error || '');
    status.classList.add(missing ? 'empty' : 'error');
    status.textContent = (missing ? 'no data yet — ' : `${result.state}: `) + (result.error || '');
    return false;
  }

  if (result.rows.length === 0) {
    status.classList.add('empty');
    status.textContent = 'no data yet';
    return false;
  }

  status.textContent = `${result.rows.length} rows${result.truncated ? ' (truncated)' : ''} · ${cost(result)}`;
  return true;
}

// Horizontal bars: one row per item, label left, value right.
function drawBars(target, items, options = {}) {
  clear(target);
  const rowHeight = 22;
  const labelWidth = options.labelWidth || 140;
  const width = 560;
  const max = Math.max(1, ...items.map(i => Math.max(i.value, i.secondary || 0)));
  target.setAttribute('viewBox', `0 0 ${width} ${items.length * rowHeight + 4}`);
  items.forEach((item, index) => {
    const y = index * rowHeight + 2;
    const group = svg('g', { 'data-label': item.label });
    const label = item.label.length > 28 ? item.label.slice(0, 27) + '…' : item.label;
    group.appendChild(svg('text', { x: 0, y: y + 15 }, label));
    const room = width - labelWidth - (item.secondary !== undefined ? 230 : 90);
    const barWidth = Math.max(1, room * item.value / max);
    let textAt = barWidth;
    if (item.secondary !== undefined) {
      const secondaryWidth = Math.max(1, room * item.secondary / max);
      group.appendChild(svg('rect', { class: 'bar secondary', x: labelWidth, y: y + 2, width: secondaryWidth, height: rowHeight - 6 }));
      textAt = Math.max(barWidth, secondaryWidth);
    }
    const bar = svg('rect', { class: 'bar', x: labelWidth, y: y + 2, width: barWidth, height: rowHeight - 6, ...(options.attributes ? options.attributes(item) : {}) });
    bar.appendChild(svg('title', {}, `${item.label}: ${item.text}`));
    group.appendChild(bar);
    group.appendChild(svg('text', { x: labelWidth + textAt + 6, y: y + 15 }, item.text));
    target.appendChild(group);
  });
}

// TopoJSON: arcs are delta-encoded, quantized positions; a negative index ~i is arc i reversed.
function decodeArcs(topology) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  return topology.arcs.map(arc => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
}

function project([lon, lat]) { return [(lon + 180) / 360 * MAP_WIDTH, (90 - lat) / 180 * MAP_HEIGHT]; }

function ringPath(arcs, indices) {
  const points = [];
  for (const index of indices) {
    const arc = index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  let path = '';
  let previous = null;
  for (const point of points) {
    const [x, y] = project(point);
    // A ring crossing the antimeridian jumps across the map: start a new piece there instead of a stripe.
    path += (previous === null || Math.abs(point[0] - previous[0]) > 180 ? 'M' : 'L') + x.toFixed(1) + ',' + y.toFixed(1);
    previous = point;
  }
  return path + 'Z';
}

async function drawCountries() {
  const topology = await (await fetch('/assets/countries-110m.json')).json();
  const arcs = decodeArcs(topology);
  const layer = document.getElementById('countries');
  for (const geometry of topology.objects.countries.geometries) {
    const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.type === 'MultiPolygon' ? geometry.arcs : [];
    const d = polygons.map(rings => rings.map(ring => ringPath(arcs, ring)).join('')).join('');
    if (!d) continue;
    const path = svg('path', { class: 'country', d });
    path.appendChild(svg('title', {}, (geometry.properties && geometry.properties.name) || ''));
    layer.appendChild(path);
  }
}

function statusClass(status) {
  const s = (status || '').toUpperCase();
  return s === 'OK' ? 'status-ok' : s === 'WARN' ? 'status-warn' : s === 'FAIL' ? 'status-fail' : 'status-unknown';
}

const panels = {
  'vehicle-records-by-vendor': result => drawBars(document.getElementById('vendor-chart'),
    records(result).map(r => ({ label: r.vendor ?? 'NULL', value: Number(r.records), text: r.records })),
    { attributes: item => ({ 'data-vendor': item.label, 'data-records': item.value }) }),

  'vehicle-speed-by-vendor': result => drawBars(document.getElementById('speed-chart'),
    records(result).map(r => ({
      label: r.vendor ?? 'NULL', value: Number(r.avg_speed_kmh), secondary: Number(r.max_speed_kmh),
      text: `${r.avg_speed_kmh} avg · ${r.max_speed_kmh} top · ${r.vehicles} vehicles`,
    }))),

  'vehicle-positions': result => {
    const layer = document.getElementById('vehicles-layer');
    clear(layer);
    for (const r of records(result)) {
      const lat = Number(r.latitude);
      const lon = Number(r.longitude);
      if (r.latitude === null || r.longitude === null || !isFinite(lat) || !isFinite(lon)) continue;
      const [x, y] = project([lon, lat]);
      const point = svg('circle', { class: 'vehicle ' + statusClass(r.status), cx: x.toFixed(1), cy: y.toFixed(1), r: 4, 'data-vehicle-id': r.vehicle_id, 'data-status': r.status ?? '' });
      point.appendChild(svg('title', {}, `${r.vehicle_id} · ${r.vendor} · ${r.status} · ${r.speed_kmh} km/h · ${r.last_seen}`));
      layer.appendChild(point);
    }
  },

  'clicks-by-action': result => drawBars(document.getElementById('action-chart'),
    records(result).map(r => ({ label: r.action ?? 'NULL', value: Number(r.events), text: r.events }))),

  'clicks-by-page': result => drawBars(document.getElementById('page-chart'),
    records(result).map(r => ({ label: (r.page ?? 'NULL').replace(/^https?:\/\/[^/]+/, '') || '/', value: Number(r.events), text: r.events })),
    { labelWidth: 220 }),

  'clicks-funnel': result => {
    // One row per day: the funnel of the latest day, the one the generators are filling.
    const rows = records(result);
    const day = rows[rows.length - 1];
    const funnel = document.getElementById('funnel');
    clear(funnel);
    funnel.setAttribute('data-day', day.event_date);
    funnel.appendChild(el('p', { class: 'status' }, `Sessions on ${day.event_date}`));
    const first = Math.max(1, Number(day.viewed));
    let previous = null;
    for (const [column, label] of FUNNEL) {
      const sessions = Number(day[column]);
      const step = el('div', { class: 'step', 'data-step': column, 'data-sessions': sessions });
      step.appendChild(el('span', {}, label));
      const track = el('div', { class: 'track' });
      track.appendChild(el('div', { class: 'fill', style: `width: ${(100 * sessions / first).toFixed(1)}%` }));
      step.appendChild(track);
      const ofPrevious = previous === null ? '' : ` · ${previous ? (100 * sessions / previous).toFixed(1) : '0.0'}% of previous`;
      step.appendChild(el('span', { class: 'numbers' }, `${sessions}${ofPrevious}`));
      funnel.appendChild(step);
      previous = sessions;
    }
  },

  'vehicle-ingest-per-minute': result => drawIngest(document.getElementById('ingest-vehicle_telemetry'), result),
  'clicks-ingest-per-minute': result => drawIngest(document.getElementById('ingest-clickstream'), result),

  'stage-freshness': result => {
    const table = document.getElementById('freshness');
    clear(table);
    const head = el('tr');
    for (const title of ['dataset', 'records', 'latest event (UTC)', 'age']) head.appendChild(el('th', {}, title));
    table.appendChild(head);
    const now = Date.parse(result.answeredAt);
    for (const r of records(result)) {
      const latest = r.latest_event_time ? Date.parse(r.latest_event_time.replace(' ', 'T') + 'Z') : NaN;
      const age = isFinite(latest) ? Math.max(0, Math.round((now - latest) / 1000)) + ' s' : 'no data yet';
      const row = el('tr', { 'data-dataset': r.dataset });
      for (const value of [r.dataset, r.records, r.latest_event_time ?? '—', age]) row.appendChild(el('td', {}, value));
      table.appendChild(row);
    }
  },
};

// Records per minute of the last hour that has data, raw and stage as two lines.
function drawIngest(target, result) {
  clear(target);
  const rows = records(result);
  const minutes = [...new Set(rows.map(r => r.minute))].sort().slice(-60);
  const width = 560;
  const height = 160;
  const left = 40;
  const bottom = 20;
  target.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const max = Math.max(1, ...rows.map(r => Number(r.records)));
  const x = i => left + (minutes.length < 2 ? (width - left) / 2 : i * (width - left - 10) / (minutes.length - 1));
  const y = v => height - bottom - v * (height - bottom - 10) / max;
  target.appendChild(svg('line', { class: 'axis', x1: left, y1: height - bottom, x2: width, y2: height - bottom }));
  target.appendChild(svg('text', { x: 0, y: 14 }, String(max)));
  target.appendChild(svg('text', { x: left, y: height - 4 }, minutes[0] ?? ''));
  target.appendChild(svg('text', { x: width - 120, y: height - 4 }, minutes[minutes.length - 1] ?? ''));
  for (const layer of ['raw', 'stage']) {
    const byMinute = new Map(rows.filter(r => r.layer === layer).map(r => [r.minute, Number(r.records)]));
    const points = minutes.map((m, i) => `${x(i).toFixed(1)},${y(byMinute.get(m) || 0).toFixed(1)}`).join(' ');
    target.appendChild(svg('polyline', { class: layer, points, 'data-layer': layer }));
    target.appendChild(svg('text', { x: width - 60, y: layer === 'raw' ? 14 : 28, class: 'legend-' + layer }, '— ' + layer));
  }
}

async function refreshPanel(panel) {
  const name = panel.dataset.query;
  try {
    const result = await ask(name);
    if (showStatus(panel, result)) panels[name](result);
  } catch (e) {
    const status = panel.querySelector('.status');
    status.className = 'status error';
    status.textContent = String(e.message || e);
  }
}

async function refresh() {
  if (refreshing) return;
  refreshing = true;
  try {
    await Promise.all([...document.querySelectorAll('.panel[data-query]')].map(refreshPanel));
    document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
    document.body.dataset.refreshed = String(Number(document.body.dataset.refreshed || 0) + 1);
  } finally {
    refreshing = false;
  }
}

function drawTable(table, result) {
  clear(table);
  const head = el('tr');
  for (const column of result.columns) head.appendChild(el('th', { title: column.type }, column.name));
  table.appendChild(head);
  for (const row of result.rows) {
    const tr = el('tr');
    for (const value of row) tr.appendChild(value === null ? el('td', { class: 'null' }, 'NULL') : el('td', {}, value));
    table.appendChild(tr);
  }
}

async function runSql() {
  const sql = document.getElementById('sql-text').value;
  const stats = document.getElementById('sql-stats');
  const error = document.getElementById('sql-error');
  const table = document.getElementById('sql-result');
  stats.textContent = 'running…';
  error.hidden = true;
  const response = await fetch('/api/sql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sql }) });
  if (!response.ok) { stats.textContent = `HTTP ${response.status}`; return; }
  const result = await response.json();
  stats.textContent = `${result.state} · ${result.rows.length} rows${result.truncated ? ' (truncated)' : ''} · ${cost(result)}`;
  stats.dataset.state = result.state;
  if (result.state !== 'SUCCEEDED') {
    error.hidden = false;
    error.textContent = result.error;
    clear(table);
    return;
  }
  drawTable(table, result);
}

async function start() {
  config = await (await fetch('/api/config')).json();
  document.getElementById('where').textContent = `workgroup ${config.workGroup} · database ${config.database} · every ${config.refreshSeconds} s`;
  const tables = document.getElementById('tables');
  const text = document.getElementById('sql-text');
  for (const table of [...new Set(Object.values(config.tables))].sort()) {
    const button = el('button', { type: 'button' }, table);
    button.addEventListener('click', () => { text.value = `SELECT * FROM ${table} LIMIT 10`; });
    tables.appendChild(button);
  }
  const named = document.getElementById('named');
  for (const query of config.queries.filter(q => q.sql)) named.appendChild(el('option', { value: query.name }, query.name));
  named.addEventListener('change', () => {
    const query = config.queries.find(q => q.name === named.value);
    if (query) text.value = query.sql;
  });
  const firstStage = Object.entries(config.tables).find(([key]) => key.endsWith('_stage'));
  text.value = firstStage ? `SELECT * FROM ${firstStage[1]} LIMIT 10` : 'SELECT 1';
  document.getElementById('run').addEventListener('click', runSql);
  drawCountries().catch(e => console.error(e));
  await refresh();
  setInterval(refresh, config.refreshSeconds * 1000);
}

start();
