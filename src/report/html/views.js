// The views opened on demand: one report, the copies (heat map, groups,
// pairs), two texts side by side. Nothing is rendered before it is opened.

/**
 * Paints `text` into `box` with `spans` ([start, end, key]) highlighted:
 * the text is cut at every span boundary; each piece inside spans becomes
 * one element from `mark(keys)`. `at(offset)` gives elements to insert
 * before the text at an offset (anchors, numbers, margin notes).
 */
function paint(box, text, spans, mark, at, cuts) {
  const points = new Set([0, text.length]);
  for (const [s, e] of spans) {
    points.add(Math.min(s, text.length));
    points.add(Math.min(e, text.length));
  }
  for (const c of cuts || []) points.add(Math.min(c, text.length));
  const xs = [...points].sort((a, b) => a - b);
  const opening = new Map();
  spans.forEach(([s, e, key]) => {
    if (e > s) {
      if (!opening.has(s)) opening.set(s, []);
      opening.get(s).push([e, key]);
    }
  });
  let active = [];
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k];
    active = active.filter(([e]) => e > x);
    for (const o of opening.get(x) || []) active.push(o);
    for (const node of at ? at(x) : []) box.appendChild(node);
    if (k + 1 === xs.length) break;
    const piece = text.slice(x, xs[k + 1]);
    if (!active.length) {
      txt(box, piece);
    } else {
      const m = mark(active.map(([, key]) => key));
      txt(m, piece);
      box.appendChild(m);
    }
  }
}

// ---------------------------------------------------------------- popover

function hidePop() {
  POP.hidden = true;
  POP.textContent = "";
}

document.addEventListener("keydown", (e) => e.key === "Escape" && hidePop());
document.addEventListener("click", (e) => {
  if (!POP.hidden && !POP.contains(e.target) && !e.target.closest("[data-f]")) hidePop();
});

/** Details of findings `ids` of report `ri`, beside the point (x, y). */
function showFindings(ri, ids, x, y) {
  const r = D.reports[ri];
  POP.textContent = "";
  const close = el("button", "close", "×");
  close.title = "关闭（Esc）";
  close.addEventListener("click", hidePop);
  POP.appendChild(close);
  for (const id of ids) {
    const [, , rule, sev, line, message, notes, labels] = r.diags[id];
    const info = D.rules[rule];
    const f = el("div", "finding");
    const h = el("div", "fhead");
    h.appendChild(el("span", "sev " + SEV_CLASS[sev], SEV[sev]));
    h.appendChild(el("span", "where", "第 " + (id + 1) + " 条 · 第 " + line + " 行"));
    h.appendChild(el("code", null, info.id));
    f.appendChild(h);
    f.appendChild(el("p", "msg", message));
    if (info.summary) f.appendChild(el("p", "rule", "规则：" + info.summary));
    for (const n of notes) f.appendChild(el("p", "fnote", n));
    for (const [path, msg, quote, other] of labels) {
      const p = el("p", "label");
      txt(p, msg + "：“" + quote + "”");
      if (other >= 0) p.appendChild(link("#pair/" + ri + "/" + other, "并排比较", "btn"));
      else {
        const t = D.refs.findIndex((x) => x.name === path);
        if (t >= 0) p.appendChild(link("#pair/" + ri + "/t" + t, "与范文并排比较", "btn"));
      }
      f.appendChild(p);
    }
    if (info.explanation) {
      const d = el("details");
      d.open = ids.length === 1;
      d.appendChild(el("summary", null, "规则说明"));
      // The YAML wraps explanations at a width; Chinese joins lines without a space.
      d.appendChild(el("p", "expl", info.explanation.trim().replace(/([^\n])\n(?=[^\n])/g, "$1")));
      if (info.bad) d.appendChild(el("p", "bad", "反例：" + info.bad.trim()));
      if (info.good) d.appendChild(el("p", "good", "正例：" + info.good.trim()));
      f.appendChild(d);
    }
    POP.appendChild(f);
  }
  POP.hidden = false;
  const w = POP.offsetWidth, hgt = POP.offsetHeight;
  POP.style.left = Math.max(8, Math.min(x + 12, innerWidth - w - 12)) + "px";
  POP.style.top = Math.max(8, Math.min(y + 16, innerHeight - hgt - 12)) + "px";
}

// ---------------------------------------------------------------- a report

/** Findings longer than this (UTF-16 units) are underlined, not filled. */
const LONG = 40;

