// critique-lint --format html: the page's core — data, safe text, router,
// header and overview. Report text only ever enters the page through
// txt() (text nodes), never as markup.

const ERRORS = [];
window.addEventListener("error", (e) => ERRORS.push(String(e.message)));
const consoleError = console.error.bind(console);
console.error = (...a) => {
  ERRORS.push(a.map(String).join(" "));
  consoleError(...a);
};

const D = JSON.parse(document.getElementById("data").textContent);
const SEV = ["提示", "警告", "错误"];
const SEV_CLASS = ["info", "warning", "error"];
const VERDICT = ["通过", "建议修改", "需退回修改"];
const VERDICT_CLASS = ["ok", "revise", "back"];
const LEVEL = { error: "错误", warning: "警告", info: "提示" };
const MAIN = document.getElementById("main");
const POP = document.getElementById("pop");

// Control characters and bidirectional overrides would move or reorder
// what the reader sees: they are shown as their code instead.
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Appends `s` to `parent` as text; unsafe characters shown as codes. */
function txt(parent, s) {
  s = String(s).replace(/\r\n?/g, "\n");
  let last = 0;
  UNSAFE.lastIndex = 0;
  let m;
  while ((m = UNSAFE.exec(s))) {
    if (m.index > last) parent.appendChild(document.createTextNode(s.slice(last, m.index)));
    const c = document.createElement("span");
    c.className = "ctl";
    c.title = "控制字符，按代码显示";
    c.textContent = "\\u{" + m[0].charCodeAt(0).toString(16) + "}";
    parent.appendChild(c);
    last = m.index + 1;
  }
  if (last < s.length) parent.appendChild(document.createTextNode(s.slice(last)));
  return parent;
}

/** An element with a class and text. */
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) txt(e, text);
  return e;
}

/** A link inside the page (hrefs are only ever built from numbers). */
function link(hash, text, cls) {
  const a = el("a", cls, text);
  a.href = hash;
  return a;
}

function percent(x) {
  return Math.round(x * 100) + "%";
}

/** The file name without its folders. */
function base(name) {
  const i = Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\"));
  return name.slice(i + 1);
}

// The folder every report is in, left out where names are listed.
const PREFIX = (() => {
  const names = D.reports.map((r) => r.name);
  if (names.length < 2) return "";
  let p = names[0];
  for (const n of names) while (!n.startsWith(p)) p = p.slice(0, -1);
  return p.slice(0, Math.max(p.lastIndexOf("/"), p.lastIndexOf("\\")) + 1);
})();

/** A report's name as lists show it (without the common folder). */
function short(i) {
  return D.reports[i].name.slice(PREFIX.length);
}

// ---------------------------------------------------------------- router

let current = null;

/** Opens a view and records it in the address (back button works). */
function go(hash) {
  show(hash);
  if (location.hash !== hash) location.hash = hash;
}

