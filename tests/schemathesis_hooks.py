"""Hooks the schema fuzzing loads (SCHEMATHESIS_HOOKS): what a schema cannot say about our input."""

import schemathesis


@schemathesis.hook
def map_case(context, case):
    # A cursor is valid only as the server signed it: no string the schema allows is one, so a positive
    # case leaves it out rather than expect a made-up token to be accepted. Negative cases keep theirs.
    meta = case.meta
    if meta is not None and meta.generation.mode.is_positive and case.query:
        case.query.pop("cursor", None)
    return case
