// sukien web UI: hash routes over the read-only JSON API. Every string from the data goes through
// textContent (never innerHTML), so article text cannot inject markup.
"use strict";

const I18N = {
  vi: {
    nav_events: "Sự kiện", nav_timeline: "Dòng thời gian", nav_network: "Mạng lưới",
    search_placeholder: "Tìm người, văn bản, câu trích (không cần dấu)",
    footer: "Mỗi sự kiện dẫn về câu văn nêu ra nó. Dữ liệu: kho sukien.",
    events: "Sự kiện", actor: "Nhân vật", country: "Quốc gia / cặp (VNM-LAO)", type: "Loại", since: "Từ ngày",
    until: "Đến ngày", text: "Nội dung", filter: "Lọc", all: "Tất cả", date: "Ngày", who: "Ai — với ai",
    sources: "Nguồn", none: "Không có kết quả.", evidence: "Câu trích trong bài", titles: "Chức danh theo thời gian",
    title_col: "Chức danh", first_seen: "Lần đầu", last_seen: "Lần cuối", partners: "Đã gặp / làm việc với", actor_events: "Sự kiện",
    timeline: "Dòng thời gian giao lưu", group: "Nhóm theo", by_type: "loại sự kiện", by_pair: "cặp quốc gia",
    engagement: "Chỉ số giao lưu", count: "Số sự kiện", network: "Mạng lưới gặp gỡ", level: "Cấp",
    countries: "quốc gia", people: "cá nhân", results: "Kết quả tìm kiếm", document: "Bài báo", modality: "Trạng thái",
    aliases: "Tên khác", with: "với", show_all: "tất cả", occurred: "đã diễn ra", planned: "dự kiến", ongoing: "đang diễn ra",
    period: "Kỳ", loading: "Đang tải…", instrument: "Văn kiện", reports: "Số nguồn / bài",
    nav_pair: "Quan hệ", pair: "Quan hệ song phương", framework: "Khuôn khổ quan hệ", ladder: "Các nấc quan hệ",
    channels: "Kênh giao lưu", latest: "Giao lưu gần nhất", no_framework: "Chưa có nấc quan hệ nào trong kho.",
    year: "Năm", party: "Đảng", state: "Nhà nước", government: "Chính phủ", legislature: "Quốc hội",
    military: "Quân đội", "sub-national": "Địa phương", multilateral: "Đa phương", "people-to-people": "Nhân dân",
    establish: "thiết lập", upgrade: "nâng cấp", show: "Xem", partner_list: "Các đối tác và khuôn khổ quan hệ",
    pair_input: "Cặp quốc gia (VNM-LAO) hoặc một nước (VNM)", since_col: "Từ", partner: "Đối tác",
  },
  en: {
    nav_events: "Events", nav_timeline: "Timeline", nav_network: "Network",
    search_placeholder: "Search people, articles, evidence (diacritics optional)",
    footer: "Every event links to the sentence that states it. Data: the sukien store.",
    events: "Events", actor: "Actor", country: "Country / pair (VNM-LAO)", type: "Type", since: "Since",
    until: "Until", text: "Text", filter: "Filter", all: "All", date: "Date", who: "Who — with whom",
    sources: "Sources", none: "Nothing found.", evidence: "Evidence in the article", titles: "Titles over time",
    title_col: "Title", first_seen: "First seen", last_seen: "Last seen", partners: "Met / worked with", actor_events: "Events",
    timeline: "Engagement timeline", group: "Group by", by_type: "event type", by_pair: "country pair",
    engagement: "Engagement index", count: "Events", network: "Who met whom", level: "Level",
    countries: "countries", people: "people", results: "Search results", document: "Article", modality: "Modality",
    aliases: "Aliases", with: "with", show_all: "all", occurred: "occurred", planned: "planned", ongoing: "ongoing",
    period: "Period", loading: "Loading…", instrument: "Signed", reports: "Outlets / articles",
    nav_pair: "Relations", pair: "Bilateral relationship", framework: "Framework", ladder: "Steps of the relationship",
    channels: "Channels of exchange", latest: "Latest exchanges", no_framework: "No framework step in the store yet.",
    year: "Year", party: "Party", state: "State", government: "Government", legislature: "Legislature",
    military: "Military", "sub-national": "Sub-national", multilateral: "Multilateral", "people-to-people": "People-to-people",
    establish: "established", upgrade: "upgraded", show: "Show", partner_list: "Partners and their frameworks",
    pair_input: "Country pair (VNM-LAO) or one country (VNM)", since_col: "Since", partner: "Partner",
  },
};
const CHANNELS = ["party", "state", "government", "legislature", "military", "sub-national", "multilateral", "people-to-people"];
const TYPES = ["RELATIONSHIP", "VISIT", "TALKS", "MEETING", "PHONE_CALL", "CONGRATULATE", "CONDOLENCE", "SIGN_AGREEMENT", "AID", "SUPPORT", "ROLE_CHANGE"];
let lang = localStorage.getItem("sukien-lang") || "vi";
const t = (k) => (I18N[lang] && I18N[lang][k]) || k;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
function svg(tag, attrs, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children.flat()) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}
async function api(path, params) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) url.searchParams.set(k, v);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return res.json();
}
function actorLabel(a) {
  if (!a) return "";
  const name = a.name || a.org || a.country || "";
  // "Bộ trưởng" says less than "Bộ trưởng Ngoại giao" beside it: keep the fuller title
  const all = a.titles || [];
  const titles = all.filter((x) => !all.some((y) => y !== x && y.toLowerCase().startsWith(x.toLowerCase() + " ")))
    .slice(0, 2).join(", ");
  return titles ? `${titles} ${name}` : name;
}
function route() {
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  return { parts: (path || "/events").split("/").filter(Boolean), params: Object.fromEntries(new URLSearchParams(query || "")) };
}
function setActiveNav() {
  for (const a of document.querySelectorAll("nav a")) a.classList.toggle("active", location.hash.startsWith(a.getAttribute("href")));
}
function applyLang() {
  document.documentElement.lang = lang;
  document.getElementById("lang").textContent = lang === "vi" ? "EN" : "VI";
  for (const n of document.querySelectorAll("[data-i18n]")) n.textContent = t(n.dataset.i18n);
  for (const n of document.querySelectorAll("[data-i18n-placeholder]")) n.placeholder = t(n.dataset.i18nPlaceholder);
}

