"""The command line: it parses arguments and calls the Python API, nothing more.

Exit codes: 0 every document was read, 1 some documents failed (each named on stderr),
2 a usage error, or the database is held by another process (the message names it).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence

from dateline.store import DEFAULT_DB

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
INGEST_BATCH = 64  # dateline.api.INGEST_BATCH, without importing spaCy to parse arguments
EVENT_FORMATS = ("table", "jsonl", "csv", "acled", "gdelt", "plover", "geojson", "parquet")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING, format="dateline: %(message)s"
    )
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    from dateline.store.lock import DatabaseBusy

    try:
        return args.run(args)
    except DatabaseBusy as error:  # another process holds the database: say which
        print(f"dateline: {error}", file=sys.stderr)
        return EXIT_USAGE
    except RuntimeError as error:
        # A pool process died (dateline.pipeline.WorkerLost); the pipeline is imported
        # by then if the error is its own, and need not be imported to ask.
        pipeline = sys.modules.get("dateline.pipeline")
        if pipeline is None or not isinstance(error, pipeline.WorkerLost):
            raise
        print(f"dateline: {error}", file=sys.stderr)
        return EXIT_SOME_FAILED
    except BrokenPipeError:  # `dateline extract ... | head` is normal use
        return EXIT_OK
    except KeyboardInterrupt:
        print("dateline: interrupted", file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description="News articles in, structured event data out: who did what to whom, "
        "where, when, and who says so.",
    )
    parser.add_argument("--debug", action="store_true", help="log internal errors in full")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, run, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        sub.set_defaults(run=run)
        return sub

    sub = command("extract", run_extract, "Print one JSON record per input document.")
    _input_options(sub)
    _profile_option(sub)

    sub = command(
        "ingest",
        run_ingest,
        "Extract and store in the database, grouping reports into stories and "
        "merging reports of one event; idempotent, resumable.",
    )
    _input_options(sub)
    sub.add_argument("--db", default=DEFAULT_DB, help=f"database file (default {DEFAULT_DB})")
    sub.add_argument(
        "--batch-size",
        type=int,
        default=None,
        help=f"documents per transaction (default {INGEST_BATCH}); on Dask also per chunk "
        "when given (default: chunks sized so that every worker gets several, at most "
        f"{INGEST_BATCH})",
    )
    dask = sub.add_mutually_exclusive_group()
    dask.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run reading and analysis on this Dask cluster (e.g. tcp://host:8786); inputs "
        "and --shards must be paths every worker sees",
    )
    dask.add_argument(
        "--dask-local",
        type=int,
        metavar="N",
        default=0,
        help="run reading and analysis on a local Dask cluster of N worker processes",
    )
    sub.add_argument(
        "--shards",
        metavar="DIR",
        help="Dask: folder for the workers' Parquet shards (default: DB.shards)",
    )

    sub = command("events", run_events, "Query and export stored events, one row per merged event.")
    sub.add_argument("--db", default=DEFAULT_DB, help=f"database file (default {DEFAULT_DB})")
    sub.add_argument("--type", help="PLOVER event type, e.g. ASSAULT")
    sub.add_argument("--mode", help="PLOVER mode, e.g. aerial")
    sub.add_argument("--actor", help="actor or recipient name or code (substring, any case)")
    sub.add_argument("--country", help="country of the event: ISO code or English name")
    sub.add_argument("--bbox", help="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT: events inside the box")
    sub.add_argument("--since", help="events on or after this date (ISO 8601)")
    sub.add_argument("--until", help="events on or before this date (ISO 8601)")
    sub.add_argument("--min-sources", type=int, help="events reported by at least N sources")
    sub.add_argument(
        "--factuality",
        default="asserted",
        help="asserted (default), negated, future, hypothetical, historical, claimed, or all",
    )
    sub.add_argument("--text", help="words in the evidence sentences or titles")
    sub.add_argument(
        "--reviewed",
        choices=("all", "unreviewed", "reviewed", "right", "wrong", "corrected"),
        help="by people's reviews (default: every event but those marked wrong)",
    )
    sub.add_argument("--format", default="table", choices=EVENT_FORMATS)
    sub.add_argument("--output", help="write to this file instead of standard output")
    sub.add_argument("--limit", type=int, help="at most this many events")

    sub = command(
        "stories", run_stories, "List stories: the articles that report one real-world event."
    )
    sub.add_argument("--db", default=DEFAULT_DB, help=f"database file (default {DEFAULT_DB})")
    sub.add_argument("--format", default="table", choices=("table", "jsonl"))
    sub.add_argument("--min-articles", type=int, help="stories of at least N articles")
    sub.add_argument("--limit", type=int, help="at most this many stories")

    sub = command(
        "demo", run_demo, "Ingest the bundled example articles into a fresh database and show them."
    )
    sub.add_argument(
        "--db",
        default="dateline-demo.duckdb",
        help="database file to create (default dateline-demo.duckdb)",
    )

    sub = command("eval", run_eval, "Score against gold data; prints a JSON object last.")
    sub.add_argument("kind", choices=("pages", "time", "geo", "events", "dedup", "review"))
    sub.add_argument(
        "gold", help="gold JSON Lines file (.jsonl or .jsonl.gz); review: the database"
    )
    sub.add_argument("--output", help="review: write the reviewed set here (JSON Lines)")
    sub.add_argument("--limit", type=int, help="only the first N records")
    sub.add_argument(
        "--input",
        choices=("page_text", "html"),
        help="pages: which input to clean where a record has both",
    )
    sub.add_argument(
        "--gold-spans",
        action="store_true",
        help="geo: resolve the gold place spans instead of finding them",
    )
    sub.add_argument(
        "--part",
        choices=("dev", "test", "all"),
        default="all",
        help="only the dev or the test part of the fixed split by record id "
        "(default all, reported as all, dev and test)",
    )
    _profile_option(sub)

    sub = command(
        "bench", run_bench, "Throughput and memory on a corpus, against a bare spaCy pass."
    )
    sub.add_argument("path", help="folder, file or JSON Lines corpus")
    sub.add_argument("--limit", type=int, help="only the first N documents")
    sub.add_argument(
        "--repeat", type=int, default=1, help="pass over the corpus this many times (small corpora)"
    )

    sub = command(
        "serve",
        run_serve,
        "The HTTP API and the web page (map, timeline, table, evidence) over a database.",
    )
    sub.add_argument("--db", default=DEFAULT_DB, help=f"database file (default {DEFAULT_DB})")
    sub.add_argument("--host", default="127.0.0.1", help="address to listen on")
    sub.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    sub.add_argument(
        "--token",
        help="the write token (default: $DATELINE_TOKEN, else a new one, printed); "
        "required to serve beyond 127.0.0.1",
    )

    command("setup", run_setup, "Build the offline gazetteer cache (run once after install).")

    sub = command("gazetteer", run_gazetteer, "Manage the offline gazetteer.")
    sub.add_argument("action", choices=("import", "build"))
    sub.add_argument(
        "file", nargs="?", help="import: a GeoNames dump (allCountries.zip or a country file)"
    )
    return parser


def _input_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, folders, - for standard input, or file:// URLs",
    )
    sub.add_argument(
        "--pub-date",
        help="publication date for documents that give none (ISO 8601, e.g. 2019-03-11)",
    )
    sub.add_argument(
        "--max-bytes", type=int, help="largest single document file read (default 10 MB)"
    )
    sub.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: when stderr is a terminal)",
    )
    sub.add_argument(
        "--workers", type=int, default=1, help="analyse in this many processes (default 1)"
    )


PROFILES = ("news", "acled-notes")  # dateline.events.profile.PROFILES, without spaCy


def _profile_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--profile",
        choices=PROFILES,
        default="news",
        help="input profile: news (default) or acled-notes (ACLED's event notes: reads "
        "the coders' own wording, 'fatalities coded as 3', '(coded to X)')",
    )


def _progress(args: argparse.Namespace) -> bool:
    return args.progress if args.progress is not None else sys.stderr.isatty()


def _validate_pub_date(value: str | None) -> None:
    if value is None:
        return
    from datetime import date, datetime

    try:
        datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    except ValueError:
        raise SystemExit(
            f"dateline: --pub-date {value!r} is not an ISO 8601 date (e.g. 2019-03-11)"
        ) from None


def _report_failures(failures: list[tuple[str, str]]) -> None:
    for source, why in failures:
        print(f"dateline: {source}: {why}", file=sys.stderr)


def run_extract(args: argparse.Namespace) -> int:
    from dateline import api
    from dateline.pipeline import RunStats

    _validate_pub_date(args.pub_date)
    stats = RunStats()
    failures = []
    for article in api.extract(
        args.paths,
        pub_date=args.pub_date,
        progress=_progress(args),
        stats=stats,
        max_bytes=args.max_bytes,
        workers=args.workers,
        profile=args.profile,
    ):
        sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        if not article.body:
            failures.append((article.source or "?", "; ".join(article.warnings)))
    sys.stdout.flush()
    _report_failures(failures)
    print(f"dateline: {stats.read} documents, {stats.failed} failed", file=sys.stderr)
    return EXIT_SOME_FAILED if stats.failed else EXIT_OK


def run_ingest(args: argparse.Namespace) -> int:
    from dateline import api

    _validate_pub_date(args.pub_date)
    result = api.ingest(
        args.paths,
        args.db,
        pub_date=args.pub_date,
        progress=_progress(args),
        max_bytes=args.max_bytes,
        batch_size=args.batch_size or INGEST_BATCH,
        workers=args.workers,
        scheduler=args.scheduler,
        dask_local=args.dask_local,
        shards=args.shards,
        chunk_size=args.batch_size,
    )
    _report_failures(result.failures)
    print(
        f"dateline: {result.read} documents, {result.new} new, {result.duplicates} already "
        f"stored ({result.near_duplicates} as near-identical copies), {result.failed} "
        f"failed -> {args.db}",
        file=sys.stderr,
    )
    return EXIT_SOME_FAILED if result.failed else EXIT_OK


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        parts = tuple(float(v) for v in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4:
        raise SystemExit(
            f"dateline: --bbox {value!r}: give MIN_LON,MIN_LAT,MAX_LON,MAX_LAT "
            "(e.g. 35.7,32.3,42.4,37.3)"
        )
    return parts  # type: ignore[return-value]


def run_events(args: argparse.Namespace) -> int:
    from datetime import date

    from dateline import api
    from dateline.export import BINARY_WRITERS, WRITERS

    for option, value in (("--since", args.since), ("--until", args.until)):
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise SystemExit(
                    f"dateline: {option} {value!r} is not an ISO 8601 date (e.g. 2019-03-11)"
                ) from None
    factuality = None if args.factuality == "all" else args.factuality
    try:
        rows = api.query(
            args.db,
            type=args.type,
            mode=args.mode,
            actor=args.actor,
            country=args.country,
            bbox=_bbox(args.bbox),
            since=args.since,
            until=args.until,
            min_sources=args.min_sources,
            factuality=factuality,
            text=args.text,
            limit=args.limit,
            reviewed=args.reviewed,
        )
    except (ValueError, FileNotFoundError, RuntimeError) as error:
        print(f"dateline: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.format in BINARY_WRITERS:
        if args.output:
            with open(args.output, "wb") as out:
                BINARY_WRITERS[args.format](rows, out)
        else:
            BINARY_WRITERS[args.format](rows, sys.stdout.buffer)
        return EXIT_OK
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            WRITERS[args.format](rows, out)
    else:
        WRITERS[args.format](rows, sys.stdout)
    return EXIT_OK


def run_stories(args: argparse.Namespace) -> int:
    from dateline import api
    from dateline.export import render_table, write_jsonl

    try:
        rows = api.stories(args.db, min_articles=args.min_articles, limit=args.limit)
    except (FileNotFoundError, RuntimeError) as error:
        print(f"dateline: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "jsonl":
        write_jsonl(rows, sys.stdout)
        return EXIT_OK
    table = [
        {**r, "articles": r["n_articles"], "sources": r["n_sources"], "events": len(r["event_ids"])}
        for r in rows
    ]
    sys.stdout.write(render_table(table, STORY_COLUMNS))
    print(f"{len(rows)} stor{'ies' if len(rows) != 1 else 'y'}")
    return EXIT_OK


STORY_COLUMNS = (
    ("story_id", 16),
    ("first_seen", 25),
    ("articles", 8),
    ("sources", 7),
    ("events", 6),
    ("title", 60),
)


def run_demo(args: argparse.Namespace) -> int:
    from dateline import demo

    return demo.run(args.db, sys.stdout)


def run_eval(args: argparse.Namespace) -> int:
    from dateline.evaluate import evaluate

    options = {"limit": args.limit, "progress": sys.stderr.isatty()}
    if args.input:
        options["input"] = args.input
    if args.gold_spans:
        options["gold_spans"] = True
    if args.output:
        if args.kind != "review":
            print("dateline: --output is for `dateline eval review`", file=sys.stderr)
            return EXIT_USAGE
        options["output"] = args.output
    if args.part != "all":
        options["part"] = args.part
    if args.profile != "news":
        options["profile"] = args.profile
    metrics = evaluate(args.kind, args.gold, **options)
    print(json.dumps(metrics, ensure_ascii=False))
    return EXIT_OK


def run_bench(args: argparse.Namespace) -> int:
    from dateline import bench

    result = bench.run(args.path, limit=args.limit, repeat=args.repeat)
    print(bench.describe(result))
    print(json.dumps(result))
    return EXIT_OK


def _missing_extra(feature: str, extra: str, modules: tuple[str, ...]) -> bool:
    """True, after saying which extra to install, when an optional part is not installed."""
    from importlib.util import find_spec

    missing = [name for name in modules if find_spec(name) is None]
    if missing:
        print(
            f"dateline: {feature} needs the `{extra}` extra ({', '.join(missing)} not "
            f"installed): pip install 'dateline[{extra}]'",
            file=sys.stderr,
        )
    return bool(missing)


# What the `serve` extra installs: the server, and the map's library and borders.
SERVE_MODULES = ("fastapi", "uvicorn", "xstatic", "shapefile", "shapely")


def run_serve(args: argparse.Namespace) -> int:
    if _missing_extra("`dateline serve`", "serve", SERVE_MODULES):
        return EXIT_USAGE
    from dateline import web

    web.serve(args.db, args.host, args.port, token=args.token)
    return EXIT_OK


def run_setup(args: argparse.Namespace) -> int:
    from dateline import geo

    build = getattr(geo, "build_gazetteer", None)
    if build is None:
        print("dateline: nothing to set up", file=sys.stderr)
        return EXIT_OK
    path = build()
    print(f"dateline: gazetteer ready at {path}", file=sys.stderr)
    return EXIT_OK


def run_gazetteer(args: argparse.Namespace) -> int:
    from dateline import geo

    if args.action == "build":
        print(f"dateline: gazetteer rebuilt at {geo.build_gazetteer(force=True)}", file=sys.stderr)
        return EXIT_OK
    if not args.file:
        print(
            "dateline: gazetteer import needs a FILE (allCountries.zip or a country file)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    added = geo.import_geonames(args.file)
    print(f"dateline: {added} places imported from {args.file}", file=sys.stderr)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
