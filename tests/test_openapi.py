import re


def test_openapi_documents_every_v1_route_with_examples_and_problem_errors(client):
    response = client.get("/openapi.json")
    assert response.status_code == 200
    spec = response.json()

    assert set(spec["paths"]) >= {
        "/v1/articles",
        "/v1/articles/{article_id}",
        "/v1/people",
        "/v1/people/{person_id}",
        "/v1/people/{person_id}/meetings",
        "/v1/people/{person_id}/timeline",
        "/v1/meetings",
        "/v1/meetings/{meeting_id}",
        "/v1/timeline",
        "/v1/timeline/{entry_id}",
        "/healthz",
        "/readyz",
    }
    schemas = spec["components"]["schemas"]
    for name in ("ArticleRead", "ArticleDetail", "PersonRead", "MeetingRead", "TimelineEntryRead", "Problem"):
        assert schemas[name].get("examples"), name
    not_found = spec["paths"]["/v1/meetings/{meeting_id}"]["get"]["responses"]["404"]
    assert "application/problem+json" in not_found["content"]
    invalid = spec["paths"]["/v1/meetings"]["get"]["responses"]["422"]
    assert "application/problem+json" in invalid["content"]


def test_interactive_docs_load_everything_from_this_service(client):
    response = client.get("/docs")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "/openapi.json" in response.text
    assert not re.search(r"https?://", response.text)  # no CDN: the docs work offline
    assets = re.findall(r'(?:src|href)="([^"]+)"', response.text)
    assert {"/docs-assets/swagger-ui-bundle.js", "/docs-assets/swagger-ui.css"} <= set(assets)
    for asset in assets:
        served = client.get(asset)
        assert served.status_code == 200, asset
        assert len(served.content) > 1000, asset


def test_the_article_schemas_document_the_dateline_with_examples(client):
    schemas = client.get("/openapi.json").json()["components"]["schemas"]

    for name in ("ArticleRead", "ArticleDetail", "ArticleWritten"):
        assert "dateline" in schemas[name]["required"], name
        assert schemas[name]["examples"][0]["dateline"] == "Brussels, Belgium", name
    created = schemas["ArticleCreate"]
    assert "dateline" not in created.get("required", [])
    assert {"type": "string", "maxLength": 200} in created["properties"]["dateline"]["anyOf"]
    assert created["examples"][0]["dateline"] == "Riga, Latvia"


def test_the_write_routes_reference_the_bearer_scheme_and_reads_stay_public(client):
    spec = client.get("/openapi.json").json()

    assert spec["components"]["securitySchemes"]["APIKey"]["type"] == "http"
    assert spec["components"]["securitySchemes"]["APIKey"]["scheme"] == "bearer"
    secured = {
        (method.upper(), path)
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
        if operation.get("security")
    }
    assert secured == {("POST", "/v1/articles"), ("DELETE", "/v1/articles/{article_id}")}
    assert spec["paths"]["/v1/articles"]["post"]["security"] == [{"APIKey": []}]