function eventRow(e) {
  const src = e.source, tgt = e.target;
  return el("tr", { "data-event": e.id },
    el("td", { class: "date" }, e.date_start || e.date_text || "—"),
    el("td", {}, el("span", { class: `type ${e.type}` }, e.type)),
    el("td", {},
      el("a", { href: `#/event/${e.id}`, class: "event-link" }, `${actorLabel(src)} → ${actorLabel(tgt)}`),
      el("div", { class: "evidence" }, e.sources.length ? e.sources[0].sentence : "")),
    el("td", {}, t(e.modality)),
    el("td", {}, String(e.num_articles)));
}
function eventTable(items) {
  if (!items.length) return el("p", { class: "muted" }, t("none"));
  return el("table", { class: "events" },
    el("thead", {}, el("tr", {}, el("th", {}, t("date")), el("th", {}, t("type")), el("th", {}, t("who")),
      el("th", {}, t("modality")), el("th", {}, t("sources")))),
    el("tbody", {}, items.map(eventRow)));
}

async function viewEvents(params) {
  const form = el("form", { class: "filters card", id: "filters" },
    el("label", {}, t("actor"), el("input", { name: "actor", value: params.actor || "" })),
    el("label", {}, t("country"), el("input", { name: "country", value: params.country || "", size: 9 })),
    el("label", {}, t("type"), el("select", { name: "type" }, el("option", { value: "" }, t("all")),
      TYPES.map((ty) => el("option", { value: ty, selected: params.type === ty ? "selected" : null }, ty)))),
    el("label", {}, t("since"), el("input", { name: "since", type: "date", value: params.since || "" })),
    el("label", {}, t("until"), el("input", { name: "until", type: "date", value: params.until || "" })),
    el("label", {}, t("text"), el("input", { name: "q", value: params.q || "" })),
    el("button", { class: "primary", type: "submit" }, t("filter")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams([...new FormData(form)].filter(([, v]) => v));
    location.hash = `#/events?${q}`;
  });
  const data = await api("/api/events", { ...params, limit: 100 });
  return [el("h1", {}, `${t("events")} (${data.total})`), form, eventTable(data.items)];
}

