/* The engagement planner of the online book: the ranking of course/planner.py (make_plan) in the browser, on
   the rules the build writes from data/ (planner.rules() -> planner/rules.js). Keep the two in step:
   tests/unit/test_planner_js.py runs this file in Node on hundreds of profiles and compares the plans. */
(function (root) {
  "use strict";

  // --- dates: calendar months and years as dateutil's relativedelta does (31 March - 1 month = 28 February)
  function parseDate(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text || "").trim());
    return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  }
  function iso(d) { return d.toISOString().slice(0, 10); }
  function addMonths(d, n) {
    var y = d.getUTCFullYear(), m = d.getUTCMonth() + n;
    y += Math.floor(m / 12); m = ((m % 12) + 12) % 12;
    var last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
  }
  function stageDate(anchor, offset, unit) {
    if (unit === "days") return new Date(anchor.getTime() + offset * 864e5);
    if (unit === "weeks") return new Date(anchor.getTime() + offset * 7 * 864e5);
    if (unit === "months") return addMonths(anchor, offset);
    if (unit === "years") return addMonths(anchor, 12 * offset);
    throw new Error("unknown unit " + unit);
  }
  function num(x) { return String(Math.round(x * 1e6) / 1e6); }  // 3 not 3.0, as Python's :g
  // Every sentence comes from rules.ui, in the edition's language (planner.rules(lang) writes it): {name} is
  // filled from values, as Python's str.format does.
  function fmt(rules, key, values) {
    return String(rules.ui[key]).replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? String(values[name]) : all;
    });
  }
  function shown(rules, x) { return num(x).replace(".", rules.ui.decimal || "."); }  // 0,5 in French and Spanish
  function stripDots(text) { return text.replace(/\.+$/, ""); }

  function may(grade, who) {
    if (who === "a_status_nhri") return grade === "A";
    if (who === "nhri") return grade === "A" || grade === "B";
    return true;
  }

  // --- the four steps of make_plan
  function score(rules, o, served, grade, basis) {
    var value = 0, why = [], note = "";
    value += 3 * served.length;
    why.push(fmt(rules, "serves", {n: served.length, names: served.join(", ")}));
    if (rules.shaping.indexOf(o.action) >= 0) { value += 2; why.push(fmt(rules, "shapes")); }
    else if (rules.using.indexOf(o.action) >= 0) { value += 1; why.push(fmt(rules, "uses")); }
    value -= 0.3 * o.days;
    why.push(fmt(rules, o.days !== 1 ? "costs" : "costs_one", {n: shown(rules, o.days)}));
    if (o.who === "on_invitation") { value -= 1; note = fmt(rules, "note_invitation"); why.push(fmt(rules, "invitation")); }
    else if (o.who === "prior_submitter") { note = fmt(rules, "note_prior"); }
    else if (o.who === "ecosoc_or_nhri" && grade === null) {
      value -= 1; note = fmt(rules, "note_ecosoc");
      why.push(fmt(rules, "partner"));
    }
    if (basis === "estimate") why.push(fmt(rules, "estimate"));
    return {score: Number(value.toFixed(2)), why: why, note: note};
  }

  function firstSteps(rules, o, basis, body, note) {
    var steps = [stripDots(o.description) + "."];
    if (o.conditions) steps.push(stripDots(o.conditions) + ".");
    if (note) steps.push(note);
    if (basis !== "rule") steps.push(fmt(rules, "confirm", {acronym: body.acronym, url: body.url}));
    return steps.join(" ");
  }

  function candidates(rules, profile, today) {
    var grade = profile.nhri && profile.grade ? profile.grade : null;
    var dates = {}, out = {rows: [], undated: [], passed: 0, offPriority: 0};
    Object.keys(profile.dates || {}).forEach(function (a) {
      var d = parseDate(profile.dates[a]); if (d) dates[a] = d;
    });
    rules.cycles.forEach(function (cycle) {
      var owner = {}, open = [];
      cycle.paths.forEach(function (p) {
        var body = rules.bodies[p.body];
        owner[p.id] = body;
        if (rules.global_systems.indexOf(body.system) >= 0 || profile.systems.indexOf(body.system) >= 0) open.push(p.id);
      });
      if (!open.length) return;
      var names = {}; cycle.paths.forEach(function (p) { names[p.id] = p.name; });
      var stages = cycle.stages.filter(function (s) { return s.paths.some(function (p) { return open.indexOf(p) >= 0; }); });
      var used = stages.map(function (s) { return s.anchor; });
      var needed = cycle.anchors.filter(function (a) { return used.indexOf(a) >= 0; });
      if (!needed.some(function (a) { return a in dates; })) {
        out.undated.push({body: owner[open.slice().sort()[0]].acronym, cycle: cycle.name,
                          question: needed.map(function (a) { return rules.anchors[a].question; }).join(" / ")});
        return;
      }
      stages.forEach(function (stage) {
        if (!(stage.anchor in dates)) return;
        var when = stageDate(dates[stage.anchor], stage.offset, stage.unit);
        var mine = stage.paths.filter(function (p) { return open.indexOf(p) >= 0; });
        var body = owner[mine[0]];
        var only = stage.paths.length < open.length ? " (" + mine.map(function (p) { return names[p]; }).join(", ") + ")" : "";
        stage.openings.forEach(function (o) {
          if (!may(grade, o.who)) return;
          var served = o.themes.filter(function (t) { return profile.themes.indexOf(t) >= 0; });
          if (!served.length) { out.offPriority += 1; return; }
          if (when < today) { out.passed += 1; return; }
          var s = score(rules, o, served.map(function (t) { return rules.themes[t]; }), grade, stage.basis);
          out.rows.push({
            opportunity_id: o.id, stage_id: stage.id, cycle_id: cycle.id, who: o.who, action: o.action,
            score: s.score, date: iso(when), date_basis: stage.when + " (" + iso(dates[stage.anchor]) + ")",
            body: body.acronym, cycle: cycle.name, stage: stage.name + only, opportunity: o.name,
            who_may: rules.who[o.who], staff_days: o.days, why: s.why,
            first_steps: firstSteps(rules, o, stage.basis, body, s.note)});
        });
      });
    });
    return out;
  }

  function fitBudget(rules, items, budget) {
    var used = 0, status = {};
    items.forEach(function (row, i) {
      if (i in status) return;
      var needs = [];
      if (row.who === "prior_submitter") {
        var earlier = [];
        items.forEach(function (r, j) {
          if (r.cycle_id === row.cycle_id && r.action === "written_submission" && r.who !== "prior_submitter" &&
              r.date <= row.date) earlier.push(j);
        });
        if (!earlier.some(function (j) { return status[j] === "yes"; })) {
          needs = earlier.slice(0, 1);
          if (!needs.length) {
            status[i] = "reserve";
            row.why.push(fmt(rules, "needs_earlier"));
            return;
          }
        }
      }
      var cost = row.staff_days;
      needs.forEach(function (j) { cost += items[j].staff_days; });
      if (used + cost <= budget) {
        used += cost;
        status[i] = "yes";
        needs.forEach(function (j) {
          status[j] = "yes";
          row.why.push(fmt(rules, "brings_in", {name: items[j].opportunity}));
          items[j].why.push(fmt(rules, "needed_for", {name: row.opportunity}));
        });
      } else {
        status[i] = "reserve";
        row.why.push(fmt(rules, needs.length ? "beyond_with" : "beyond"));
      }
    });
    return {status: status, used: used};
  }

  function makePlan(rules, profile, todayText) {
    var today = parseDate(todayText);
    var found = candidates(rules, profile, today);
    var items = found.rows.sort(function (a, b) {
      if (a.score !== b.score) return b.score - a.score;
      if (a.date !== b.date) return a.date < b.date ? -1 : 1;
      return a.opportunity_id < b.opportunity_id ? -1 : a.opportunity_id > b.opportunity_id ? 1 : 0;
    });
    var fit = fitBudget(rules, items, Number(profile.staff_days));
    items.forEach(function (row, i) {
      row.rank = i + 1;
      row.in_plan = fit.status[i];
      row.reason = fmt(rules, "reason", {rank: row.rank, why: row.why.join(rules.ui.sep)});
      delete row.why;
    });
    return {items: items, undated: found.undated, passed: found.passed, off_priority: found.offPriority,
            days_planned: fit.used};
  }

  // What the reader must fix before a plan can be made (the form offers only known values).
  function check(rules, profile) {
    var problems = [];
    if (!profile.region) problems.push(fmt(rules, "js_region"));
    profile.systems.forEach(function (s) {
      if (profile.region && (rules.systems[s] || []).indexOf(profile.region) < 0) problems.push(fmt(rules, "js_system"));
    });
    if (!profile.themes.length) problems.push(fmt(rules, "no_theme"));
    if (!(Number(profile.staff_days) > 0)) problems.push(fmt(rules, "js_days"));
    Object.keys(profile.dates).forEach(function (a) {
      if (!parseDate(profile.dates[a])) problems.push(fmt(rules, "js_date", {name: rules.anchors[a].name}));
    });
    return problems;
  }

  // --- files to download
  var CSV_COLUMNS = ["rank", "in_plan", "date", "date_basis", "body", "cycle", "stage", "opportunity", "who_may",
                     "staff_days", "reason", "first_steps"];
  function toCsv(plan, rules) {
    var cell = function (v) { v = typeof v === "number" ? num(v) : String(v); return /[",\n\r]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; };
    var value = function (r, c) { return c === "in_plan" ? rules.ui.csv_values[r[c]] || r[c] : r[c]; };
    return [rules.ui.csv_headings.map(cell).join(",")].concat(plan.items.map(function (r) {
      return CSV_COLUMNS.map(function (c) { return cell(value(r, c)); }).join(",");
    })).join("\n") + "\n";
  }
  function toIcs(plan, todayText, rules) {
    var text = function (v) { return String(v).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n"); };
    var fold = function (line) { var out = []; while (line.length > 60) { out.push(line.slice(0, 60)); line = " " + line.slice(60); } out.push(line); return out.join("\r\n"); };
    var day = function (d) { return d.replace(/-/g, ""); };
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//NPM engagement course//engagement planner//EN",
                 "X-WR-CALNAME:" + text(fmt(rules, "ics_name"))];
    plan.items.filter(function (r) { return r.in_plan === "yes"; }).forEach(function (r) {
      var end = iso(new Date(parseDate(r.date).getTime() + 864e5));
      lines.push("BEGIN:VEVENT", "UID:" + r.opportunity_id + "-" + r.date + "@npm-engagement-course",
                 "DTSTAMP:" + day(todayText) + "T000000Z", "DTSTART;VALUE=DATE:" + day(r.date),
                 "DTEND;VALUE=DATE:" + day(end), "SUMMARY:" + text(r.body + ": " + r.opportunity),
                 "DESCRIPTION:" + text(fmt(rules, "ics_description", {stage: r.stage, basis: r.date_basis,
                                                                       reason: r.reason, steps: r.first_steps})),
                 "CATEGORIES:" + text(r.body), "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  var api = {makePlan: makePlan, check: check, toCsv: toCsv, toIcs: toIcs, stageDate: stageDate};
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  root.coursePlanner = api;

  // --- the form in the page
  if (typeof document === "undefined") return;
  function esc(v) { var d = document.createElement("div"); d.textContent = String(v); return d.innerHTML; }
  function longDate(rules, text) {
    var d = parseDate(text);
    return fmt(rules, "long_date", {day: d.getUTCDate() === 1 ? rules.ui.first_day : d.getUTCDate(),
                                    month: rules.ui.months[d.getUTCMonth()], year: d.getUTCFullYear()});
  }
  function readProfile(form) {
    var values = function (name) {
      return Array.prototype.filter.call(form.querySelectorAll('input[name="' + name + '"]'), function (i) { return i.checked; })
        .map(function (i) { return i.value; });
    };
    var dates = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[data-anchor]"), function (i) { if (i.value) dates[i.dataset.anchor] = i.value; });
    return {region: form.region.value, systems: values("system"), nhri: form.nhri.checked,
            grade: form.nhri.checked && form.grade.value ? form.grade.value : null, themes: values("theme"),
            staff_days: form.days.value, dates: dates};
  }
  function planHtml(rules, plan, profile) {
    var t = function (key, values) { return esc(fmt(rules, key, values)); };
    var rows = plan.items.map(function (r) {
      return '<tr class="' + (r.in_plan === "yes" ? "" : "reserve") + '"><th scope="row" data-label="' + t("col_opportunity") + '">' +
        esc(r.opportunity) + '<br><span class="course-meta">' + t("who_may", {who: r.who_may}) + "</span></th>" +
        '<td data-label="' + t("col_rank") + '">' + t(r.in_plan === "yes" ? "in_plan" : "in_reserve", {rank: r.rank}) + "</td>" +
        '<td data-label="' + t("col_date") + '">' + esc(longDate(rules, r.date)) + '<br><span class="course-meta">' + esc(r.date_basis) + "</span></td>" +
        '<td data-label="' + t("col_body") + '">' + esc(r.body) + '</td><td data-label="' + t("col_stage") + '">' + esc(r.stage) + "</td>" +
        '<td data-label="' + t("col_days") + '">' + shown(rules, r.staff_days) + '</td><td data-label="' + t("col_why") + '">' + esc(r.reason) +
        '</td><td data-label="' + t("col_steps") + '">' + esc(r.first_steps) + "</td></tr>";
    }).join("");
    var heads = ["col_opportunity", "col_rank", "col_date", "col_body", "col_stage", "col_days", "col_why", "col_steps"];
    var table = plan.items.length ? '<table class="course-data"><caption>' + t("caption") + "</caption>" +
      "<thead><tr>" + heads.map(function (h) { return '<th scope="col">' + t(h) + "</th>"; }).join("") +
      "</tr></thead><tbody>" + rows + "</tbody></table>"
      : "<p>" + t("nothing") + "</p>";
    var notes = [fmt(rules, "days_planned", {used: shown(rules, plan.days_planned), budget: shown(rules, Number(profile.staff_days))})];
    if (plan.passed) notes.push(fmt(rules, "passed", {n: plan.passed}));
    if (plan.off_priority) notes.push(fmt(rules, "off_priority", {n: plan.off_priority}));
    var undated = plan.undated.length ? "<p>" + t("undated") + "</p><ul>" + plan.undated.map(function (u) {
      return "<li><strong>" + esc(u.body) + "</strong>, " + esc(u.cycle) + rules.ui.colon + " " + esc(u.question) + "</li>";
    }).join("") + "</ul>" : "";
    return '<h4 tabindex="-1">' + t("your_plan") + '</h4><p class="course-meta">' + esc(notes.join(" ")) + " " +
      t("dates_note") + "</p>" + table + undated;
  }
  function download(name, type, content) {
    return '<a download="' + name + '" href="data:' + type + ";charset=utf-8," + encodeURIComponent(content) + '">';
  }
  function start(form) {
    var rules = root.COURSE_PLANNER_RULES, output = form.parentNode.querySelector("[data-course-plan-output]");
    if (!form.today.value) form.today.value = iso(new Date(Date.UTC(new Date().getFullYear(), new Date().getMonth(), new Date().getDate())));
    var sync = function () {  // offer only the systems and dates that fit the region and systems chosen
      Array.prototype.forEach.call(form.querySelectorAll('input[name="system"]'), function (box) {
        var fits = !form.region.value || box.dataset.regions.split(" ").indexOf(form.region.value) >= 0;
        box.closest("label").hidden = !fits;
        if (!fits) box.checked = false;
      });
      var systems = readProfile(form).systems;
      Array.prototype.forEach.call(form.querySelectorAll("input[data-anchor]"), function (input) {
        var system = input.dataset.system, open = rules.global_systems.indexOf(system) >= 0 || systems.indexOf(system) >= 0;
        input.closest("label").hidden = !open;
      });
      form.grade.disabled = !form.nhri.checked;
    };
    form.addEventListener("change", sync);
    sync();
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var profile = readProfile(form), problems = check(rules, profile);
      Array.prototype.forEach.call(form.querySelectorAll("input[data-anchor]"), function (input) {
        if (input.closest("label").hidden) delete profile.dates[input.dataset.anchor];
      });
      if (problems.length) {
        output.innerHTML = '<div class="course-error" role="alert"><strong>' + esc(fmt(rules, "fix_first")) + "</strong><ul>" +
          problems.map(function (p) { return "<li>" + esc(p) + "</li>"; }).join("") + "</ul></div>";
        return;
      }
      var plan = makePlan(rules, profile, form.today.value);
      var stem = fmt(rules, "file_stem");
      output.innerHTML = planHtml(rules, plan, profile) + (plan.items.length ? "<p>" + esc(fmt(rules, "save")) + " " +
        download(stem + ".csv", "text/csv", toCsv(plan, rules)) + esc(fmt(rules, "as_csv")) + "</a> · " +
        download(stem + ".ics", "text/calendar", toIcs(plan, form.today.value, rules)) +
        esc(fmt(rules, "as_ics")) + "</a></p>" : "");
      output.querySelector("h4").focus();
    });
  }
  function init() { Array.prototype.forEach.call(document.querySelectorAll("form[data-course-planner]"), start); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})(typeof window !== "undefined" ? window : globalThis);
