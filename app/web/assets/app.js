// The newsevents explorer: a hash-routed page over the /v1 API. No framework and no build step;
// every piece of data goes into the page as text (textContent), never as HTML.

const main = document.getElementById("main");
const PAGE = 50;

// ---- small DOM builder ------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function link(href, text, attrs = {}) {
  return el("a", { href, ...attrs }, text);
}

// ---- API --------------------------------------------------------------------------------------

class ApiError extends Error {}

// Leaving a view cancels what it still fetches, so a slow answer can never draw over the next view.
let inFlight = new AbortController();

async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, value);
  }
  let response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" }, signal: inFlight.signal });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError("The service could not be reached. Check the connection and try again.");
  }
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const problem = await response.json();
      detail = problem.errors?.length
        ? problem.errors.map((e) => `${e.loc.replace(/^query\./, "")}: ${e.msg}`).join("; ")
        : problem.detail || detail;
    } catch {
      /* not a problem body: keep the status line */
    }
    throw new ApiError(detail);
  }
  return response.json();
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

// ---- formatting -------------------------------------------------------------------------------

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];

function formatDate(iso, precision = "day") {
  if (!iso) return "undated";
  const [year, month, day] = iso.split("-").map(Number);
  if (precision === "year") return String(year);
  if (precision === "month") return `${MONTHS[month - 1]} ${year}`;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

function dateElement(iso, precision) {
  return el("time", { datetime: iso }, formatDate(iso, precision));
}

function label(kind) {
  return kind.replaceAll("_", " ");
}

function evidenceHref(source) {
  const part = source.part === "title" ? "&part=title" : "";
  return `#/articles/${encodeURIComponent(source.article_id)}?start=${source.start}&end=${source.end}${part}`;
}

function evidenceLinks(sources) {
  if (!sources.length) return null;
  return el("p", { class: "evidence" }, "Evidence: ",
    sources.map((source, i) => [
      i ? ", " : "",
      link(evidenceHref(source), sources.length > 1 ? `quote ${i + 1}` : "the quote", { title: source.quote }),
    ]));
}

function personLinks(people) {
  return people.map((person, i) => [
    i ? ", " : "",
    link(`#/people/${encodeURIComponent(person.id)}`, person.name),
    person.role ? ` (${person.role})` : "",
  ]);
}

// A side named only by office, as the exports write it: "Prime Minister (United Kingdom)".
function unnamedLabel(side) {
  const where = [side.organization, side.country].filter(Boolean).join(", ");
  return where ? `${side.role} (${where})` : side.role;
}

// ---- page furniture ---------------------------------------------------------------------------

function heading(text, ...extra) {
  return el("h1", { tabindex: "-1" }, text, ...extra);
}

function alertBox(message) {
  return el("p", { class: "alert", role: "alert" }, message);
}

function exportLinks(items) {
  return el("p", { class: "exports" }, "Download: ",
    items.map(([href, text], i) => [i ? " · " : "", link(href, text, { download: "" })]));
}

// A list that fetches page after page on request; `render` turns one item into a node.
function pagedList({ tag = "ul", className, fetchPage, render, empty, noun, nouns = `${noun}s` }) {
  const list = el(tag, { class: className });
  const count = el("p", { class: "count", "aria-live": "polite" });
  const more = el("button", { type: "button", class: "more", hidden: true }, "Show more");
  const holder = el("div", { class: "paged" }, count, list, more);
  let cursor = null;
  let shown = 0;

  async function load() {
    more.disabled = true;
    try {
      const page = await fetchPage(cursor);
      const first = list.children.length;
      for (const item of page.items) list.append(render(item));
      shown += page.items.length;
      cursor = page.next_cursor;
      more.hidden = !cursor;
      count.textContent = shown
        ? `${shown} ${shown === 1 ? noun : nouns}${cursor ? " so far" : ""}`
        : "";
      if (!shown) list.replaceWith(el("p", { class: "empty" }, empty));
      // Keyboard users who asked for more land on the first new item.
      if (first && list.children[first]) list.children[first].querySelector("a, button")?.focus();
    } catch (error) {
      if (error.name !== "AbortError") holder.append(alertBox(error.message));
    } finally {
      more.disabled = false;
    }
  }

  more.addEventListener("click", load);
  return { node: holder, ready: load() };
}

// ---- views ------------------------------------------------------------------------------------

const TIMELINE_KINDS = ["application", "summit", "council", "invitation", "statement", "leadership_change", "plan",
  "ratification", "accession"];
// Suggestions only: the filter takes any country name or ISO code (SE, SWE), and the API says when it knows none.
const TIMELINE_COUNTRIES = ["Ukraine", "Finland", "Sweden", "Georgia", "Bosnia and Herzegovina", "North Macedonia",
  "Montenegro", "NATO"];

// Whose path into NATO an entry is about, when its sources say.
function countryBadge(entry) {
  return entry.country ? el("span", { class: "badge country", title: "Whose path into NATO" }, entry.country) : null;
}

async function timelineView(params) {
  const filters = {
    kind: params.get("kind") || "",
    country: params.get("country") || "",
    actor: params.get("actor") || "",
    date_from: params.get("date_from") || "",
    date_to: params.get("date_to") || "",
  };
  const order = params.get("order") === "desc" ? "desc" : "asc";
  const form = el("form", { class: "filters", role: "search", "aria-label": "Filter the timeline" },
    el("label", {}, "Kind",
      el("select", { name: "kind" },
        el("option", { value: "" }, "any"),
        TIMELINE_KINDS.map((k) => el("option", { value: k, selected: k === filters.kind }, label(k))))),
    el("label", {}, "Country",
      el("input", { name: "country", type: "search", value: filters.country, placeholder: "name or code",
        list: "timeline-countries", autocomplete: "off" })),
    el("datalist", { id: "timeline-countries" }, TIMELINE_COUNTRIES.map((c) => el("option", { value: c }))),
    el("label", {}, "Actor",
      el("input", { name: "actor", type: "search", value: filters.actor, placeholder: "name or id",
        autocomplete: "off" })),
    el("label", {}, "From", el("input", { name: "date_from", type: "date", value: filters.date_from })),
    el("label", {}, "To", el("input", { name: "date_to", type: "date", value: filters.date_to })),
    el("label", {}, "Order",
      el("select", { name: "order" },
        el("option", { value: "asc", selected: order === "asc" }, "oldest first"),
        el("option", { value: "desc", selected: order === "desc" }, "newest first"))),
    el("button", { type: "submit" }, "Apply"),
    link("#/timeline", "Clear", { class: "clear" }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    navigate(`#/timeline${query({
      ...data, actor: data.actor.trim(), country: data.country.trim(), order: data.order === "desc" ? "desc" : "",
    })}`);
  });
  const paged = pagedList({
    tag: "ol",
    className: "timeline",
    noun: "entry",
    nouns: "entries",
    empty: "No timeline entries match.",
    fetchPage: (cursor) => api("/v1/timeline", { ...filters, order, limit: PAGE, cursor }),
    render: (entry) => el("li", { class: `entry kind-${entry.kind}`, id: `entry-${entry.id}` },
      el("div", { class: "when" }, dateElement(entry.date, entry.date_precision)),
      el("div", { class: "what" },
        el("span", { class: `badge kind-${entry.kind}` }, label(entry.kind)), " ", countryBadge(entry),
        el("p", { class: "summary" }, entry.summary),
        entry.actors.length ? el("p", { class: "actors" }, "Actors: ", personLinks(entry.actors)) : null,
        evidenceLinks(entry.sources))),
  });
  render(
    heading("NATO-accession timeline"),
    el("p", { class: "lede" }, "Each country's road to NATO membership as reported: applications, summits, "
      + "invitation pushes, statements, ratifications and accessions, each with the sentence it comes from."),
    form,
    exportLinks([[`/v1/timeline${query({ ...filters, order: order === "desc" ? "desc" : "", format: "csv" })}`, "CSV"],
      [`/v1/timeline.ics${query(filters)}`, "iCalendar"]]),
    paged.node,
  );
  await paged.ready;
}

function meetingCard(meeting) {
  const where = meeting.location
    ? [meeting.location.name, meeting.location.city, meeting.location.country].filter(Boolean).join(", ")
    : null;
  return el("li", { class: "card meeting" },
    el("p", { class: "meta" },
      dateElement(meeting.date, meeting.date_precision), " ",
      el("span", { class: `badge status-${meeting.status}` }, meeting.status),
      where ? [" ", el("span", { class: "where" }, where)] : null),
    el("p", { class: "summary" }, link(`#/meetings/${encodeURIComponent(meeting.id)}`, meeting.summary)),
    meeting.participants.length || meeting.unnamed_participants.length
      ? el("p", { class: "participants" }, "With ", personLinks(meeting.participants),
        meeting.unnamed_participants.map((side, i) => [
          i || meeting.participants.length ? ", " : "",
          el("span", { class: "unnamed", title: "not named in the sources" }, `the ${unnamedLabel(side)}`),
        ]))
      : null,
    meeting.participant_groups.length ? el("p", {}, "Also: ", meeting.participant_groups.join(", ")) : null,
    meeting.topics.length ? el("p", { class: "topics" }, "Topics: ", meeting.topics.join(", ")) : null,
    evidenceLinks(meeting.sources));
}

async function meetingsView(params) {
  const filters = {
    participant: params.get("participant") || "",
    date_from: params.get("date_from") || "",
    date_to: params.get("date_to") || "",
    status: params.get("status") || "",
  };
  const form = el("form", { class: "filters", role: "search", "aria-label": "Filter meetings" },
    el("label", {}, "Participant",
      el("input", { name: "participant", type: "search", value: filters.participant, placeholder: "name or id",
        autocomplete: "off" })),
    el("label", {}, "From", el("input", { name: "date_from", type: "date", value: filters.date_from })),
    el("label", {}, "To", el("input", { name: "date_to", type: "date", value: filters.date_to })),
    el("label", {}, "Status",
      el("select", { name: "status" },
        el("option", { value: "" }, "any"),
        ["held", "planned"].map((s) => el("option", { value: s, selected: s === filters.status }, s)))),
    el("button", { type: "submit" }, "Filter"),
    link("#/meetings", "Clear", { class: "clear" }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    navigate(`#/meetings${query({ ...data, participant: data.participant.trim() })}`);
  });
  const paged = pagedList({
    className: "cards",
    noun: "meeting",
    empty: "No meetings match these filters.",
    fetchPage: (cursor) => api("/v1/meetings", { ...filters, limit: PAGE, cursor }),
    render: meetingCard,
  });
  render(
    heading("Meetings"),
    form,
    exportLinks([[`/v1/meetings${query({ ...filters, format: "csv" })}`, "CSV"],
      [`/v1/meetings.ics${query(filters)}`, "iCalendar"]]),
    paged.node,
  );
  await paged.ready;
}

async function meetingView(id) {
  const meeting = await api(`/v1/meetings/${encodeURIComponent(id)}`);
  render(
    heading("Meeting"),
    el("ul", { class: "cards" }, meetingCard(meeting)),
    el("h2", {}, "Quoted evidence"),
    el("ul", { class: "quotes" }, meeting.sources.map((source) =>
      el("li", {}, el("blockquote", {}, source.quote), link(evidenceHref(source), "Read it in the article")))),
  );
}

async function peopleView(params) {
  const q = params.get("q") || "";
  const form = el("form", { class: "filters", role: "search", "aria-label": "Find people" },
    el("label", {}, "Name", el("input", { name: "q", type: "search", value: q, autocomplete: "off" })),
    el("button", { type: "submit" }, "Find"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    navigate(`#/people${query({ q: new FormData(form).get("q").trim() })}`);
  });
  const paged = pagedList({
    className: "cards",
    noun: "person",
    nouns: "people",
    empty: "Nobody matches.",
    fetchPage: (cursor) => api("/v1/people", { q, limit: PAGE, cursor }),
    render: (person) => el("li", { class: "card person" },
      el("p", { class: "summary" }, link(`#/people/${encodeURIComponent(person.id)}`, person.name)),
      person.roles.length ? el("p", { class: "meta" }, roleText(person.roles[person.roles.length - 1])) : null,
      el("p", { class: "meta" }, `${person.meeting_count} meetings · ${person.article_count} articles`)),
  });
  render(heading("People"), form, exportLinks([[`/v1/people${query({ q, format: "csv" })}`, "CSV"]]), paged.node);
  await paged.ready;
}

function roleText(role) {
  return [role.title, role.organization, role.country].filter(Boolean).join(", ");
}

async function personView(id) {
  const person = await api(`/v1/people/${encodeURIComponent(id)}`);
  const roles = [...person.roles].sort((a, b) => (a.valid_from || "").localeCompare(b.valid_from || ""));
  const meetings = pagedList({
    className: "cards",
    noun: "meeting",
    empty: "No meetings recorded.",
    fetchPage: (cursor) => api(`/v1/people/${encodeURIComponent(id)}/meetings`, { limit: PAGE, cursor }),
    render: meetingCard,
  });
  const timeline = pagedList({
    tag: "ol",
    className: "timeline",
    noun: "entry",
    nouns: "entries",
    empty: "No timeline entries.",
    fetchPage: (cursor) => api(`/v1/people/${encodeURIComponent(id)}/timeline`, { limit: PAGE, cursor }),
    render: (entry) => el("li", { class: `entry kind-${entry.kind}` },
      el("div", { class: "when" }, dateElement(entry.date, entry.date_precision)),
      el("div", { class: "what" }, el("span", { class: `badge kind-${entry.kind}` }, label(entry.kind)), " ",
        countryBadge(entry), el("p", { class: "summary" }, entry.summary), evidenceLinks(entry.sources))),
  });
  render(
    heading(person.name),
    person.aliases.length ? el("p", { class: "meta" }, "Also called ", person.aliases.join(", ")) : null,
    el("h2", {}, "Roles over time"),
    roles.length
      ? el("table", { class: "roles" },
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Role"), el("th", { scope: "col" }, "From"),
          el("th", { scope: "col" }, "To"))),
        el("tbody", {}, roles.map((role) => el("tr", {},
          el("td", {}, roleText(role)),
          el("td", {}, role.valid_from ? dateElement(role.valid_from) : "—"),
          el("td", {}, role.valid_to ? dateElement(role.valid_to) : "—")))))
      : el("p", { class: "empty" }, "No roles recorded."),
    el("h2", {}, "Meetings"),
    meetings.node,
    el("h2", {}, "On the timeline"),
    timeline.node,
  );
  await Promise.all([meetings.ready, timeline.ready]);
}