function highlighted(text, start, end) {
  return el("article", { class: "doc" }, text.slice(0, start), el("mark", { id: "evidence" }, text.slice(start, end)), text.slice(end));
}

async function viewEvent(id) {
  const e = await api(`/api/events/${id}`);
  const out = [el("h1", {}, el("span", { class: `type ${e.type}` }, e.type), " ",
    `${actorLabel(e.source)} → ${actorLabel(e.target)}`)];
  out.push(el("div", { class: "card" },
    el("div", {}, `${t("date")}: ${e.date_start || "—"}${e.date_end ? " – " + e.date_end : ""} (${e.date_precision}) · ${t(e.modality)}`),
    e.location_name ? el("div", {}, `📍 ${e.location_name} (${e.location_country || ""})`) : null,
    e.instrument ? el("div", { class: "instrument" }, `${t("instrument")}: ${e.instrument}`) : null,
    el("div", {}, `${t("reports")}: ${e.num_sources} / ${e.num_articles}`),
    el("div", { class: "muted" }, `CAMEO ${e.cameo || "—"} · PLOVER ${e.plover || "—"} · confidence ${e.confidence}`),
    el("div", {}, [e.source_actor_id, e.target_actor_id].filter(Boolean).map((aid, i) =>
      el("a", { class: "pill actor-link", href: `#/actor/${aid}` }, actorLabel(i === 0 ? e.source : e.target) || `#${aid}`)))));
  for (const s of e.sources) {
    const doc = await api(`/api/documents/${s.document_id}`);
    out.push(el("h2", {}, `${t("document")}: ${doc.title || doc.doc_key}`),
      el("div", { class: "muted" }, [doc.outlet, doc.pub_date, doc.url].filter(Boolean).join(" · ")),
      highlighted(doc.clean_text, s.char_start, s.char_end));
  }
  return out;
}

async function viewActor(id, params) {
  const a = await api(`/api/actors/${id}`);
  const withId = params.with ? Number(params.with) : null;
  const events = withId ? a.events.filter((e) => e.source_actor_id === withId || e.target_actor_id === withId) : a.events;
  const partners = el("div", { class: "card" }, el("h2", {}, t("partners")),
    el("a", { class: `pill ${withId ? "" : "active"}`, href: `#/actor/${id}` }, t("show_all")),
    a.co_participants.map((p) => el("a", { class: `pill partner ${withId === p.id ? "active" : ""}`, href: `#/actor/${id}?with=${p.id}`, "data-partner": p.name },
      `${p.name} (${p.events})`)));
  const titles = el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, t("title_col")), el("th", {}, t("first_seen")),
      el("th", {}, t("last_seen")), el("th", {}, t("evidence")))),
    el("tbody", {}, a.titles.map((ti) => el("tr", {}, el("td", {}, `${ti.title} ${ti.country ? "(" + ti.country + ")" : ""}`),
      el("td", { class: "date" }, ti.first_seen || "?"), el("td", { class: "date" }, ti.last_seen || "?"),
      el("td", { class: "evidence" }, ti.evidence)))));
  return [el("h1", { id: "actor-name" }, a.name, " ", el("span", { class: "muted" }, a.country || "")),
    a.aliases.length > 1 ? el("p", { class: "muted" }, `${t("aliases")}: ${a.aliases.join(", ")}`) : null,
    el("div", { class: "grid2" },
      el("div", {}, el("h2", {}, t("titles")), titles,
        el("h2", {}, `${t("actor_events")}${withId ? " — " + t("with") + " " + (a.co_participants.find((p) => p.id === withId) || {}).name : ""}`),
        eventTable(events)),
      partners)];
}

