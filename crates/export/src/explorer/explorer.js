// The partnership explorer: plain JavaScript, no framework, no network.
//
// Reads the JSON that `partnership export --format html` embeds, draws the
// map at the positions computed in Rust, and answers clicks. Every text
// taken from the data goes into the page through textContent or an
// attribute, never as markup.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const D = JSON.parse(document.getElementById("explorer-data").textContent);
  const N = D.nodes;
  const L = D.links;
  const K = D.kinds;
  const R = D.relations;
  const MAJOR_LABELS = 30;

  // ---- state ------------------------------------------------------------
  const state = {
    selected: -1,
    year: null, // null: no as-of filter
    hiddenKinds: new Set(),
    hiddenRelations: new Set(),
    from: -1,
    to: -1,
    directed: false,
  };
  let path = null; // {nodes: [...], steps: [{link, forward}]}
  let nodeVisible = new Uint8Array(N.length);
  let linkVisible = new Uint8Array(L.length);

  // ---- small helpers ----------------------------------------------------
  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function svg(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    return e;
  }
  function clear(e) {
    while (e.firstChild) e.removeChild(e.firstChild);
  }
  const $ = (id) => document.getElementById(id);

  // Lower case, letters and digits only: partnership_core::normalize.
  const ALNUM = /[\p{Alphabetic}\p{N}]/u;
  function normalize(text) {
    let out = "";
    for (const c of text) if (ALNUM.test(c)) out += c.toLowerCase();
    return out;
  }

  // The as-of rule of View::as_of: a span [start, end] (days as yyyymmdd,
  // open where null) is active in year y when it overlaps y's interval.
  function activeIn(span, year) {
    if (year === null) return true;
    const first = year * 10000 + 101;
    const last = year * 10000 + 1231;
    return (span[0] === null || span[0] <= last) && (span[1] === null || first <= span[1]);
  }

  // ---- visibility ---------------------------------------------------------
  function computeVisibility() {
    for (let i = 0; i < N.length; i++) {
      nodeVisible[i] = !state.hiddenKinds.has(N[i].kind) && activeIn(N[i].span, state.year) ? 1 : 0;
    }
    for (let i = 0; i < L.length; i++) {
      const l = L[i];
      linkVisible[i] =
        nodeVisible[l.source] && nodeVisible[l.target] &&
        !state.hiddenRelations.has(l.relation) && activeIn(l.span, state.year) ? 1 : 0;
    }
  }

  // ---- shapes -------------------------------------------------------------
  // The Graphviz shapes of the DOT export, drawn as small SVG paths around
  // (0, 0) with half-width r.
  function shapePath(shape, r) {
    const h = r * 0.75;
    const rect = (w, hh) => `M${-w},${-hh}H${w}V${hh}H${-w}Z`;
    switch (shape) {
      case "ellipse":
        return `M${-r},0A${r},${h} 0 1 0 ${r},0A${r},${h} 0 1 0 ${-r},0Z`;
      case "egg":
        return `M${-r},0C${-r},${-h * 1.5} ${r},${-h * 1.5} ${r},0C${r},${h * 1.2} ${-r},${h * 1.2} ${-r},0Z`;
      case "house":
        return `M0,${-h * 1.3}L${r},${-h * 0.2}V${h}H${-r}V${-h * 0.2}Z`;
      case "octagon": {
        const a = r * 0.42;
        return `M${-a},${-r}H${a}L${r},${-a}V${a}L${a},${r}H${-a}L${-r},${a}V${-a}Z`;
      }
      case "hexagon":
        return `M${-r},0L${-r / 2},${-h}H${r / 2}L${r},0L${r / 2},${h}H${-r / 2}Z`;
      case "parallelogram":
        return `M${-r * 0.6},${-h}H${r}L${r * 0.6},${h}H${-r}Z`;
      case "cylinder":
        return `M${-r},${-h * 0.7}A${r},${h * 0.3} 0 0 1 ${r},${-h * 0.7}V${h * 0.7}A${r},${h * 0.3} 0 0 1 ${-r},${h * 0.7}Z` +
          `M${-r},${-h * 0.7}A${r},${h * 0.3} 0 0 0 ${r},${-h * 0.7}`;
      case "note":
        return `M${-r},${-h}H${r * 0.5}L${r},${-h * 0.4}V${h}H${-r}Z`;
      case "tab":
        return `M${-r},${-h}H${-r * 0.3}V${-h * 0.7}H${r}V${h}H${-r}Z`;
      case "component":
        return rect(r, h) + `M${-r * 1.25},${-h * 0.6}h${r * 0.5}v${h * 0.35}h${-r * 0.5}Z` +
          `M${-r * 1.25},${h * 0.25}h${r * 0.5}v${h * 0.35}h${-r * 0.5}Z`;
      case "cds":
        return `M${-r},${-h}H${r * 0.5}L${r},0L${r * 0.5},${h}H${-r}Z`;
      case "box3d":
        return rect(r, h) + `M${-r},${-h}l${r * 0.25},${-r * 0.25}H${r * 1.25}V${h - r * 0.25}L${r},${h}M${r},${-h}l${r * 0.25},${-r * 0.25}`;
      default:
        return rect(r, h);
    }
  }
  function radius(n) {
    return n.r;
  }

  // ---- the map --------------------------------------------------------------
  const map = $("map");
  const viewport = svg("g", { id: "viewport" });
  const linkLayer = svg("g", { class: "links-layer" });
  const nodeLayer = svg("g", { class: "nodes-layer" });
  const defs = svg("defs");
  map.append(defs, viewport);
  viewport.append(linkLayer, nodeLayer);

  R.forEach((r, i) => {
    const m = svg("marker", {
      id: "arrow-" + i, viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse",
    });
    m.append(svg("path", { d: "M0,0L10,5L0,10Z", fill: r.colour }));
    defs.append(m);
  });

  const ranked = N.map((_, i) => i).sort((a, b) => N[b].degree - N[a].degree || a - b);
  const major = new Set(ranked.slice(0, MAJOR_LABELS));

  const linkEls = L.map((l, i) => {
    const a = N[l.source];
    const b = N[l.target];
    const r = R[l.relation];
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const d = Math.hypot(dx, dy) || 1;
    const cut = Math.min(radius(b) + 1, d / 2);
    const line = svg("line", {
      class: "link " + r.line + (r.bold ? " bold" : ""),
      x1: a.x, y1: a.y, x2: b.x - (dx / d) * cut, y2: b.y - (dy / d) * cut,
      stroke: r.colour, "marker-end": `url(#arrow-${l.relation})`,
      "data-link": i,
    });
    const title = svg("title");
    title.textContent = l.sentence;
    line.append(title);
    linkLayer.append(line);
    return line;
  });

  const nodeEls = N.map((n, i) => {
    const k = K[n.kind];
    const g = svg("g", {
      class: "node" + (major.has(i) ? " major" : "") + (k.style === "dashed" ? " dashed" : ""),
      transform: `translate(${n.x},${n.y})`,
      "data-id": n.id,
      "data-index": i,
    });
    const r = radius(n);
    const shape = svg("path", {
      class: "shape", d: shapePath(k.shape, r), fill: k.fill,
    });
    const title = svg("title");
    title.textContent = `${n.name} (${k.name})`;
    const label = svg("text", { class: "label", x: r + 3, y: 4 });
    label.textContent = n.name;
    g.append(title, shape, label);
    g.addEventListener("click", (ev) => {
      ev.stopPropagation();
      select(i);
    });
    nodeLayer.append(g);
    return g;
  });

  // Pan and zoom: one transform on the viewport group.
  const view = { x: 0, y: 0, k: 1 };
  function applyView() {
    viewport.setAttribute("transform", `translate(${view.x},${view.y}) scale(${view.k})`);
    // Labels and lines keep their size on screen.
    nodeLayer.style.fontSize = 11 / view.k + "px";
    map.style.setProperty("--px", String(1 / view.k));
    scheduleLabels();
  }
  // Which labels show: the selection and the connection always; then the
  // neighbours of the selection and the most connected entities (all of
  // them once zoomed in), each only where it covers no label already placed.
  let labelsPending = false;
  function scheduleLabels() {
    if (labelsPending) return;
    labelsPending = true;
    requestAnimationFrame(placeLabels);
  }
  function placeLabels() {
    labelsPending = false;
    const zoomed = view.k >= 2.2;
    const forced = new Set();
    if (state.selected >= 0) forced.add(state.selected);
    if (path) for (const i of path.nodes) forced.add(i);
    const near = new Set();
    for (const g of nodeLayer.querySelectorAll(".node.near")) near.add(Number(g.dataset.index));
    const order = [...forced]
      .concat(ranked.filter((i) => near.has(i) && !forced.has(i)))
      .concat(ranked.filter((i) => !near.has(i) && !forced.has(i)));
    const placed = [];
    const show = new Uint8Array(N.length);
    const box = map.getBoundingClientRect();
    for (const i of order) {
      if (!nodeVisible[i]) continue;
      const must = forced.has(i);
      if (!must && !zoomed && !major.has(i) && !near.has(i)) continue;
      const n = N[i];
      const x0 = view.x + (n.x + n.r + 3) * view.k;
      const y0 = view.y + n.y * view.k - 9;
      const rect = [x0, y0, x0 + n.name.length * 6.4, y0 + 13];
      if (rect[2] < 0 || rect[0] > box.width || rect[3] < 0 || rect[1] > box.height) continue;
      if (!must && placed.some((p) => rect[0] < p[2] && p[0] < rect[2] && rect[1] < p[3] && p[1] < rect[3])) continue;
      placed.push(rect);
      show[i] = 1;
    }
    nodeEls.forEach((g, i) => g.classList.toggle("labelled", show[i] === 1));
  }
  function fit() {
    const box = map.getBoundingClientRect();
    const w = box.width || 800;
    const h = box.height || 600;
    const pad = 20;
    const size = Math.max(D.size, 1);
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < N.length; i++) {
      if (!nodeVisible[i]) continue;
      minX = Math.min(minX, N[i].x); maxX = Math.max(maxX, N[i].x);
      minY = Math.min(minY, N[i].y); maxY = Math.max(maxY, N[i].y);
    }
    if (!isFinite(minX)) { minX = 0; minY = 0; maxX = size; maxY = size; }
    const bw = Math.max(maxX - minX, 50);
    const bh = Math.max(maxY - minY, 50);
    // A small selection is not blown up beyond twice its size.
    view.k = Math.min((w - 2 * pad) / bw, (h - 2 * pad) / bh, 2);
    view.x = (w - bw * view.k) / 2 - minX * view.k;
    view.y = (h - bh * view.k) / 2 - minY * view.k;
    applyView();
  }
  function zoomAt(factor, cx, cy) {
    const k = Math.min(Math.max(view.k * factor, 0.05), 40);
    const f = k / view.k;
    view.x = cx - (cx - view.x) * f;
    view.y = cy - (cy - view.y) * f;
    view.k = k;
    applyView();
  }
  function centreOn(i) {
    const box = map.getBoundingClientRect();
    if (view.k < 1.2) view.k = 1.2;
    view.x = box.width / 2 - N[i].x * view.k;
    view.y = box.height / 2 - N[i].y * view.k;
    applyView();
  }
  map.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const box = map.getBoundingClientRect();
    zoomAt(Math.exp(-ev.deltaY * 0.0015), ev.clientX - box.left, ev.clientY - box.top);
  }, { passive: false });
  let drag = null;
  map.addEventListener("pointerdown", (ev) => {
    if (ev.target.closest && ev.target.closest(".node")) return;
    drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, moved: false };
    map.classList.add("dragging");
  });
  window.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const dx = ev.clientX - drag.x;
    const dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    view.x = drag.vx + dx;
    view.y = drag.vy + dy;
    applyView();
  });
  window.addEventListener("pointerup", () => {
    if (drag && !drag.moved) select(-1);
    drag = null;
    map.classList.remove("dragging");
  });
  $("zoom-in").addEventListener("click", () => {
    const b = map.getBoundingClientRect();
    zoomAt(1.4, b.width / 2, b.height / 2);
  });
  $("zoom-out").addEventListener("click", () => {
    const b = map.getBoundingClientRect();
    zoomAt(1 / 1.4, b.width / 2, b.height / 2);
  });
  $("zoom-fit").addEventListener("click", fit);
  window.addEventListener("resize", () => drawTimeline());

  // ---- filters and legend ---------------------------------------------------
  function swatchKind(k) {
    const s = svg("svg", { width: 18, height: 14, viewBox: "-9 -7 18 14", "aria-hidden": "true" });
    s.append(svg("path", {
      d: shapePath(k.shape, 6), fill: k.fill, stroke: "#333", "stroke-width": 0.8,
      "stroke-dasharray": k.style === "dashed" ? "2 1.5" : "none",
    }));
    return s;
  }
  function swatchRelation(r) {
    const s = svg("svg", { width: 22, height: 10, "aria-hidden": "true" });
    s.append(svg("line", {
      x1: 1, y1: 5, x2: 21, y2: 5, stroke: r.colour, "stroke-width": r.bold ? 2.5 : 1.5,
      "stroke-dasharray": r.line === "dashed" ? "5 3" : r.line === "dotted" ? "1.5 2.5" : "none",
    }));
    return s;
  }
  const kindCounts = [];
  const relationCounts = [];
  function legend(list, items, hidden, swatch, counts, name) {
    items.forEach((item, i) => {
      const box = el("input", { type: "checkbox", "data-index": i });
      box.checked = !hidden.has(i);
      box.addEventListener("change", () => {
        if (box.checked) hidden.delete(i); else hidden.add(i);
        update();
      });
      const count = el("span", { class: "count" });
      counts.push(count);
      const label = el("label");
      label.append(box, swatch(item), el("span", {}, name(item)), count);
      const li = el("li", { "data-name": item.name });
      li.append(label);
      list.append(li);
    });
  }
  legend($("kinds"), K, state.hiddenKinds, swatchKind, kindCounts, (k) => k.name);
  legend($("relations"), R, state.hiddenRelations, swatchRelation, relationCounts, (r) => r.phrase);
  for (const b of document.querySelectorAll("button.all")) {
    b.addEventListener("click", () => {
      const set = b.dataset.for === "kinds" ? state.hiddenKinds : state.hiddenRelations;
      const list = $(b.dataset.for);
      // "all" again when everything shows: hide everything.
      const showAll = set.size > 0;
      const items = b.dataset.for === "kinds" ? K : R;
      set.clear();
      if (!showAll) items.forEach((_, i) => set.add(i));
      for (const box of list.querySelectorAll("input")) box.checked = showAll;
      update();
    });
  }
  function updateCounts() {
    // What the current date shows of each kind and relation, whatever the
    // checkboxes say.
    const kc = new Array(K.length).fill(0);
    const rc = new Array(R.length).fill(0);
    const dated = new Uint8Array(N.length);
    for (let i = 0; i < N.length; i++) {
      if (activeIn(N[i].span, state.year)) { kc[N[i].kind]++; dated[i] = 1; }
    }
    for (const l of L) {
      if (dated[l.source] && dated[l.target] && activeIn(l.span, state.year)) rc[l.relation]++;
    }
    kc.forEach((c, i) => {
      kindCounts[i].textContent = String(c);
      kindCounts[i].parentNode.parentNode.classList.toggle("empty", c === 0);
    });
    rc.forEach((c, i) => {
      relationCounts[i].textContent = String(c);
      relationCounts[i].parentNode.parentNode.classList.toggle("empty", c === 0);
    });
  }

  // ---- search ---------------------------------------------------------------
  // Suggestions for what was typed: ids, names and aliases normalised as
  // `resolve` does; whole-key matches first, then prefixes, then the rest.
  function suggest(text, limit) {
    const q = normalize(text);
    if (!q) return [];
    const hits = [];
    for (let i = 0; i < N.length; i++) {
      let best = 3;
      for (const key of N[i].keys) {
        if (key === q) { best = 0; break; }
        if (key.startsWith(q)) best = Math.min(best, 1);
        else if (key.includes(q)) best = Math.min(best, 2);
      }
      if (best < 3) hits.push([best, N[i].name.length, i]);
    }
    hits.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    return hits.slice(0, limit).map((h) => h[2]);
  }
  // A text box with a list of suggestions; `pick(i)` on Enter or click.
  function combo(input, list, pick) {
    let items = [];
    let active = -1;
    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      active = -1;
    }
    function render() {
      clear(list);
      items.forEach((n, j) => {
        const li = el("li", { role: "option", id: `${list.id}-${j}`, "aria-selected": j === active ? "true" : "false", "data-id": N[n].id });
        li.append(document.createTextNode(N[n].name), el("span", { class: "kind" }, K[N[n].kind].name));
        li.addEventListener("mousedown", (ev) => {
          ev.preventDefault();
          choose(j);
        });
        list.append(li);
      });
      list.hidden = items.length === 0;
      input.setAttribute("aria-expanded", items.length ? "true" : "false");
      if (active >= 0) input.setAttribute("aria-activedescendant", `${list.id}-${active}`);
      else input.removeAttribute("aria-activedescendant");
    }
    function choose(j) {
      const n = items[j];
      if (n === undefined) return;
      input.value = N[n].name;
      close();
      pick(n);
    }
    input.addEventListener("input", () => {
      items = suggest(input.value, 12);
      active = -1;
      render();
    });
    input.addEventListener("keydown", (ev) => {
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        if (!items.length) return;
        ev.preventDefault();
        const step = ev.key === "ArrowDown" ? 1 : -1;
        active = (active + step + items.length) % items.length;
        render();
      } else if (ev.key === "Enter") {
        ev.preventDefault();
        if (!items.length) items = suggest(input.value, 12);
        choose(active >= 0 ? active : 0);
      } else if (ev.key === "Escape") {
        ev.preventDefault();
        ev.stopPropagation();
        if (!list.hidden) { close(); return; }
        input.value = "";
        pick(-1);
      }
    });
    input.addEventListener("blur", close);
  }
  combo($("search"), $("search-list"), (i) => select(i, true));
  combo($("from"), $("from-list"), (i) => { state.from = i; connect(); });
  combo($("to"), $("to-list"), (i) => { state.to = i; connect(); });
  $("directed").addEventListener("change", () => {
    state.directed = $("directed").checked;
    connect();
  });

  // ---- details panel --------------------------------------------------------
  function sourceList(ids) {
    const ul = el("ul", { class: "sources" });
    for (const s of ids) {
      const [doc, section] = D.sources[s];
      ul.append(el("li", { "data-document": D.documents[doc].id }, `${D.documents[doc].title}: ${section}`));
    }
    return ul;
  }
  function linkItem(li_index, here) {
    const l = L[li_index];
    const other = l.source === here ? l.target : l.source;
    const li = el("li", {
      "data-relation": R[l.relation].name, "data-other": N[other].id,
      "data-link": li_index,
    });
    if (!linkVisible[li_index]) li.classList.add("inactive");
    li.append(el("span", { class: "sentence" }, l.sentence));
    if (l.when) li.append(el("span", { class: "when" }, `(${l.when})`));
    li.append(document.createTextNode(" "));
    const go = el("button", { type: "button", class: "goto" }, `go to ${N[other].name}`);
    go.addEventListener("click", () => select(other, true));
    li.append(go);
    if (l.description) li.append(el("p", { class: "note" }, l.description));
    for (const [k, v] of l.attributes) li.append(el("p", { class: "note" }, `${k}: ${v}`));
    li.append(sourceList(l.sources));
    return li;
  }
  function showDetails() {
    const box = $("details");
    clear(box);
    const i = state.selected;
    if (i < 0) {
      box.append(el("p", { class: "hint" }, "Click an entity on the map, or search for one, to see its links and sources."));
      return;
    }
    const n = N[i];
    box.append(el("h2", { id: "details-name" }, n.name));
    const kind = el("p", { class: "kind" }, K[n.kind].name);
    if (!nodeVisible[i]) kind.append(document.createTextNode(state.year === null ? " (hidden by the filters)" : ` (not active in ${state.year})`));
    box.append(kind);
    const dl = el("dl");
    const row = (k, v) => {
      if (v === null || v === undefined || v === "") return;
      dl.append(el("dt", {}, k), el("dd", {}, v));
    };
    row("id", n.id);
    row("aliases", n.aliases.join(", "));
    row("dates", n.when);
    row("description", n.description);
    for (const [k, v] of n.attributes) row(k, v);
    box.append(dl);
    box.append(el("h3", {}, "Sources"));
    box.append(sourceList(n.sources));
    for (const [title, ids] of [["Links out", n.out], ["Links in", n.in]]) {
      const sorted = ids.slice().sort((a, b) => a - b);
      box.append(el("h3", {}, `${title} (${sorted.length})`));
      const ul = el("ul", { class: "links", "data-direction": title === "Links out" ? "out" : "in" });
      for (const li of sorted) ul.append(linkItem(li, i));
      box.append(ul);
    }
  }

  function select(i, centre) {
    state.selected = i;
    if (i >= 0 && centre && nodeVisible[i]) centreOn(i);
    update();
    if (i >= 0) $("details").scrollIntoView({ block: "nearest" });
  }

  // ---- connection -------------------------------------------------------------
  // The shortest connection, as partnership_analysis::shortest_path finds it:
  // a breadth-first search from both ends, growing the smaller frontier one
  // level at a time and stopping when the trees touch, over each node's
  // links in the graph's adjacency order; between two consecutive nodes the
  // link with the lowest index is named.
  function shortestPath(from, to, directed) {
    if (from === to) return { nodes: [from], steps: [] };
    const OUT = 0, IN = 1;
    const adj = (v, dir) => (dir === OUT ? N[v].out : N[v].in);
    const forwardDirs = directed ? [OUT] : [OUT, IN];
    const backwardDirs = directed ? [IN] : [OUT, IN];
    const ROOT = -1;
    const pred = new Int32Array(N.length); // parent + 1; 0 = not reached
    const succ = new Int32Array(N.length);
    pred[from] = ROOT;
    succ[to] = ROOT;
    let forward = [from];
    let backward = [to];
    let meet = -1;
    search:
    while (forward.length && backward.length) {
      const growForward = forward.length <= backward.length;
      const frontier = growForward ? forward : backward;
      const mine = growForward ? pred : succ;
      const theirs = growForward ? succ : pred;
      const dirs = growForward ? forwardDirs : backwardDirs;
      const next = [];
      for (const v of frontier) {
        for (const dir of dirs) {
          for (const e of adj(v, dir)) {
            if (!linkVisible[e]) continue;
            const l = L[e];
            const w = l.source === v ? l.target : l.source;
            if (mine[w] === 0) {
              mine[w] = v + 1;
              next.push(w);
            }
            if (theirs[w] !== 0) {
              meet = w;
              break search;
            }
          }
        }
      }
      if (growForward) forward = next; else backward = next;
    }
    if (meet < 0) return null;
    const nodes = [];
    let at = meet + 1;
    while (at !== ROOT) {
      nodes.push(at - 1);
      at = pred[at - 1];
    }
    nodes.reverse();
    at = succ[meet];
    while (at !== ROOT) {
      nodes.push(at - 1);
      at = succ[at - 1];
    }
    const steps = [];
    for (let k = 0; k + 1 < nodes.length; k++) {
      const a = nodes[k];
      const b = nodes[k + 1];
      let best = null;
      for (const dir of forwardDirs) {
        for (const e of adj(a, dir)) {
          if (!linkVisible[e]) continue;
          const l = L[e];
          const other = l.source === a ? l.target : l.source;
          if (other !== b) continue;
          if (best === null || e < best.link) best = { link: e, forward: dir === OUT };
        }
      }
      if (best) steps.push(best);
    }
    return { nodes, steps };
  }

  // The path in one sentence, by the grammar of partnership_analysis::explain.
  function explain(p) {
    let text = N[p.nodes[0]].noun;
    let previous = null; // "f" or "b" once a relative clause is written
    p.steps.forEach((step, k) => {
      const from = p.nodes[k];
      const to = p.nodes[k + 1];
      const r = R[L[step.link].relation];
      const target = N[to].noun;
      if (k === 0) {
        text += " " + (step.forward ? r.phrase : r.inverse) + " " + target;
        return;
      }
      if (previous === "b") {
        text += "; " + N[from].noun + " " + (step.forward ? r.phrase : r.inverse) + " " + target;
        previous = step.forward ? "f" : "b";
        return;
      }
      const person = N[from].person;
      if (step.forward) text += ", " + (person ? "who" : "which") + " " + r.phrase + " " + target;
      else text += ", " + (person ? "whom" : "which") + " " + target + " " + r.phrase;
      previous = step.forward ? "f" : "b";
    });
    const first = String.fromCodePoint(text.codePointAt(0));
    if (first !== first.toUpperCase() && first === first.toLowerCase()) {
      text = first.toUpperCase() + text.slice(first.length);
    }
    return text;
  }

  function connect() {
    const box = $("path-result");
    clear(box);
    path = null;
    box.removeAttribute("data-links");
    if (state.from >= 0) $("from").value = N[state.from].name;
    if (state.to >= 0) $("to").value = N[state.to].name;
    if (state.from < 0 || state.to < 0) {
      refresh();
      return;
    }
    const a = N[state.from].name;
    const b = N[state.to].name;
    const shown = nodeVisible[state.from] && nodeVisible[state.to];
    const p = shown ? shortestPath(state.from, state.to, state.directed) : null;
    if (!p) {
      box.append(el("p", { class: "none" }, `No connection from ${a} to ${b}` +
        (state.year === null ? "" : ` as of ${state.year}`) + " with the filters shown."));
      box.setAttribute("data-links", "none");
      refresh();
      return;
    }
    path = p;
    const n = p.steps.length;
    box.setAttribute("data-links", String(n));
    box.append(el("p", { class: "heading" }, `${a} to ${b} in ${n} link${n === 1 ? "" : "s"}:`));
    box.append(el("p", { class: "sentence", id: "path-sentence" }, explain(p) + "."));
    const ol = el("ol");
    for (const s of p.steps) {
      const l = L[s.link];
      ol.append(el("li", { "data-link": s.link }, l.sentence + (l.when ? ` (${l.when})` : "") + "."));
    }
    box.append(ol);
    refresh();
  }

  // ---- time -------------------------------------------------------------------
  const yearInput = $("year");
  const years = D.years || [null, null];
  if (D.years) {
    yearInput.min = years[0];
    yearInput.max = years[1];
    yearInput.value = years[0];
  } else {
    $("asof").disabled = true;
    $("play").disabled = true;
  }
  function setYear(y) {
    state.year = y;
    $("asof").checked = y !== null;
    yearInput.disabled = y === null;
    if (y !== null) yearInput.value = y;
    $("year-out").textContent = y === null ? "all dates" : String(y);
    update();
  }
  $("asof").addEventListener("change", () => {
    setYear($("asof").checked ? Number(yearInput.value) : null);
  });
  yearInput.addEventListener("input", () => setYear(Number(yearInput.value)));
  let timer = null;
  function stop() {
    if (timer !== null) clearInterval(timer);
    timer = null;
    $("play").textContent = "Play";
  }
  $("play").addEventListener("click", () => {
    if (timer !== null) { stop(); return; }
    if (state.year === null || state.year >= years[1]) setYear(years[0]);
    $("play").textContent = "Pause";
    timer = setInterval(() => {
      if (state.year >= years[1]) { stop(); return; }
      setYear(state.year + 1);
    }, 700);
  });

  // The strip of dated events under the map.
  const strip = $("timeline");
  let eventEls = [];
  function eventDay(n) {
    return n.span[0];
  }
  function drawTimeline() {
    clear(strip);
    eventEls = [];
    if (!D.years) return;
    const w = strip.getBoundingClientRect().width || 800;
    const pad = 14;
    const y0 = years[0];
    const y1 = years[1] + 1;
    const x = (yearFloat) => pad + ((yearFloat - y0) / (y1 - y0)) * (w - 2 * pad);
    const band = svg("rect", { class: "band", y: 0, height: 48, x: 0, width: 0 });
    strip.append(band);
    const every = Math.max(1, Math.ceil((y1 - y0) / Math.max(1, (w - 2 * pad) / 45)));
    for (let y = y0; y <= y1; y++) {
      strip.append(svg("line", { class: "tick", x1: x(y), x2: x(y), y1: 0, y2: 50 }));
      if ((y - y0) % every === 0 && y < y1) {
        const t = svg("text", { class: "tick-label", x: x(y) + 2, y: 60 });
        t.textContent = String(y);
        strip.append(t);
      }
    }
    // Lanes so that events close in time do not cover each other.
    const laneEnd = [];
    for (const i of D.timeline) {
      const d = eventDay(N[i]);
      if (d === null) continue;
      const yy = Math.floor(d / 10000);
      const mm = Math.floor(d / 100) % 100;
      const dd = d % 100;
      const cx = x(yy + (mm - 1) / 12 + (dd - 1) / 372);
      let lane = laneEnd.findIndex((end) => end < cx - 7);
      if (lane < 0 || lane > 5) {
        lane = laneEnd.length <= 5 ? laneEnd.length : laneEnd.indexOf(Math.min(...laneEnd));
      }
      laneEnd[lane] = cx;
      const c = svg("circle", { class: "event", cx, cy: 6 + lane * 7.5, r: 3.5, "data-id": N[i].id });
      const title = svg("title");
      title.textContent = `${N[i].name} (${N[i].when || ""})`;
      c.append(title);
      c.addEventListener("click", () => select(i, true));
      strip.append(c);
      eventEls.push([i, c]);
    }
    strip._band = band;
    strip._x = x;
    refreshTimeline();
  }
  function refreshTimeline() {
    if (!strip._band) return;
    if (state.year === null) {
      strip._band.setAttribute("width", 0);
    } else {
      strip._band.setAttribute("x", strip._x(state.year));
      strip._band.setAttribute("width", strip._x(state.year + 1) - strip._x(state.year));
    }
    for (const [i, c] of eventEls) {
      c.classList.toggle("on", state.year !== null && activeIn(N[i].span, state.year));
      c.classList.toggle("selected", i === state.selected);
    }
  }

  // ---- drawing state ------------------------------------------------------------
  function refresh() {
    const sel = state.selected;
    const near = new Set();
    const nearLinks = new Set();
    if (sel >= 0 && nodeVisible[sel]) {
      for (const e of N[sel].out.concat(N[sel].in)) {
        if (!linkVisible[e]) continue;
        nearLinks.add(e);
        near.add(L[e].source);
        near.add(L[e].target);
      }
    }
    const onPathNodes = new Set(path ? path.nodes : []);
    const onPathLinks = new Set(path ? path.steps.map((s) => s.link) : []);
    map.classList.toggle("focus", (sel >= 0 && nodeVisible[sel]) || path !== null);
    nodeEls.forEach((g, i) => {
      g.classList.toggle("off", !nodeVisible[i]);
      g.classList.toggle("selected", i === sel);
      g.classList.toggle("near", near.has(i) && i !== sel);
      g.classList.toggle("onpath", onPathNodes.has(i));
    });
    linkEls.forEach((line, i) => {
      line.classList.toggle("off", !linkVisible[i]);
      line.classList.toggle("near", nearLinks.has(i));
      line.classList.toggle("onpath", onPathLinks.has(i));
    });
    scheduleLabels();
    let shownNodes = 0;
    let shownLinks = 0;
    for (const v of nodeVisible) shownNodes += v;
    for (const v of linkVisible) shownLinks += v;
    $("status").textContent = `${shownNodes} of ${N.length} entities, ${shownLinks} of ${L.length} links` +
      (state.year === null ? "" : ` as of ${state.year}`);
    refreshTimeline();
    writeHash();
  }

  function update() {
    computeVisibility();
    updateCounts();
    showDetails();
    // The connection depends on what is visible.
    if (state.from >= 0 && state.to >= 0) connect(); else refresh();
  }

  // ---- the URL fragment holds the state ---------------------------------------
  let restoring = false;
  function writeHash() {
    if (restoring) return;
    const p = new URLSearchParams();
    if (state.selected >= 0) p.set("node", N[state.selected].id);
    if (state.year !== null) p.set("date", String(state.year));
    if (state.hiddenKinds.size) p.set("hide-kinds", [...state.hiddenKinds].sort((a, b) => a - b).map((i) => K[i].name).join(","));
    if (state.hiddenRelations.size) p.set("hide-relations", [...state.hiddenRelations].sort((a, b) => a - b).map((i) => R[i].name).join(","));
    if (state.from >= 0) p.set("from", N[state.from].id);
    if (state.to >= 0) p.set("to", N[state.to].id);
    if (state.directed) p.set("directed", "1");
    const hash = p.toString();
    if (location.hash.slice(1) === hash) return;
    try {
      history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
    } catch (e) {
      location.hash = hash;
    }
  }
  const byId = new Map(N.map((n, i) => [n.id, i]));
  function readHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    const node = (key) => (p.has(key) && byId.has(p.get(key)) ? byId.get(p.get(key)) : -1);
    const names = (key, items) => {
      const set = new Set();
      for (const name of (p.get(key) || "").split(",")) {
        const i = items.findIndex((x) => x.name === name);
        if (i >= 0) set.add(i);
      }
      return set;
    };
    restoring = true;
    state.selected = node("node");
    state.from = node("from");
    state.to = node("to");
    state.directed = p.get("directed") === "1";
    $("directed").checked = state.directed;
    state.hiddenKinds.clear();
    for (const i of names("hide-kinds", K)) state.hiddenKinds.add(i);
    state.hiddenRelations.clear();
    for (const i of names("hide-relations", R)) state.hiddenRelations.add(i);
    for (const box of $("kinds").querySelectorAll("input")) box.checked = !state.hiddenKinds.has(Number(box.dataset.index));
    for (const box of $("relations").querySelectorAll("input")) box.checked = !state.hiddenRelations.has(Number(box.dataset.index));
    const y = Number(p.get("date"));
    const year = p.has("date") && D.years && Number.isInteger(y) ? Math.min(Math.max(y, years[0]), years[1]) : null;
    if (state.from < 0) $("from").value = "";
    if (state.to < 0) $("to").value = "";
    setYear(year);
    restoring = false;
    writeHash();
  }
  window.addEventListener("hashchange", readHash);

  // ---- keyboard -------------------------------------------------------------------
  document.addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape") return;
    stop();
    state.selected = -1;
    state.from = -1;
    state.to = -1;
    $("search").value = "";
    $("from").value = "";
    $("to").value = "";
    update();
  });

  // ---- start ------------------------------------------------------------------------
  document.title = D.title;
  $("title").textContent = D.title;
  if (D.description) $("title").setAttribute("title", D.description);
  readHash();
  if (state.selected < 0 && D.focus.length === 1 && !location.hash) state.selected = D.focus[0];
  update();
  fit();
  drawTimeline();
  document.documentElement.setAttribute("data-ready", "1");
})();
