// Opened as page.html#selftest (tests/html.rs, headless Chromium): opens
// every report view, the copies and the most similar pair the way a user
// would, and writes what the page shows as JSON into a pre#selftest.
// It reads the DOM, never the data it was drawn from, except to name what
// it expects.

function selftest() {
  const out = { ready_ms: READY_MS, reports: [], heat: null };
  D.reports.forEach((r, i) => {
    show("#r/" + i);
    const text = MAIN.querySelector(".rtext");
    // Each finding's highlighted text, from the marks that carry it.
    const marked = new Map();
    for (const m of text.querySelectorAll("mark[data-f]")) {
      for (const id of m.dataset.f.split(" ")) marked.set(id, (marked.get(id) || "") + m.textContent);
    }
    for (const n of text.querySelectorAll("sup.pt[data-f]")) if (!marked.has(n.dataset.f)) marked.set(n.dataset.f, "");
    const wrong = [];
    r.diags.forEach((d, k) => {
      const want = r.text.slice(d[0], d[1]).replace(/\r\n?/g, "\n");
      const got = marked.get(String(k));
      if (got !== undefined && got !== want && !/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(want.replace(/\n/g, ""))) {
        wrong.push([k, got, want]);
      }
    });
    const lines = [...MAIN.querySelectorAll("path.ln")].map((p) => {
      const ends = [p.getPointAtLength(0), p.getPointAtLength(p.getTotalLength())];
      const grid = MAIN.querySelector(".olgrid").getBoundingClientRect();
      const box = (id) => MAIN.querySelector('.it[data-id="' + id + '"]').getBoundingClientRect();
      const touches = (pt, b, side) =>
        Math.abs(grid.left + pt.x - b[side]) < 2 && grid.top + pt.y > b.top && grid.top + pt.y < b.bottom;
      return [p.dataset.from, p.dataset.to, touches(ends[0], box(p.dataset.from), "right") && touches(ends[1], box(p.dataset.to), "left")];
    });
    out.reports.push({
      name: r.name,
      highlighted: marked.size,
      wrong,
      numbers: text.querySelectorAll("sup.fn").length,
      notes: text.querySelectorAll(".sn").length,
      lines,
      unanswered: [...MAIN.querySelectorAll(".it.un")].map((x) => x.dataset.id),
    });
  });
  show("#copies");
  if (HEAT && D.sim.length) {
    const best = D.sim.slice().sort((x, y) => Math.max(y[3], y[4]) - Math.max(x[3], x[4]))[0];
    const [x, y] = HEAT(best[0], best[1]);
    const canvas = MAIN.querySelector("canvas.heat");
    canvas.dispatchEvent(new MouseEvent("click", { clientX: x, clientY: y, bubbles: true }));
    const panes = [...MAIN.querySelectorAll(".pane")];
    out.heat = {
      view: current,
      pair: [...MAIN.querySelectorAll(".twinhead")].map((h) => h.textContent),
      passages: panes.map((p) => [...p.querySelectorAll("mark.shared")].map((m) => m.textContent)),
    };
  }
  out.title = document.title;
  out.pwned = !!window.PWNED;
  out.errors = ERRORS;
  const pre = document.createElement("pre");
  pre.id = "selftest";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
}