async function viewTimeline(params) {
  const group = params.group || "pair";
  const form = el("form", { class: "filters card" },
    el("label", {}, t("country"), el("input", { name: "country", value: params.country || "" })),
    el("label", {}, t("actor"), el("input", { name: "actor", value: params.actor || "" })),
    el("label", {}, t("group"), el("select", { name: "group" },
      el("option", { value: "pair", selected: group === "pair" ? "selected" : null }, t("by_pair")),
      el("option", { value: "type", selected: group === "type" ? "selected" : null }, t("by_type")))),
    el("button", { class: "primary", type: "submit" }, t("filter")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    location.hash = `#/timeline?${new URLSearchParams([...new FormData(form)].filter(([, v]) => v))}`;
  });
  const data = await api("/api/timeline", { ...params, group });
  const periods = [...new Set(data.items.map((r) => r.period))].sort();
  const groups = [...new Set(data.items.map((r) => r.group))].sort();
  const W = 900, H = 260, pad = 40;
  const totals = periods.map((p) => data.items.filter((r) => r.period === p).reduce((s, r) => s + r.engagement, 0));
  const max = Math.max(1, ...totals);
  const bw = periods.length ? (W - pad * 2) / periods.length : 0;
  const palette = ["#b3261e", "#2f6fdf", "#2e8b57", "#c77d00", "#7b4fc9", "#008b8b", "#a0522d", "#555"];
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H + 70}`, width: "100%", role: "img", id: "timeline-chart" });
  periods.forEach((p, i) => {
    let y = H;
    groups.forEach((g, gi) => {
      const row = data.items.find((r) => r.period === p && r.group === g);
      if (!row) return;
      const h = (row.engagement / max) * (H - 20);
      y -= h;
      chart.append(svg("rect", { x: pad + i * bw + 1, y, width: Math.max(1, bw - 2), height: h, fill: palette[gi % palette.length] },
        svg("title", {}, `${p} ${g}: ${row.events} · ${row.engagement}`)));
    });
    if (periods.length < 40 || i % Math.ceil(periods.length / 20) === 0)
      chart.append(svg("text", { x: pad + i * bw, y: H + 14, transform: `rotate(45 ${pad + i * bw} ${H + 14})` }, p));
  });
  const legend = el("div", {}, groups.map((g, gi) => el("span", { class: "pill" },
    el("span", { style: `color:${palette[gi % palette.length]}` }, "■ "), g)));
  const table = el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, t("period")), el("th", {}, t("group")),
    el("th", {}, t("count")), el("th", {}, t("engagement")))),
    el("tbody", {}, data.items.map((r) => el("tr", {}, el("td", {}, r.period), el("td", {}, r.group), el("td", {}, r.events), el("td", {}, r.engagement)))));
  return [el("h1", {}, t("timeline")), form, el("div", { class: "card" }, chart, legend), table];
}

async function viewNetwork(params) {
  const level = params.level || "country";
  const data = await api("/api/network", { ...params, level, limit: 500 });
  const nodes = data.nodes.slice().sort((a, b) => b.events - a.events).slice(0, 40);
  const ids = new Set(nodes.map((n) => n.id));
  const W = 760, H = 560, cx = W / 2, cy = H / 2, R = 220;
  const pos = {};
  nodes.forEach((n, i) => { const a = (2 * Math.PI * i) / nodes.length; pos[n.id] = [cx + R * Math.cos(a), cy + R * Math.sin(a)]; });
  const g = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", id: "network-chart" });
  const maxLink = Math.max(1, ...data.links.map((l) => l.events));
  for (const l of data.links) {
    if (!ids.has(l.source) || !ids.has(l.target)) continue;
    const [x1, y1] = pos[l.source], [x2, y2] = pos[l.target];
    g.append(svg("line", { x1, y1, x2, y2, stroke: "#2f6fdf", "stroke-opacity": 0.5, "stroke-width": 1 + (4 * l.events) / maxLink },
      svg("title", {}, `${l.source} — ${l.target}: ${l.events}`)));
  }
  const maxNode = Math.max(1, ...nodes.map((n) => n.events));
  for (const n of nodes) {
    const [x, y] = pos[n.id];
    g.append(svg("circle", { cx: x, cy: y, r: 4 + (10 * n.events) / maxNode, fill: "#b3261e" }, svg("title", {}, `${n.id}: ${n.events}`)));
    g.append(svg("text", { x: x + 12, y: y + 4 }, `${n.id} (${n.events})`));
  }
  const links = el("table", {}, el("tbody", {}, data.links.slice().sort((a, b) => b.events - a.events).slice(0, 30)
    .map((l) => el("tr", {}, el("td", {}, `${l.source} — ${l.target}`), el("td", {}, l.events)))));
  return [el("h1", {}, t("network")),
    el("div", {}, el("a", { class: `pill ${level === "country" ? "active" : ""}`, href: "#/network?level=country" }, t("countries")),
      el("a", { class: `pill ${level === "person" ? "active" : ""}`, href: "#/network?level=person" }, t("people"))),
    el("div", { class: "grid2" }, el("div", { class: "card" }, g), links)];
}

async function viewSearch(params) {
  const data = await api("/api/search", { q: params.q || "", limit: 50 });
  const href = (r) => r.kind === "actor" ? `#/actor/${r.id}` : r.kind === "evidence" ? `#/event/${r.id}` : `#/document/${r.id}`;
  return [el("h1", {}, `${t("results")}: ${params.q || ""}`),
    data.items.length ? el("ul", { class: "plain", id: "results" }, data.items.map((r) => el("li", {},
      el("span", { class: "type" }, r.kind), " ", el("a", { href: href(r), class: `result-${r.kind}` }, r.label),
      r.date ? el("span", { class: "muted" }, ` · ${r.date}`) : null))) : el("p", { class: "muted" }, t("none"))];
}

