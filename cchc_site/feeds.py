"""Files for crawlers and readers: sitemap.xml, robots.txt and an Atom feed
of plans and reports.  Dates come from the documents, never the clock."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from .link import Site
from .progress import as_of
from .routes import Route, plan, report


def absolute(site: Site, path: str) -> str:
    return site.config.base_url.rstrip("/") + "/" + path


def sitemap(site: Site, routes: list[Route]) -> tuple[str, bytes]:
    urls = "".join(f"<url><loc>{escape(absolute(site, r.path))}</loc></url>\n"
                   for r in routes if r.path != "404.html" and r.template != "moved.html")
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n")
    return "sitemap.xml", text.encode("utf-8")


def robots(site: Site) -> tuple[str, bytes]:
    text = f"User-agent: *\nAllow: /\nSitemap: {absolute(site, 'sitemap.xml')}\n"
    return "robots.txt", text.encode("utf-8")


def _plan_day(record) -> date:
    if record.date:
        return date(*record.date.last_day())
    return date(record.year, 12, 31) if record.year else date(1970, 1, 1)


FEED_ENTRIES = 50  # the newest: a reader polls the feed often, a province has 900 documents


def atom(site: Site) -> tuple[str, bytes]:
    """The newest plans and reports (by their date, or their period's end)."""
    entries = [(_plan_day(p), absolute(site, plan(p.id)), p.title,
                site.agencies[p.agency].name if p.agency in site.agencies else p.agency)
               for p in site.plans.values()]
    entries += [(as_of(r) or _plan_day(r), absolute(site, report(r.id)), r.title,
                 site.agencies[r.agency].name if r.agency in site.agencies else r.agency)
                for r in site.reports.values()]
    entries = sorted(entries, key=lambda e: (e[0], e[1]), reverse=True)[:FEED_ENTRIES]
    updated = entries[0][0] if entries else date(1970, 1, 1)
    body = "".join(
        f"<entry><title>{escape(title)}</title><id>{escape(url)}</id>"
        f'<link rel="alternate" href="{escape(url)}"/>'
        f"<updated>{day.isoformat()}T00:00:00Z</updated>"
        f"<author><name>{escape(author)}</name></author>"
        f"<summary>{escape(title)} – {escape(author)}</summary></entry>\n"
        for day, url, title, author in entries)
    feed_url = absolute(site, "feed.xml")
    text = ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">\n'
            f"<title>{escape(site.config.title)}</title><id>{escape(feed_url)}</id>"
            f'<link rel="self" href="{escape(feed_url)}"/>'
            f'<link rel="alternate" href="{escape(absolute(site, ""))}"/>'
            f"<updated>{updated.isoformat()}T00:00:00Z</updated>\n" + body + "</feed>\n")
    return "feed.xml", text.encode("utf-8")
