"""What the server refuses: writes without the token, other hosts, big bodies, files
outside its static folder, bad parameters (4xx, never 500), slow queries, open binding."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dateline import api
from dateline.cli import main
from dateline.web import create_app, security
from dateline.web.database import Database

SEED_ASSAULT = "680d2048ded88ebb:e2"
REVIEW = {"reviewer": "Ana", "verdict": "right"}


@pytest.fixture
def client(fresh_db):
    return TestClient(create_app(str(fresh_db), token="secret"), raise_server_exceptions=False)


def test_a_write_needs_the_token(client, fresh_db):
    url = f"/api/events/{SEED_ASSAULT}/review"
    assert client.post(url, json=REVIEW).status_code == 401
    wrong = client.post(url, json=REVIEW, headers={"Authorization": "Bearer guess"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    assert client.post(url, json=REVIEW, headers={"Authorization": "secret"}).status_code == 401
    assert client.put(url, json=REVIEW).status_code == 401
    assert api.reviews(str(fresh_db)) == {}
    done = client.post(url, json=REVIEW, headers={"Authorization": "Bearer secret"})
    assert done.status_code == 200 and done.json()["reviewer"] == "Ana"
    assert api.reviews(str(fresh_db))[SEED_ASSAULT]["verdict"] == "right"


def test_an_app_without_a_given_token_makes_its_own(fresh_db):
    app = create_app(str(fresh_db))
    assert len(app.state.token) >= 32
    client = TestClient(app)
    url = f"/api/events/{SEED_ASSAULT}/review"
    assert client.post(url, json=REVIEW, headers={"Authorization": "Bearer "}).status_code == 401
    auth = {"Authorization": f"Bearer {app.state.token}"}
    assert client.post(url, json=REVIEW, headers=auth).status_code == 200


def test_bad_reviews_are_422_and_unknown_events_404(client):
    auth = {"Authorization": "Bearer secret"}
    url = f"/api/events/{SEED_ASSAULT}/review"
    for body in (
        {"verdict": "right"},
        {"reviewer": "", "verdict": "right"},
        {"reviewer": "A", "verdict": "perhaps"},
        {"reviewer": "A", "corrections": {"type": "FIGHT"}},
        {"reviewer": "A", "corrections": {"fatalities": -3}},
        {"reviewer": "A", "corrections": {"location": {"name": "X", "lat": 200, "lon": 0}}},
        {"reviewer": "A", "corrections": {"colour": "red"}},
        {"reviewer": "A"},
    ):
        assert client.post(url, json=body, headers=auth).status_code == 422, body
    assert client.post(url, content=b"{not json", headers=auth).status_code == 422
    assert client.post("/api/events/none:e1/review", json=REVIEW, headers=auth).status_code == 404


def test_bodies_are_capped(client):
    auth = {"Authorization": "Bearer secret", "Content-Type": "application/json"}
    big = b'{"reviewer": "A", "verdict": "right", "note": "' + b"x" * 20_000 + b'"}'
    url = f"/api/events/{SEED_ASSAULT}/review"
    assert client.post(url, content=big, headers=auth).status_code == 413

    def chunks():
        yield big[:10_000]
        yield big[10_000:]

    assert client.post(url, content=chunks(), headers=auth).status_code == 413


def test_beyond_localhost_reads_need_the_token_too(fresh_db):
    client = TestClient(create_app(str(fresh_db), token="lan", private_reads=True))
    assert client.get("/api/events").status_code == 401
    assert client.get("/api/events", headers={"Authorization": "Bearer lan"}).status_code == 200
    assert client.get("/").status_code == 200  # the page itself holds no data
    assert client.get("/static/app.js").status_code == 200


def test_only_its_own_host_names_are_answered(fresh_db):
    hosts = security.allowed_hosts("127.0.0.1", 8000)
    client = TestClient(
        create_app(str(fresh_db), token="t", hosts=hosts), base_url="http://127.0.0.1:8000"
    )
    assert client.get("/api/stories").status_code == 200
    assert client.get("/api/stories", headers={"Host": "localhost:8000"}).status_code == 200
    assert client.get("/api/stories", headers={"Host": "evil.example:8000"}).status_code == 421


@pytest.mark.parametrize(
    "path",
    [
        "/static/../app.py",
        "/static/..%2f__init__.py",
        "/static/%2e%2e/%2e%2e/store/database.py",
        "/static//etc/passwd",
        "/static/leaflet/../../__init__.py",
        "/static/leaflet/leaflet.js.map",
        "/static/",
        "/static/index.html/..",
    ],
)
def test_no_file_outside_the_static_folder(client, path):
    response = client.get(path)
    assert response.status_code == 404, path
    assert "import" not in response.text and "root:" not in response.text


@pytest.mark.parametrize(
    "query",
    [
        "type=FIGHT",
        "country=Atlantis",
        "bbox=1,2,3",
        "bbox=a,b,c,d",
        "bbox=0,10,1,5",
        "bbox=nan,0,1,1",
        "since=yesterday",
        "until=2019-13-40",
        "min_sources=-1",
        "min_sources=99999999999999999999999",
        "factuality=maybe",
        "limit=0",
        "limit=100000",
        "offset=-5",
        "reviewed=perhaps",
        "text=" + "x" * 300,
        "actor=" + "a" * 201,
    ],
)
def test_every_bad_parameter_is_a_clear_4xx(client, query):
    response = client.get("/api/events?" + query)
    assert response.status_code == 422, (query, response.text)
    assert response.json()["detail"]
    for path in ("/api/clusters", "/api/timeline"):
        assert client.get(f"{path}?{query}").status_code in (200, 422), (path, query)


def test_odd_but_valid_parameters_are_answered(client):
    for query in (
        "text=%25_%27%22;--",
        "actor=%00",
        "country=SYR",
        "since=2019-03-10&until=2019-03-01",
    ):
        assert client.get("/api/events?" + query).status_code == 200, query
    assert client.get("/api/clusters?zoom=19").status_code == 422
    assert client.get("/api/timeline?bucket=year").status_code == 422


def test_a_query_past_its_time_limit_is_interrupted(fresh_db):
    import duckdb

    slow = Database(str(fresh_db), query_seconds=0.2)
    with pytest.raises(duckdb.InterruptException):
        slow.read(
            lambda store: store.query(
                "SELECT count(*) FROM range(100000000000) t(i) WHERE i % 7 = 3"
            )
        )
    assert slow.read(lambda store: store.count("articles")) == 4  # the next one runs


def test_serving_beyond_localhost_without_a_token_is_refused(fresh_db, capsys):
    with pytest.raises(SystemExit, match=r"refusing to serve on 0\.0\.0\.0 without a token"):
        main(["serve", "--db", str(fresh_db), "--host", "0.0.0.0"])
    security.serve_check("0.0.0.0", "chosen-token")  # with one it may
    security.serve_check("127.0.0.1", None)
    security.serve_check("::1", None)
    assert security.is_loopback("localhost") and not security.is_loopback("192.168.1.4")