async function viewDocument(id) {
  const d = await api(`/api/documents/${id}`);
  const text = d.clean_text;
  const parts = [];
  let pos = 0;
  for (const ev of d.evidence) {
    if (ev.char_start < pos) continue;
    parts.push(text.slice(pos, ev.char_start), el("mark", { title: ev.type }, el("a", { href: `#/event/${ev.event_id}` }, text.slice(ev.char_start, ev.char_end))));
    pos = ev.char_end;
  }
  parts.push(text.slice(pos));
  return [el("h1", {}, d.title || d.doc_key), el("div", { class: "muted" }, [d.outlet, d.pub_date, d.url].filter(Boolean).join(" · ")),
    el("article", { class: "doc" }, parts)];
}

// A country pair: its framework ladder (each step linked to the sentence stating it), the channels its
// exchanges went through, per year, and the latest exchanges.
function pairForm(value) {
  const form = el("form", { class: "filters card", id: "pair-form" },
    el("label", {}, t("pair_input"), el("input", { name: "pair", value, size: 12, pattern: "[A-Za-z]{3}(-[A-Za-z]{3})?" })),
    el("button", { class: "primary", type: "submit" }, t("show")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const code = new FormData(form).get("pair").trim().toUpperCase();
    location.hash = code.includes("-") ? `#/pair/${code}` : `#/partners/${code}`;
  });
  return form;
}
// Every partner of one country with its current framework, highest level first, each opening its pair page.
async function viewPartners(country) {
  const code = country.toUpperCase();
  const data = await api(`/api/partners/${encodeURIComponent(code)}`);
  const rows = data.items.map((p) => el("tr", { "data-partner": p.partner },
    el("td", {}, el("a", { href: `#/pair/${code}-${p.partner}` }, p.partner)),
    el("td", {}, `${p.framework} (${p.level})`),
    el("td", { class: "date" }, p.since_text || p.since || "—"),
    el("td", {}, String(p.num_sources)),
    el("td", {}, el("div", { class: "evidence" }, p.evidence || ""))));
  return [el("h1", {}, `${t("partner_list")}: ${code}`), pairForm(code),
    rows.length ? el("table", { class: "events", id: "partners" },
      el("thead", {}, el("tr", {}, el("th", {}, t("partner")), el("th", {}, t("framework")), el("th", {}, t("since_col")),
        el("th", {}, t("sources")), el("th", {}, t("evidence")))), el("tbody", {}, rows))
      : el("p", { class: "muted" }, t("none"))];
}
async function viewPair(pair) {
  const v = await api(`/api/pairs/${encodeURIComponent(pair.toUpperCase())}`);
  const out = [el("h1", {}, `${t("pair")} ${v.pair}`), pairForm(pair.toUpperCase())];
  const cur = v.current;
  out.push(el("p", { class: "card current-framework", id: "current-framework" },
    cur ? [el("strong", {}, cur.framework), ` · ${cur.date_text || cur.date_start || ""}`] : t("no_framework")));
  out.push(el("h2", {}, t("ladder")));
  out.push(el("ol", { class: "ladder", id: "ladder" }, v.ladder.map((s) => el("li", { class: `step level-${s.level}` },
    el("span", { class: "step-date" }, s.date_text || s.date_start || "—"), " ",
    el("a", { href: `#/event/${s.event_id}`, class: "event-link" }, `${s.framework} (${t(s.action)})`),
    el("span", { class: "muted" }, ` · ${t("sources")}: ${s.num_sources}/${s.num_articles}`),
    el("div", { class: "evidence" }, s.evidence || "")))));
  out.push(el("h2", {}, t("channels")));
  const total = Object.values(v.channels).reduce((a, b) => a + b, 0) || 1;
  out.push(el("div", { class: "channel-mix", id: "channel-mix" }, CHANNELS.filter((c) => v.channels[c]).map((c) =>
    el("div", { class: "channel-row", "data-channel": c },
      el("span", { class: "channel-name" }, t(c)),
      el("span", { class: `bar ch-${c}`, style: null, "data-share": (v.channels[c] / total).toFixed(3) }),
      el("span", { class: "channel-count" }, String(v.channels[c]))))));
  out.push(el("table", { class: "events channel-years" },
    el("thead", {}, el("tr", {}, el("th", {}, t("year")), CHANNELS.map((c) => el("th", {}, t(c))), el("th", {}, t("engagement")))),
    el("tbody", {}, v.years.map((y) => el("tr", {}, el("td", {}, y.year),
      CHANNELS.map((c) => el("td", {}, String(y.channels[c] || ""))), el("td", {}, y.engagement.toFixed(2)))))));
  out.push(el("h2", {}, t("latest")));
  out.push(el("ul", { class: "latest", id: "latest" }, v.latest.map((e) => el("li", {},
    el("span", { class: "date" }, e.date_start || "—"), " ", el("span", { class: `type ${e.type}` }, e.type), " ",
    el("a", { href: `#/event/${e.event_id}` }, e.evidence || ""), el("span", { class: "muted" }, ` · ${t(e.channel)}`)))));
  return out;
}
function sizeBars() {
  // widths set from script, not an inline style attribute: the page's Content-Security-Policy forbids those
  for (const b of document.querySelectorAll(".bar[data-share]")) b.style.width = `${Math.max(2, 100 * b.dataset.share)}%`;
}