async function articlesView(params) {
  const q = params.get("q") || "";
  const form = el("form", { class: "filters", role: "search", "aria-label": "Search articles" },
    el("label", {}, "Words", el("input", { name: "q", type: "search", value: q, autocomplete: "off" })),
    el("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    navigate(`#/articles${query({ q: new FormData(form).get("q").trim() })}`);
  });
  const paged = pagedList({
    className: "cards",
    noun: "article",
    empty: "No articles match.",
    fetchPage: (cursor) => api("/v1/articles", { q, limit: PAGE, cursor }),
    render: (article) => el("li", { class: "card" },
      el("p", { class: "summary" }, link(`#/articles/${encodeURIComponent(article.id)}`, article.title || "Untitled")),
      el("p", { class: "meta" }, dateElement(article.published_at), article.source ? ` · ${article.source}` : "",
        ` · ${article.word_count} words`)),
  });
  render(heading("Articles"), form, exportLinks([[`/v1/articles${query({ q, format: "csv" })}`, "CSV"]]),
    paged.node);
  await paged.ready;
}

const FACT_LABELS = { person: "person", role: "role", meeting: "meeting", timeline_entry: "timeline" };

// The fact a piece of evidence supports, as a link where the fact has a page of its own.
function factLink(evidence, facts) {
  const id = evidence.fact_id;
  if (evidence.fact_type === "person") {
    const person = facts.people.find((p) => p.id === id);
    return link(`#/people/${encodeURIComponent(id)}`, person ? person.name : id, { class: "fact" });
  }
  if (evidence.fact_type === "meeting") {
    const meeting = facts.meetings.find((m) => m.id === id);
    return link(`#/meetings/${encodeURIComponent(id)}`,
      meeting ? `meeting, ${formatDate(meeting.date, meeting.date_precision)}` : "meeting", { class: "fact" });
  }
  if (evidence.fact_type === "timeline_entry") {
    const entry = facts.timeline.find((t) => t.id === id);
    return link("#/timeline", entry ? `timeline: ${label(entry.kind)}` : "timeline entry", { class: "fact" });
  }
  return el("span", { class: "fact" }, FACT_LABELS[evidence.fact_type]);
}

