// The copies: a heat map of every pair, the copy groups, the pairs and the
// template copies as lists, and two texts side by side.

/** Reports in heat-map order: copy groups first, as blocks. */
function heatOrder() {
  const seen = new Set();
  const order = [];
  for (const [, members] of D.groups) {
    for (const m of members) {
      if (!seen.has(m)) {
        seen.add(m);
        order.push(m);
      }
    }
  }
  D.reports.forEach((_, i) => seen.has(i) || order.push(i));
  return order;
}

let HEAT = null;

function renderCopies() {
  const box = el("section", "copies");
  box.appendChild(el("h1", null, "雷同比对"));
  const n = D.reports.length;
  const split = el("div", "split");
  const lists = el("div", "lists");
  if (n < 2) {
    box.appendChild(el("p", "note", "只有一份材料，没有可比对的内容。"));
  } else {
    box.appendChild(
      el("p", "note", "每格表示行所在材料有多少内容也出现在列所在材料中，颜色越深占比越高；行列号即总览中的序号，同组的材料排在一起并加框。点击一格，并排查看两份材料，相同段落已标出。")
    );
    const wrap = el("div", "heatwrap");
    const canvas = el("canvas", "heat");
    const tip = el("div", "tip");
    tip.hidden = true;
    wrap.appendChild(canvas);
    wrap.appendChild(legend());
    wrap.appendChild(tip);
    split.appendChild(wrap);
  }
  lists.appendChild(groupsList());
  lists.appendChild(pairsList());
  lists.appendChild(templatesList());
  split.appendChild(lists);
  box.appendChild(split);
  MAIN.appendChild(box);
  const canvas = box.querySelector("canvas.heat");
  if (canvas) drawHeat(canvas, box.querySelector(".tip"));
}

function legend() {
  const l = el("div", "legend");
  for (const x of [0.1, 0.3, 0.5, 0.7, 0.9]) {
    const s = el("span", null, percent(x));
    s.style.background = heat(x);
    if (x > 0.5) s.style.color = "#fff";
    l.appendChild(s);
  }
  return l;
}