async function render() {
  const app = document.getElementById("app");
  const { parts, params } = route();
  setActiveNav();
  app.replaceChildren(el("p", { class: "muted" }, t("loading")));
  try {
    let content;
    if (parts[0] === "event" && parts[1]) content = await viewEvent(parts[1]);
    else if (parts[0] === "actor" && parts[1]) content = await viewActor(parts[1], params);
    else if (parts[0] === "document" && parts[1]) content = await viewDocument(parts[1]);
    else if (parts[0] === "timeline") content = await viewTimeline(params);
    else if (parts[0] === "network") content = await viewNetwork(params);
    else if (parts[0] === "search") content = await viewSearch(params);
    else if (parts[0] === "pair") content = await viewPair(parts[1] || "VNM-LAO");
    else if (parts[0] === "partners") content = await viewPartners(parts[1] || "VNM");
    else content = await viewEvents(params);
    app.replaceChildren(...content.filter(Boolean));
    app.dataset.view = parts[0] || "events";
    sizeBars();
    const mark = document.getElementById("evidence");
    if (mark) mark.scrollIntoView({ block: "center" });
  } catch (err) {
    app.replaceChildren(el("p", { class: "error" }, String(err)));
  }
}

document.getElementById("search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  location.hash = `#/search?q=${encodeURIComponent(document.getElementById("search").value)}`;
});
document.getElementById("lang").addEventListener("click", () => {
  lang = lang === "vi" ? "en" : "vi";
  localStorage.setItem("sukien-lang", lang);
  applyLang();
  render();
});
window.addEventListener("hashchange", render);
applyLang();
render();