function renderReport(ri) {
  const r = D.reports[ri];
  const box = el("section", "report");
  const head = el("div", "rhead");
  const nav = el("div", "rnav");
  if (ri > 0) nav.appendChild(link("#r/" + (ri - 1), "← 上一份", "btn"));
  if (ri + 1 < D.reports.length) nav.appendChild(link("#r/" + (ri + 1), "下一份 →", "btn"));
  const print = el("button", "btn", "打印本材料");
  print.addEventListener("click", () => window.print());
  nav.appendChild(print);
  head.appendChild(nav);
  head.appendChild(el("h1", null, r.title || base(r.name)));
  const meta = el("p", "meta");
  meta.appendChild(el("span", "v " + VERDICT_CLASS[r.verdict], VERDICT[r.verdict]));
  txt(meta, " " + r.name + (r.author ? " · " + r.author : "") + " · " + r.chars + " 字 · ");
  meta.appendChild(el("span", "n-error", r.counts[0] + " 错误"));
  txt(meta, " ");
  meta.appendChild(el("span", "n-warning", r.counts[1] + " 警告"));
  txt(meta, " ");
  meta.appendChild(el("span", "n-info", r.counts[2] + " 提示"));
  if (r.share) txt(meta, " · 与他人雷同最多 " + percent(r.share));
  head.appendChild(meta);
  box.appendChild(head);

  const cols = el("div", "cols");
  const text = el("div", "rtext");
  const spans = r.diags.map((d, i) => [d[0], d[1], i]);
  const starts = new Map();
  r.diags.forEach((d, i) => {
    if (!starts.has(d[0])) starts.set(d[0], []);
    starts.get(d[0]).push(i);
  });
  const items = new Map();
  for (const s of r.outline || []) {
    for (const it of s.items) {
      if (!items.has(it[2])) items.set(it[2], []);
      items.get(it[2]).push(it[0]);
    }
  }
  paint(
    text,
    r.text,
    spans,
    (keys) => {
      // The innermost finding colours the piece; a long one (a whole
      // item) is only underlined, so the words inside it stay readable.
      const len = (k) => r.diags[k][1] - r.diags[k][0];
      const inner = keys.reduce((a, b) => (len(b) < len(a) ? b : a));
      const m = el("mark", "sev-" + SEV_CLASS[r.diags[inner][3]] + (len(inner) > LONG ? " long" : ""));
      m.dataset.f = keys.join(" ");
      m.title = keys.map((k) => (k + 1) + ". " + r.diags[k][5]).join("\n");
      return m;
    },
    (x) => {
      const out = [];
      for (const id of items.get(x) || []) {
        const a = el("span", "ia");
        a.dataset.item = id;
        out.push(a);
      }
      for (const i of starts.get(x) || []) {
        const d = r.diags[i];
        const n = el("sup", "fn sev-" + SEV_CLASS[d[3]] + (d[1] > d[0] ? "" : " pt"), String(i + 1));
        n.dataset.f = String(i);
        n.title = d[5];
        out.push(n);
        const note = el("span", "sn");
        note.appendChild(el("b", null, i + 1 + " " + SEV[d[3]] + " "));
        txt(note, d[5]);
        out.push(note);
      }
      return out;
    },
    [...items.keys()]
  );
  text.addEventListener("click", (e) => {
    const t = e.target.closest("[data-f]");
    if (t) showFindings(ri, t.dataset.f.split(" ").map(Number), e.clientX, e.clientY);
  });
  cols.appendChild(text);

  const side = el("aside", "side");
  const ol = outlinePanel(r, text);
  if (ol) side.appendChild(ol);
  side.appendChild(byRule(r, ri, text));
  cols.appendChild(side);
  box.appendChild(cols);
  MAIN.appendChild(box);
  if (ol) drawLinks(ol);
}

/** The findings of a report grouped by rule, most frequent first. */
function byRule(r, ri, text) {
  const box = el("section", "byrule");
  box.appendChild(el("h2", null, "问题清单（按规则，共 " + r.diags.length + " 条）"));
  if (!r.diags.length) box.appendChild(el("p", "note", "没有发现问题。"));
  const groups = new Map();
  r.diags.forEach((d, i) => {
    if (!groups.has(d[2])) groups.set(d[2], []);
    groups.get(d[2]).push(i);
  });
  const order = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
  for (const [rule, ids] of order) {
    const info = D.rules[rule];
    const g = el("details", "rgroup");
    g.open = order.length <= 4;
    const s = el("summary");
    s.appendChild(el("span", "sev " + SEV_CLASS[r.diags[ids[0]][3]], SEV[r.diags[ids[0]][3]]));
    txt(s, " " + (info.summary || info.id) + "（" + info.id + "）× " + ids.length);
    g.appendChild(s);
    const ul = el("ol");
    for (const i of ids) {
      const d = r.diags[i];
      const li = el("li");
      li.value = i + 1;
      li.appendChild(el("span", "where", "第 " + d[4] + " 行 "));
      txt(li, d[5]);
      li.addEventListener("click", (e) => {
        const n = text.querySelector('sup[data-f="' + i + '"]');
        if (n) n.scrollIntoView({ block: "center" });
        showFindings(ri, [i], e.clientX, e.clientY);
        e.stopPropagation();
      });
      ul.appendChild(li);
    }
    g.appendChild(ul);
    box.appendChild(g);
  }
  return box;
}

