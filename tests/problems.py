"""The one form every error answer takes: an RFC 9457 problem naming its status, path and cause."""

from http import HTTPStatus

PROBLEM = "application/problem+json"
# A refused cursor's explanation; its `errors` name query.cursor, as any invalid query parameter's do.
CURSOR_REFUSED = "cursor is invalid or belongs to another list or order; start again without it"


def assert_problem(response, status: int, detail: str | None = None, *, loc: str | None = None) -> dict:
    """Assert `response` is the problem a client may rely on, and return its body.

    `detail` is the exact explanation when given (else any non-empty one); `loc` the field the first
    of its `errors` must name, for a 422 of a request that failed validation.
    """
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["type"] == "about:blank"
    assert body["title"] == HTTPStatus(status).phrase
    assert body["status"] == status
    assert body["instance"] == response.request.url.path
    assert isinstance(body["detail"], str)
    assert body["detail"], body
    if detail is not None:
        assert body["detail"] == detail
    if loc is not None:
        assert body["errors"][0]["loc"] == loc, body
    return body
