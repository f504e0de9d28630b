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
    why.push("serves " + served.length + " of your priorities (" + served.join(", ") + ")");
    if (rules.shaping.indexOf(o.action) >= 0) { value += 2; why.push("shapes what the body asks or recommends"); }
    else if (rules.using.indexOf(o.action) >= 0) { value += 1; why.push("turns the body's findings into pressure at home"); }
    value -= 0.3 * o.days;
    why.push("costs about " + num(o.days) + " staff day" + (o.days !== 1 ? "s" : ""));
    if (o.who === "on_invitation") { value -= 1; note = "Only if the body invites you."; why.push("depends on an invitation"); }
    else if (o.who === "prior_submitter") { note = "Only open if you sent written information earlier in this cycle."; }
    else if (o.who === "ecosoc_or_nhri" && grade === null) {
      value -= 1; note = "As your NPM is not an accredited NHRI, go through an NGO with ECOSOC status.";
      why.push("needs a partner NGO with ECOSOC status");
    }
    if (basis === "estimate") why.push("date is our estimate");
    return {score: Number(value.toFixed(2)), why: why, note: note};
  }

  function firstSteps(o, basis, body, note) {
    var steps = [stripDots(o.description) + "."];
    if (o.conditions) steps.push(stripDots(o.conditions) + ".");
    if (note) steps.push(note);
    if (basis !== "rule") steps.push("Confirm the date on the " + body.acronym + "'s own calendar: " + body.url);
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
            first_steps: firstSteps(o, stage.basis, body, s.note)});
        });
      });
    });
    return out;
  }

  function fitBudget(items, budget) {
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
            row.why.push("needs written information sent earlier, which this plan cannot include");
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
          row.why.push("brings in '" + items[j].opportunity + "', which it needs");
          items[j].why.push("needed for '" + row.opportunity + "'");
        });
      } else {
        status[i] = "reserve";
        row.why.push(needs.length ? "beyond your staff-day budget (with what it needs): keep it in reserve"
                                  : "beyond your staff-day budget: keep it in reserve");
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
    var fit = fitBudget(items, Number(profile.staff_days));
    items.forEach(function (row, i) {
      row.rank = i + 1;
      row.in_plan = fit.status[i];
      row.reason = "Rank " + row.rank + ": " + row.why.join("; ") + ".";
      delete row.why;
    });
    return {items: items, undated: found.undated, passed: found.passed, off_priority: found.offPriority,
            days_planned: fit.used};
  }

  // What the reader must fix before a plan can be made (the form offers only known values).
  function check(rules, profile) {
    var problems = [];
    if (!profile.region) problems.push("Say which region your State is in.");
    profile.systems.forEach(function (s) {
      if (profile.region && (rules.systems[s] || []).indexOf(profile.region) < 0)
        problems.push("A regional system you ticked does not cover the region you chose: untick it or change the region.");
    });
    if (!profile.themes.length) problems.push("Choose at least one thematic priority: the plan ranks openings by how well they serve them.");
    if (!(Number(profile.staff_days) > 0)) problems.push("Staff days must be a number above 0: how many days can the NPM give to international engagement?");
    Object.keys(profile.dates).forEach(function (a) {
      if (!parseDate(profile.dates[a])) problems.push("The date for '" + rules.anchors[a].name + "' is not a date.");
    });
    return problems;
  }

  // --- files to download
  var CSV_COLUMNS = ["rank", "in_plan", "date", "date_basis", "body", "cycle", "stage", "opportunity", "who_may",
                     "staff_days", "reason", "first_steps"];
  function toCsv(plan) {
    var cell = function (v) { v = typeof v === "number" ? num(v) : String(v); return /[",\n\r]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; };
    return [CSV_COLUMNS.join(",")].concat(plan.items.map(function (r) {
      return CSV_COLUMNS.map(function (c) { return cell(r[c]); }).join(",");
    })).join("\n") + "\n";
  }
  function toIcs(plan, todayText) {
    var text = function (v) { return String(v).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n"); };
    var fold = function (line) { var out = []; while (line.length > 60) { out.push(line.slice(0, 60)); line = " " + line.slice(60); } out.push(line); return out.join("\r\n"); };
    var day = function (d) { return d.replace(/-/g, ""); };
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//NPM engagement course//engagement planner//EN",
                 "X-WR-CALNAME:NPM engagement plan"];
    plan.items.filter(function (r) { return r.in_plan === "yes"; }).forEach(function (r) {
      var end = iso(new Date(parseDate(r.date).getTime() + 864e5));
      lines.push("BEGIN:VEVENT", "UID:" + r.opportunity_id + "-" + r.date + "@npm-engagement-course",
                 "DTSTAMP:" + day(todayText) + "T000000Z", "DTSTART;VALUE=DATE:" + day(r.date),
                 "DTEND;VALUE=DATE:" + day(end), "SUMMARY:" + text(r.body + ": " + r.opportunity),
                 "DESCRIPTION:" + text("Stage: " + r.stage + ". Date: " + r.date_basis + ".\nWhy: " + r.reason +
                                       "\nFirst steps: " + r.first_steps),
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
  function longDate(text) {
    var d = parseDate(text);
    return d.getUTCDate() + " " + d.toLocaleString("en-GB", {month: "long", timeZone: "UTC"}) + " " + d.getUTCFullYear();
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
  function planHtml(plan, profile) {
    var rows = plan.items.map(function (r) {
      return '<tr class="' + (r.in_plan === "yes" ? "" : "reserve") + '"><th scope="row" data-label="Opportunity">' +
        esc(r.opportunity) + '<br><span class="course-meta">Who may: ' + esc(r.who_may) + "</span></th>" +
        '<td data-label="Rank">' + r.rank + (r.in_plan === "yes" ? ", in the plan" : ", in reserve") + "</td>" +
        '<td data-label="Date">' + esc(longDate(r.date)) + '<br><span class="course-meta">' + esc(r.date_basis) + "</span></td>" +
        '<td data-label="Body">' + esc(r.body) + '</td><td data-label="Stage">' + esc(r.stage) + "</td>" +
        '<td data-label="Staff days">' + num(r.staff_days) + '</td><td data-label="Why it ranks here">' + esc(r.reason) +
        '</td><td data-label="First steps">' + esc(r.first_steps) + "</td></tr>";
    }).join("");
    var table = plan.items.length ? '<table class="course-data"><caption>Ranked engagement opportunities, best first</caption>' +
      "<thead><tr>" + ["Opportunity", "Rank", "Date", "Body", "Stage", "Staff days", "Why it ranks here", "First steps"]
        .map(function (h) { return '<th scope="col">' + h + "</th>"; }).join("") + "</tr></thead><tbody>" + rows + "</tbody></table>"
      : "<p>No dated opening fits this profile yet. Add a known date, or widen the priorities.</p>";
    var notes = [num(plan.days_planned) + " of " + num(Number(profile.staff_days)) + " staff days planned."];
    if (plan.passed) notes.push(plan.passed + " opening(s) that fit were left out because their date has passed.");
    if (plan.off_priority) notes.push(plan.off_priority + " opening(s) were left out because they serve none of the chosen priorities.");
    var undated = plan.undated.length ? "<p>Also open to this NPM once it knows a date:</p><ul>" + plan.undated.map(function (u) {
      return "<li><strong>" + esc(u.body) + "</strong>, " + esc(u.cycle) + ": " + esc(u.question) + "</li>";
    }).join("") + "</ul>" : "";
    return '<h4 tabindex="-1">Your plan</h4><p class="course-meta">' + notes.join(" ") + " Dates count from the dates given; " +
      "most offsets are estimates, so confirm each on the body's calendar.</p>" + table + undated;
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
        output.innerHTML = '<div class="course-error" role="alert"><strong>Please fix the profile first:</strong><ul>' +
          problems.map(function (p) { return "<li>" + esc(p) + "</li>"; }).join("") + "</ul></div>";
        return;
      }
      var plan = makePlan(rules, profile, form.today.value);
      output.innerHTML = planHtml(plan, profile) + (plan.items.length ? "<p>Save this plan: " +
        download("my-engagement-plan.csv", "text/csv", toCsv(plan)) + "as a spreadsheet (CSV)</a> · " +
        download("my-engagement-plan.ics", "text/calendar", toIcs(plan, form.today.value)) +
        "as calendar events (.ics, for Outlook, Google or Apple calendars)</a></p>" : "");
      output.querySelector("h4").focus();
    });
  }
  function init() { Array.prototype.forEach.call(document.querySelectorAll("form[data-course-planner]"), start); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})(typeof window !== "undefined" ? window : globalThis);
