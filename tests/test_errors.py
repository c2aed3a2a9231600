from fastapi.testclient import TestClient

from app.application import create_app
from tests.problems import assert_problem


def test_wrong_method_is_a_405_problem_with_allow(client):
    response = client.delete("/v1/meetings")
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["allow"] == "GET, HEAD"
    assert response.json() == {
        "type": "about:blank",
        "title": "Method Not Allowed",
        "status": 405,
        "detail": "DELETE is not allowed on /v1/meetings; use GET, HEAD",
        "instance": "/v1/meetings",
    }


def test_unknown_path_is_a_404_problem(client):
    response = client.get("/v2/nothing")
    assert_problem(response, 404, "no resource at /v2/nothing")


def test_a_server_failure_is_a_500_problem_without_a_stack_trace(settings):
    app = create_app(settings)

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internal detail")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom")

    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "Internal Server Error",
        "status": 500,
        "detail": "the server failed to answer this request",
        "instance": "/boom",
    }
    assert "secret" not in response.text
    assert "Traceback" not in response.text


def test_unknown_query_parameters_are_ignored(client):
    response = client.get("/v1/people", params={"colour": "blue"})
    assert response.status_code == 200
    assert response.json() == {"items": [], "next_cursor": None}


def test_cors_allows_only_the_configured_origins(settings):
    settings = settings.model_copy(update={"cors_origins": ["https://app.example"]})
    with TestClient(create_app(settings)) as client:
        allowed = client.get("/v1/articles", headers={"Origin": "https://app.example"})
        other = client.get("/v1/articles", headers={"Origin": "https://evil.example"})
        preflight = client.options(
            "/v1/articles",
            headers={"Origin": "https://app.example", "Access-Control-Request-Method": "GET"},
        )
    assert allowed.headers["access-control-allow-origin"] == "https://app.example"
    assert "link" in allowed.headers["access-control-expose-headers"].lower()
    assert "access-control-allow-origin" not in other.headers
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "https://app.example"
    assert "GET" in preflight.headers["access-control-allow-methods"]


def test_without_cors_origins_no_cors_headers_are_sent(client):
    response = client.get("/v1/articles", headers={"Origin": "https://app.example"})
    assert "access-control-allow-origin" not in response.headers