// Evidence grouped by quoted span: each quote once, with every fact it supports.
function evidenceByQuote(evidence) {
  const groups = new Map();
  for (const e of evidence) {
    const key = `${e.part}:${e.start}:${e.end}`;
    if (!groups.has(key)) groups.set(key, { part: e.part, start: e.start, end: e.end, quote: e.quote, items: [] });
    const group = groups.get(key);
    if (!group.items.some((i) => i.fact_type === e.fact_type && i.fact_id === e.fact_id)) group.items.push(e);
  }
  // The headline's quotes first, as the page shows the title first.
  return [...groups.values()].sort((a, b) => (a.part === "title" ? 0 : 1) - (b.part === "title" ? 0 : 1)
    || a.start - b.start);
}

// One paragraph of the body (or the title) with each evidence range inside it marked; overlapping ranges merge.
function markedParagraph(body, paragraph, ranges, tag) {
  const inside = ranges
    .filter((r) => r.start < paragraph.end && r.end > paragraph.start)
    .map((r) => ({ ...r, start: Math.max(r.start, paragraph.start), end: Math.min(r.end, paragraph.end) }))
    .sort((a, b) => a.start - b.start);
  const merged = [];
  for (const range of inside) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) {
      last.end = Math.max(last.end, range.end);
      last.kinds.add(range.kind);
      last.focus ||= range.focus;
    } else {
      merged.push({ start: range.start, end: range.end, kinds: new Set([range.kind]), focus: range.focus });
    }
  }
  const node = tag || el(paragraph.kind === "caption" ? "figcaption" : "p");
  let at = paragraph.start;
  for (const range of merged) {
    node.append(body.slice(at, range.start));
    const kinds = [...range.kinds].map((k) => FACT_LABELS[k]).join(", ");
    const mark = el("mark", { title: `evidence for: ${kinds}`, class: range.focus ? "focus" : null },
      body.slice(range.start, range.end));
    if (range.focus) {
      mark.id = "focus";
      mark.tabIndex = -1;
    }
    node.append(mark);
    at = range.end;
  }
  node.append(body.slice(at, paragraph.end));
  return node;
}