/** Problems and causes on the left, measures on the right, to be linked. */
function outlinePanel(r, text) {
  if (!r.outline || !r.outline.some((s) => s.items.length)) return null;
  const box = el("section", "outline");
  box.appendChild(el("h2", null, "结构与对应关系"));
  box.appendChild(
    el("p", "note", "左列为查摆的问题和原因，右列为整改措施；连线表示措施回应了该问题或原因，红框为没有措施回应的条目。点击条目跳到原文。")
  );
  const grid = el("div", "olgrid");
  const left = el("div", "olcol");
  const right = el("div", "olcol measures");
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.classList.add("lines");
  const names = { problems: "查摆问题", causes: "原因剖析", measures: "整改措施" };
  for (const s of r.outline) {
    const measures = s.kind === "measures";
    if (!names[s.kind] && !s.topic) continue;
    const col = measures ? right : left;
    col.appendChild(el("div", "olsec", s.heading || names[s.kind] || "查摆问题"));
    for (const [id, depth, ls, le, answers] of s.items) {
      if (measures && depth > 0) continue;
      const it = el("div", "it d" + Math.min(depth, 3) + (answers && !answers.length ? " un" : ""));
      it.dataset.id = id;
      if (answers) it.dataset.answers = answers.join(" ");
      it.appendChild(el("span", "lab", r.text.slice(ls, le)));
      if (answers && !answers.length) it.appendChild(el("span", "tag", "未对应"));
      it.addEventListener("click", () => {
        const a = text.querySelector('.ia[data-item="' + id + '"]');
        if (a) a.scrollIntoView({ block: "center" });
      });
      it.addEventListener("mouseenter", () => mark(box, id, true));
      it.addEventListener("mouseleave", () => mark(box, id, false));
      col.appendChild(it);
    }
  }
  grid.appendChild(left);
  grid.appendChild(el("div", "gutter"));
  grid.appendChild(right);
  grid.appendChild(svg);
  box.appendChild(grid);
  return box;
}

/** Highlights an item, its lines and the items at their other ends. */
function mark(box, id, on) {
  for (const p of box.querySelectorAll("path.ln")) {
    const hit = p.dataset.from === id || p.dataset.to === id;
    p.classList.toggle("hot", on && hit);
    if (on && hit) {
      for (const end of [p.dataset.from, p.dataset.to]) {
        const it = box.querySelector('.it[data-id="' + end + '"]');
        if (it) it.classList.add("hot");
      }
    }
  }
  if (!on) for (const it of box.querySelectorAll(".it.hot")) it.classList.remove("hot");
}

/** Draws a line from each problem and cause to each measure answering it. */
function drawLinks(box) {
  const grid = box.querySelector(".olgrid");
  const svg = grid.querySelector("svg");
  svg.textContent = "";
  const g = grid.getBoundingClientRect();
  svg.setAttribute("width", g.width);
  svg.setAttribute("height", g.height);
  const measures = new Map();
  for (const m of grid.querySelectorAll(".olcol.measures .it")) measures.set(m.dataset.id, m);
  const answered = new Set();
  for (const it of grid.querySelectorAll(".it[data-answers]")) {
    if (!it.dataset.answers) continue;
    const a = it.getBoundingClientRect();
    for (const to of it.dataset.answers.split(" ")) {
      const m = measures.get(to);
      if (!m) continue;
      answered.add(to);
      const b = m.getBoundingClientRect();
      const x1 = a.right - g.left, y1 = (a.top + a.bottom) / 2 - g.top;
      const x2 = b.left - g.left, y2 = (b.top + b.bottom) / 2 - g.top;
      const dx = (x2 - x1) / 2;
      const p = document.createElementNS("http://www.w3.org/2000/svg", "path");
      p.setAttribute("d", `M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}`);
      p.classList.add("ln", it.dataset.id[0] === "c" ? "cause" : "problem");
      p.dataset.from = it.dataset.id;
      p.dataset.to = to;
      svg.appendChild(p);
    }
  }
  for (const [id, m] of measures) m.classList.toggle("orphan", !answered.has(id));
}

window.addEventListener("resize", () => {
  const ol = MAIN.querySelector(".outline");
  if (ol) drawLinks(ol);
});
