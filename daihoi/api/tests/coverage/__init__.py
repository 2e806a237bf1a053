"""What each page of the app is in the API, one module per URL namespace.

Each module holds `COVERAGE`: for every URL name of its namespace, the API operations that do
what that page or button does — `(method, path)` as the schema writes it, without `/api/v1` —
or, for a page that has no counterpart by nature, a string starting with `UI_ONLY` and saying why.
"""

C = "/congresses/{congress_id}"
UI_ONLY = "ui-only: "

Operation = tuple[str, str]
Target = tuple[Operation, ...] | str