async function articleView(id, params) {
  const article = await api(`/v1/articles/${encodeURIComponent(id)}`);
  const start = Number(params.get("start"));
  const end = Number(params.get("end"));
  const wanted = params.has("start") && params.has("end");
  const part = params.get("part") === "title" ? "title" : "body";
  const ranges = (inPart) => article.evidence.filter((e) => e.part === inPart).map((e) => ({
    start: e.start, end: e.end, kind: e.fact_type,
    focus: wanted && inPart === part && e.start === start && e.end === end,
  }));
  const paragraphs = article.paragraphs.length
    ? article.paragraphs
    : [{ kind: "text", start: 0, end: article.body.length }];
  const quotes = evidenceByQuote(article.evidence);
  const title = article.title
    ? markedParagraph(article.title, { kind: "title", start: 0, end: article.title.length }, ranges("title"),
      heading(""))
    : heading("Untitled article");
  render(
    title,
    el("p", { class: "meta" }, dateElement(article.published_at), article.source ? ` · ${article.source}` : "",
      article.author ? ` · ${article.author}` : "", article.dateline ? ` · ${article.dateline}` : "",
      article.url ? [" · ", link(article.url, "original", { rel: "noopener noreferrer" })] : null),
    el("div", { class: "article-layout" },
      el("article", { class: "body", "aria-label": "Article text, evidence highlighted" },
        paragraphs.map((p) => markedParagraph(article.body, p, ranges("body")))),
      el("aside", { class: "facts", "aria-label": "Facts drawn from this article" },
        el("h2", {}, "Evidence"),
        quotes.length
          ? el("ul", { class: "quotes" }, quotes.map((q) => el("li", {},
            link(evidenceHref({ article_id: id, ...q }), q.quote, { class: "quote" }),
            el("p", { class: "supports" }, "Supports: ",
              q.items.map((e, i) => [i ? ", " : "", factLink(e, article.facts)])))))
          : el("p", { class: "empty" }, "No facts were drawn from this article."))),
  );
  const focus = document.getElementById("focus");
  if (focus) {
    focus.scrollIntoView({ block: "center" });
    focus.focus({ preventScroll: true });
    return true;
  }
  if (wanted) main.prepend(alertBox("That quote is not in this article any more; its facts are listed beside it."));
  return false;
}