/** Renders the view of `hash` into the page, at once. */
function show(hash) {
  if (hash === current) return;
  current = hash;
  hidePop();
  const parts = hash.replace(/^#/, "").split("/");
  MAIN.textContent = "";
  let m;
  if (parts[0] === "r" && (m = D.reports[+parts[1]])) {
    renderReport(+parts[1]);
  } else if (parts[0] === "pair" && D.reports[+parts[1]]) {
    renderPair(+parts[1], parts[2] || "");
  } else if (parts[0] === "copies") {
    renderCopies();
  } else {
    renderOverview();
  }
  for (const a of document.querySelectorAll("#top nav a")) {
    a.classList.toggle("on", a.getAttribute("href") === "#" + parts[0]);
  }
  window.scrollTo(0, 0);
}

window.addEventListener("hashchange", () => show(location.hash || "#overview"));

// ---------------------------------------------------------------- header

function totals() {
  const t = { e: 0, w: 0, i: 0, v: [0, 0, 0] };
  for (const r of D.reports) {
    t.e += r.counts[0];
    t.w += r.counts[1];
    t.i += r.counts[2];
    t.v[r.verdict]++;
  }
  return t;
}

function renderHeader() {
  const top = document.getElementById("top");
  const h = el("div", "brand");
  h.appendChild(el("b", null, "对照检查材料检查报告"));
  h.appendChild(el("span", "sub", "critique-lint"));
  top.appendChild(h);
  const nav = el("nav");
  nav.appendChild(link("#overview", "总览"));
  nav.appendChild(link("#copies", "雷同比对"));
  top.appendChild(nav);
  const t = totals();
  const s = el("div", "totals");
  s.appendChild(el("span", null, "材料 " + D.reports.length + " 份"));
  s.appendChild(el("span", "v back", VERDICT[2] + " " + t.v[2]));
  s.appendChild(el("span", "v revise", VERDICT[1] + " " + t.v[1]));
  s.appendChild(el("span", "v ok", VERDICT[0] + " " + t.v[0]));
  top.appendChild(s);
}

// -------------------------------------------------------------- overview

const COLUMNS = [
  { label: "序号", num: true, get: (r, i) => i + 1 },
  { label: "文件", get: (r) => r.name, cell: (td, r, i) => td.appendChild(link("#r/" + i, short(i), "file")) },
  { label: "标题", get: (r) => r.title || "" },
  { label: "署名", get: (r) => r.author || "" },
  { label: "字数", num: true, get: (r) => r.chars },
  { label: "错误", num: true, get: (r) => r.counts[0], cls: "n-error", count: true },
  { label: "警告", num: true, get: (r) => r.counts[1], cls: "n-warning", count: true },
  { label: "提示", num: true, get: (r) => r.counts[2], cls: "n-info", count: true },
  { label: "未对应的问题/原因", num: true, get: (r) => r.counts[3], count: true },
  { label: "模糊条目", num: true, get: (r) => r.counts[4], count: true },
  {
    label: "最大雷同占比",
    num: true,
    get: (r) => r.share,
    cell: (td, r) => {
      if (!r.share) return txt(td, "—");
      const bar = el("span", "bar");
      bar.style.width = Math.round(r.share * 60) + "px";
      bar.style.background = heat(r.share);
      td.appendChild(bar);
      txt(td, percent(r.share));
    },
  },
  {
    label: "雷同组",
    num: true,
    get: (r) => (r.group == null ? Infinity : r.group),
    cell: (td, r) => (r.group == null ? txt(td, "—") : td.appendChild(link("#copies", "第 " + (r.group + 1) + " 组"))),
  },
  {
    label: "结论",
    num: true,
    get: (r) => -r.verdict,
    cell: (td, r) => td.appendChild(el("span", "v " + VERDICT_CLASS[r.verdict], VERDICT[r.verdict])),
  },
];

let overview = null;

function renderOverview() {
  if (overview) {
    MAIN.appendChild(overview);
    return;
  }
  const box = el("section", "overview");
  const t = totals();
  const cards = el("div", "cards");
  const card = (n, label, cls) => {
    const c = el("div", "card " + (cls || ""));
    c.appendChild(el("b", null, n));
    c.appendChild(el("span", null, label));
    cards.appendChild(c);
  };
  card(D.reports.length, "份材料");
  card(t.v[2], VERDICT[2], "back");
  card(t.v[1], VERDICT[1], "revise");
  card(t.v[0], VERDICT[0], "ok");
  card(t.e, "个错误", "n-error");
  card(t.w, "个警告", "n-warning");
  card(t.i, "个提示", "n-info");
  card(D.groups.length, "个雷同组");
  box.appendChild(cards);
  const lower = { error: "警告", warning: "提示" }[D.fail_on];
  box.appendChild(
    el(
      "p",
      "note",
      "结论依据（--fail-on " + D.fail_on + "）：有“" + LEVEL[D.fail_on] + "”及以上问题的需退回修改；" +
        (lower ? "只有“" + lower + "”问题的建议修改；" : "") + "其余通过。点击表头排序，点击文件名查看全文和问题。" +
        (D.baselined ? "另有 " + D.baselined + " 个问题在基线中，未列出。" : "")
    )
  );
  if (PREFIX) box.appendChild(el("p", "note", "文件均在 " + PREFIX + " 下。"));
  if (D.errors.length) {
    const e = el("div", "load-errors");
    e.appendChild(el("b", null, "以下 " + D.errors.length + " 个文件未能读取："));
    const ul = el("ul");
    for (const [path, msg] of D.errors) ul.appendChild(el("li", null, path + "：" + msg));
    e.appendChild(ul);
    box.appendChild(e);
  }
  const filter = el("input", "filter");
  filter.type = "search";
  filter.placeholder = "按文件名、标题或署名筛选";
  box.appendChild(filter);
  const table = el("table", "reports");
  const head = el("tr");
  const rows = D.reports.map((r, i) => {
    const tr = el("tr", "v-" + VERDICT_CLASS[r.verdict]);
    for (const c of COLUMNS) {
      const zero = c.count && !c.get(r, i);
      const td = el("td", (c.num ? "num " : "") + (zero ? "zero" : c.cls || ""));
      if (c.cell) c.cell(td, r, i);
      else txt(td, c.get(r, i));
      tr.appendChild(td);
    }
    tr.dataset.i = i;
    return tr;
  });
  const body = el("tbody");
  let sorted = { col: -1, dir: 1 };
  COLUMNS.forEach((c, k) => {
    const th = el("th", c.num ? "num" : null, c.label);
    th.title = "点击排序";
    th.addEventListener("click", () => {
      sorted = { col: k, dir: sorted.col === k ? -sorted.dir : c.num && k > 0 ? -1 : 1 };
      const key = (tr) => c.get(D.reports[+tr.dataset.i], +tr.dataset.i);
      const order = rows.slice().sort((a, b) => {
        const x = key(a), y = key(b);
        const d = typeof x === "string" ? x.localeCompare(y, "zh-CN") : x - y;
        return d * sorted.dir || +a.dataset.i - +b.dataset.i;
      });
      for (const h of head.children) h.classList.remove("up", "down");
      th.classList.add(sorted.dir > 0 ? "up" : "down");
      body.append(...order);
    });
    head.appendChild(th);
  });
  const thead = el("thead");
  thead.appendChild(head);
  table.appendChild(thead);
  body.append(...rows);
  table.appendChild(body);
  filter.addEventListener("input", () => {
    const q = filter.value.trim();
    for (const tr of rows) {
      const r = D.reports[+tr.dataset.i];
      tr.hidden = !!q && ![r.name, r.title || "", r.author || ""].some((s) => s.includes(q));
    }
  });
  box.appendChild(table);
  overview = box;
  MAIN.appendChild(box);
}

/** The heat colour of a share (0–1): pale yellow to dark red. */
function heat(x) {
  if (!(x > 0)) return "#ffffff";
  const t = Math.min(1, x);
  const h = 48 - 48 * t;
  const l = 88 - 56 * t;
  return "hsl(" + h.toFixed(0) + ",90%," + l.toFixed(0) + "%)";
}

// ---------------------------------------------------------------- start

let READY_MS = null;

function start() {
  renderHeader();
  const hash = location.hash || "#overview";
  show(hash === "#selftest" ? "#overview" : hash);
  READY_MS = Math.round(performance.now());
  document.body.dataset.ready = String(READY_MS);
  if (hash === "#selftest") selftest();
}
