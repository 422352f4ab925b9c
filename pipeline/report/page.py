"""The review page as HTML text: every value escaped, one inline script for the filters."""

from __future__ import annotations

from html import escape
from typing import Any

from pipeline.messages import label, message
from pipeline.store.read import PrintedTable, Row

STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
section.decision{border-top:2px solid #888;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
td,th{border:1px solid #bbb;padding:2px 6px;vertical-align:top}
td.flagged{background:#ffc7ce;color:#9c0006;font-weight:bold}
tr.flag.error td.severity{color:#9c0006;font-weight:bold}
.conflict{color:#9c0006;font-weight:bold}
.filters label{margin-right:1rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:0 1rem}
dl.meta dd{margin:0}
img.crop{max-width:100%;border:1px solid #888;display:block}
figure{display:inline-block;margin:.3rem 1rem .3rem 0;vertical-align:top}
figcaption{font-size:.8rem;color:#555;max-width:320px}
[hidden]{display:none}
"""
SCRIPT = """
(function () {
  var selects = document.querySelectorAll('.filters select');
  function apply() {
    var want = {};
    selects.forEach(function (s) { want[s.name] = s.value; });
    var shown = 0;
    document.querySelectorAll('section.decision').forEach(function (d) {
      var ok = ['province', 'year', 'index', 'check'].every(function (key) {
        if (!want[key]) { return true; }
        return (' ' + d.getAttribute('data-' + key) + ' ').indexOf(' ' + want[key] + ' ') >= 0;
      });
      d.hidden = !ok;
      if (ok) { shown += 1; }
      d.querySelectorAll('tr.flag').forEach(function (r) {
        r.hidden = !!want.check && r.getAttribute('data-check') !== want.check;
      });
    });
    document.querySelectorAll('figure.agency').forEach(function (f) {
      f.hidden = ['province', 'index'].some(function (key) {
        return !!want[key] && f.getAttribute('data-' + key) !== want[key];
      });
    });
    document.getElementById('shown').textContent = String(shown);
  }
  // A link can carry the filters: report.html#province=Lào Cai&check=sum_mismatch
  var preset = new URLSearchParams(decodeURIComponent(location.hash.slice(1)));
  selects.forEach(function (s) {
    if (preset.has(s.name)) { s.value = preset.get(s.name); }
    s.addEventListener('change', apply);
  });
  apply();
})();
"""


def e(value: Any) -> str:
    """A value as HTML text: escaped, empty for None."""
    return "" if value is None else escape(str(value), quote=True)


def words(key: str, lang: str) -> str:
    return e(label(key, lang))


def filters(options: dict[str, list[str]], lang: str) -> str:
    """One select per filter: province, year, index, check."""
    parts = []
    for key, title in (("province", "province"), ("year", "year"), ("index", "index"),
                       ("check", "check")):  # fmt: skip
        choices = "".join(f'<option value="{e(v)}">{e(v)}</option>' for v in options[key])
        parts.append(
            f'<label>{words(title, lang)} <select name="{key}" id="filter-{key}">'
            f'<option value="">{words("all", lang)}</option>{choices}</select></label>'
        )
    return f'<div class="filters">{"".join(parts)}</div>'


def metadata(decision: Row, lang: str) -> str:
    items = [("issuer", decision["issuer"]), ("province", decision["province"]),
             ("number", decision["decision_number"]), ("date", decision["decision_date"]),
             ("year", decision["evaluation_year"]), ("index", decision["indices"])]  # fmt: skip
    cells = "".join(f"<dt>{words(k, lang)}</dt><dd>{e(v)}</dd>" for k, v in items)
    return f'<dl class="meta">{cells}</dl><p class="title">{e(decision["title"])}</p>'


def sources(rows: list[Row], conflict: bool, lang: str) -> str:
    items = "".join(
        f"<li>{e(s['source_file'])} ({e(s['format'])}, {e(s['method'])})"
        + (f" — <em>{words('primary', lang)}</em>" if s["is_primary"] else "")
        + "</li>"
        for s in rows
    )
    marker = f'<p class="conflict">{words("source_conflict", lang)}</p>' if conflict else ""
    return f'<h3>{words("sources", lang)}</h3>{marker}<ul class="sources">{items}</ul>'


def printed_table(table: PrintedTable, lang: str) -> str:
    """One table as printed, flagged cells highlighted with their messages as a tooltip."""
    head = "".join(
        f"<th>{words(text, lang) if key == text else e(text)}</th>" for key, text in table.columns
    )
    body = []
    for entry in table.entries:
        cells = []
        for key, _text in table.columns:
            flags = table.marks.get((entry["entry_index"], key))
            value = e(entry["cells"].get(key))
            if flags:
                tip = e(" | ".join(dict.fromkeys(message(f, lang) for f in flags)))
                checks = e(" ".join(sorted({f["check"] for f in flags})))
                cells.append(
                    f'<td class="flagged" title="{tip}" data-checks="{checks}">{value}</td>'
                )
            else:
                cells.append(f"<td>{value}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    caption = f"{words('table', lang)} {table.table_index}: {e(table.section)} ({e(table.index)})"
    return (
        f'<table class="printed"><caption>{caption}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def flag_list(flags: list[Row], crops: dict[int, list[tuple[str, str]]], lang: str) -> str:
    """Every flag of a decision; a scanned row's crop under its flag."""
    if not flags:
        return f'<p class="no-flags">{words("no_flags", lang)}</p>'
    head = "".join(f"<th>{words(k, lang)}</th>" for k in
                   ("check", "severity", "table", "stt", "unit", "message", "expected", "actual",
                    "source_file"))  # fmt: skip
    body = []
    for number, flag in enumerate(flags):
        image = "".join(
            f'<img class="crop" alt="{words("crop", lang)}" data-source="{e(source)}" '
            f'src="data:image/png;base64,{crop}">'
            for source, crop in crops.get(number, [])
        )
        cells = (
            f'<td class="check">{e(flag["check"])}</td>'
            f'<td class="severity">{e(flag["severity"])}</td>'
            f"<td>{e(flag['table_index'])}</td><td>{e(flag['row_number'])}</td>"
            f"<td>{e(flag['agency_raw'])}</td>"
            f'<td class="message">{e(message(flag, lang))}{image}</td>'
            f"<td>{e(flag['expected'])}</td><td>{e(flag['actual'])}</td>"
            f"<td>{'<br>'.join(e(s) for s in flag['source_files'])}</td>"
        )
        row_class = f"flag {e(flag['severity'])}"
        body.append(
            f'<tr class="{row_class}" data-check="{e(flag["check"])}" '
            f'data-method="{e(flag["method"])}">{cells}</tr>'
        )
    return (
        f'<h3>{words("flags", lang)} ({len(flags)})</h3><table class="flags"><thead><tr>{head}'
        f"</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def catalogue(decisions: list[Row], lang: str) -> str:
    """Documents without a ranking table, apart: what each says of itself, and its files."""
    if not decisions:
        return ""
    keys = ("number", "date", "issuer", "title_of", "signer", "year", "sources")
    head = "".join(f"<th>{words(k, lang)}</th>" for k in keys)
    body = "".join(
        f'<tr id="d-{e(d["decision_id"])}"><td>{e(d["decision_number"])}</td>'
        f"<td>{e(d['decision_date'])}</td><td>{e(d['issuer'])}</td><td>{e(d['title'])}</td>"
        f"<td>{e(d['signer'])}</td><td>{e(d['evaluation_year'])}</td>"
        f"<td>{'<br>'.join(e(f) for f in (d['source_files'] or '').split(' | '))}</td></tr>"
        for d in decisions
    )
    return (
        f'<section class="catalogue"><h2>{words("no_table", lang)} ({len(decisions)})</h2>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></section>"
    )


def document(title: str, filters_html: str, sections: list[str], total: int, lang: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="{e(lang)}"><head><meta charset="utf-8">'
        f"<title>{e(title)}</title><style>{STYLE}</style></head><body>"
        f"<h1>{e(title)}</h1>{filters_html}"
        f'<p><span id="shown">{total}</span> / {total} {words("decisions", lang).lower()} '
        f"{words('shown', lang)}</p>"
        f"{''.join(sections)}<script>{SCRIPT}</script></body></html>\n"
    )