// ---- routing ----------------------------------------------------------------------------------

function render(...nodes) {
  main.replaceChildren(...nodes.flat(Infinity).filter(Boolean));
}

function navigate(hash) {
  if (window.location.hash === hash) route();
  else window.location.hash = hash;
}

const ROUTES = [
  [/^\/timeline$/, (m, params) => timelineView(params), "timeline"],
  [/^\/meetings$/, (m, params) => meetingsView(params), "meetings"],
  [/^\/meetings\/([^/]+)$/, (m) => meetingView(decodeURIComponent(m[1])), "meetings"],
  [/^\/people$/, (m, params) => peopleView(params), "people"],
  [/^\/people\/([^/]+)$/, (m) => personView(decodeURIComponent(m[1])), "people"],
  [/^\/articles$/, (m, params) => articlesView(params), "articles"],
  [/^\/articles\/([^/]+)$/, (m, params) => articleView(decodeURIComponent(m[1]), params), "articles"],
];

let routing = 0;
let landed = false;

async function route() {
  const hash = window.location.hash.replace(/^#/, "") || "/timeline";
  const [path, search = ""] = hash.split("?");
  const params = new URLSearchParams(search);
  const turn = ++routing;
  inFlight.abort();
  inFlight = new AbortController();
  const found = ROUTES.find(([pattern]) => pattern.test(path));
  for (const a of document.querySelectorAll("nav a")) {
    if (found && a.dataset.section === found[2]) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  main.setAttribute("aria-busy", "true");
  let focused = false;
  try {
    if (!found) {
      render(heading("Not found"), el("p", {}, "No such page. ", link("#/timeline", "Go to the timeline")));
    } else {
      focused = await found[1](path.match(found[0]), params);
    }
  } catch (error) {
    if (turn !== routing) return;
    render(heading("Something went wrong"), alertBox(error.message));
  } finally {
    if (turn === routing) main.removeAttribute("aria-busy");
  }
  if (turn !== routing) return;
  const title = main.querySelector("h1")?.textContent;
  document.title = title ? `${title} · newsevents` : "newsevents";
  // A new view: move focus to its heading so keyboard and screen-reader users start there. Not on
  // arrival, where the browser's own start (the skip link first) is what they expect.
  if (!focused && landed) main.querySelector("h1")?.focus({ preventScroll: false });
  landed = true;
}

document.querySelector("[data-skip]").addEventListener("click", (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener("hashchange", route);
route();