function drawHeat(canvas, tip) {
  const n = D.reports.length;
  const order = heatOrder();
  const pos = new Int32Array(n);
  order.forEach((r, k) => (pos[r] = k));
  const cell = Math.max(1, Math.min(26, Math.floor(760 / n)));
  const pad = n <= 60 ? 30 : 6;
  const size = pad + n * cell;
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.ceil(size * dpr);
  canvas.height = Math.ceil(size * dpr);
  canvas.style.width = size + "px";
  canvas.style.height = size + "px";
  const c = canvas.getContext("2d");
  c.scale(dpr, dpr);
  c.fillStyle = "#fff";
  c.fillRect(0, 0, size, size);
  const value = new Map();
  for (const [a, b, chars, ra, rb] of D.sim) {
    value.set(a * n + b, [ra, chars]);
    value.set(b * n + a, [rb, chars]);
  }
  if (cell >= 6) {
    c.strokeStyle = "#eee";
    for (let k = 0; k <= n; k++) {
      c.beginPath();
      c.moveTo(pad + k * cell, pad);
      c.lineTo(pad + k * cell, size);
      c.moveTo(pad, pad + k * cell);
      c.lineTo(size, pad + k * cell);
      c.stroke();
    }
  }
  for (const [key, [v]] of value) {
    const a = Math.floor(key / n), b = key % n;
    c.fillStyle = heat(v);
    c.fillRect(pad + pos[b] * cell, pad + pos[a] * cell, cell, cell);
  }
  c.fillStyle = "#9aa0a6";
  for (let k = 0; k < n; k++) c.fillRect(pad + k * cell, pad + k * cell, cell, cell);
  c.strokeStyle = "#333";
  c.lineWidth = 1.5;
  for (const [, members] of D.groups) {
    const ks = members.map((m) => pos[m]);
    const lo = Math.min(...ks), hi = Math.max(...ks) + 1;
    c.strokeRect(pad + lo * cell, pad + lo * cell, (hi - lo) * cell, (hi - lo) * cell);
  }
  if (pad > 10) {
    c.fillStyle = "#555";
    c.font = Math.min(11, cell) + "px sans-serif";
    c.textAlign = "right";
    c.textBaseline = "middle";
    order.forEach((r, k) => c.fillText(String(r + 1), pad - 3, pad + k * cell + cell / 2));
    c.textAlign = "center";
    c.textBaseline = "bottom";
    order.forEach((r, k) => c.fillText(String(r + 1), pad + k * cell + cell / 2, pad - 3));
  }
  const at = (e) => {
    const b = canvas.getBoundingClientRect();
    const col = Math.floor((e.clientX - b.left - pad) / cell);
    const row = Math.floor((e.clientY - b.top - pad) / cell);
    if (col < 0 || row < 0 || col >= n || row >= n) return null;
    return [order[row], order[col]];
  };
  canvas.addEventListener("mousemove", (e) => {
    const rc = at(e);
    if (!rc) return (tip.hidden = true);
    const [a, b] = rc;
    const v = value.get(a * n + b);
    tip.textContent = "";
    txt(tip, a + 1 + ". " + short(a) + "\n" + (b + 1) + ". " + short(b) + "\n");
    txt(tip, a === b ? "同一份材料" : v ? "前者有 " + percent(v[0]) + " 的内容也在后者中（相同 " + v[1] + " 字）" : "没有相同段落");
    tip.hidden = false;
    tip.style.left = e.offsetX + 16 + "px";
    tip.style.top = e.offsetY + 16 + "px";
  });
  canvas.addEventListener("mouseleave", () => (tip.hidden = true));
  canvas.addEventListener("click", (e) => {
    const rc = at(e);
    if (rc && rc[0] !== rc[1] && value.has(rc[0] * n + rc[1])) go("#pair/" + rc[0] + "/" + rc[1]);
  });
  // Where the cell of (a, b) is on the screen (the self-test clicks it).
  HEAT = (a, b) => {
    const r = canvas.getBoundingClientRect();
    return [r.left + pad + pos[b] * cell + cell / 2, r.top + pad + pos[a] * cell + cell / 2];
  };
}

function groupsList() {
  const box = el("section");
  box.appendChild(el("h2", "first", "雷同组（" + D.groups.length + "）"));
  if (!D.groups.length) box.appendChild(el("p", "note", "没有相互雷同的材料。"));
  D.groups.forEach(([share, members], g) => {
    const p = el("div", "group");
    p.appendChild(el("b", null, "第 " + (g + 1) + " 组，" + members.length + " 份，两两之间最多 " + percent(share) + " 相同："));
    members.forEach((m, k) => {
      if (k) txt(p, "、");
      p.appendChild(link("#r/" + m, m + 1 + ". " + short(m)));
    });
    box.appendChild(p);
  });
  return box;
}

/** The most similar pairs, as a table (the heat map's cells, in words). */
function pairsList() {
  const box = el("section");
  const rows = D.sim.slice(0, 200);
  box.appendChild(el("h2", null, "相似的材料对（" + D.sim.length + "）" + (D.sim.length > rows.length ? "，列出前 " + rows.length + " 对" : "")));
  if (!rows.length) return box;
  const t = el("table", "pairs");
  const h = el("tr");
  for (const c of ["材料甲", "材料乙", "相同字数", "甲中占比", "乙中占比", ""]) h.appendChild(el("th", null, c));
  t.appendChild(h);
  for (const [a, b, chars, ra, rb] of rows) {
    const tr = el("tr");
    tr.appendChild(el("td", null, a + 1 + ". " + short(a)));
    tr.appendChild(el("td", null, b + 1 + ". " + short(b)));
    tr.appendChild(el("td", "num", chars));
    tr.appendChild(el("td", "num", percent(ra)));
    tr.appendChild(el("td", "num", percent(rb)));
    const td = el("td");
    td.appendChild(link("#pair/" + a + "/" + b, "并排比较", "btn"));
    tr.appendChild(td);
    t.appendChild(tr);
  }
  box.appendChild(t);
  return box;
}

/** Reports that share passages with a reference text. */
function templatesList() {
  const box = el("section");
  const by = new Map();
  for (const [a, b, sa, ea, , , tmpl] of D.passages) {
    if (!tmpl) continue;
    const k = a + "/" + b;
    by.set(k, (by.get(k) || 0) + (ea - sa));
  }
  box.appendChild(el("h2", null, "与范文相同（" + by.size + "）"));
  if (!by.size) box.appendChild(el("p", "note", "没有材料照抄范文。"));
  for (const [k, chars] of by) {
    const [a, t] = k.split("/").map(Number);
    const p = el("div", "group");
    txt(p, a + 1 + ". " + short(a) + " 与范文 " + D.refs[t].name + " 相同约 " + chars + " 字 ");
    p.appendChild(link("#pair/" + a + "/t" + t, "与范文并排比较", "btn"));
    box.appendChild(p);
  }
  return box;
}

// ------------------------------------------------------ two texts side by side

function renderPair(a, other) {
  const template = other[0] === "t";
  const b = +other.replace(/^t/, "");
  const right = template ? D.refs[b] : D.reports[b];
  if (!right || (!template && b === a)) return renderCopies();
  const ps = [];
  for (const [x, y, sx, ex, sy, ey, tmpl] of D.passages) {
    if (tmpl !== template) continue;
    if (x === a && y === b) ps.push([sx, ex, sy, ey]);
    else if (!template && x === b && y === a) ps.push([sy, ey, sx, ex]);
  }
  ps.sort((p, q) => p[0] - q[0] || p[2] - q[2]);
  const box = el("section", "pair");
  const head = el("div", "rhead");
  const nav = el("div", "rnav");
  nav.appendChild(link("#copies", "← 雷同比对", "btn"));
  head.appendChild(nav);
  head.appendChild(el("h1", null, template ? "与范文比较" : "两份材料比较"));
  const s = D.sim.find(([x, y]) => (x === a && y === b) || (x === b && y === a));
  let summary = ps.length + " 处相同段落";
  if (s) {
    const [ra, rb] = s[0] === a ? [s[3], s[4]] : [s[4], s[3]];
    summary += "，相同 " + s[2] + " 字：左侧 " + percent(ra) + "、右侧 " + percent(rb) + " 的内容相同";
  }
  head.appendChild(el("p", "meta", summary + "。点击标出的段落，另一侧滚动到对应位置。"));
  box.appendChild(head);
  const cols = el("div", "twin");
  const sides = [
    [D.reports[a], "#r/" + a, 0],
    [right, template ? null : "#r/" + b, 2],
  ];
  const panes = sides.map(([doc, hash, off]) => {
    const col = el("div", "side-text");
    const h = el("div", "twinhead");
    if (hash) h.appendChild(link(hash, doc.name));
    else txt(h, "范文：" + doc.name);
    col.appendChild(h);
    const pane = el("div", "rtext pane");
    paint(
      pane,
      doc.text,
      ps.map((p, j) => [p[off], p[off + 1], j]),
      (keys) => {
        const m = el("mark", "shared s" + (keys[0] % 2));
        m.dataset.p = keys.join(" ");
        return m;
      },
      null
    );
    col.appendChild(pane);
    cols.appendChild(col);
    return pane;
  });
  panes.forEach((pane, k) => {
    pane.addEventListener("click", (e) => {
      const m = e.target.closest("mark[data-p]");
      if (!m) return;
      const j = m.dataset.p.split(" ")[0];
      const there = [...panes[1 - k].querySelectorAll("mark[data-p]")].find((x) => x.dataset.p.split(" ").includes(j));
      if (!there) return;
      const pane2 = panes[1 - k];
      pane2.scrollTop += there.getBoundingClientRect().top - pane2.getBoundingClientRect().top - 40;
      for (const x of document.querySelectorAll("mark.flash")) x.classList.remove("flash");
      there.classList.add("flash");
      m.classList.add("flash");
    });
  });
  box.appendChild(cols);
  MAIN.appendChild(box);
}
