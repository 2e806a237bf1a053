"""A test client that speaks to the API with a personal token of a given user."""

from typing import Any

from django.test import Client

from daihoi.accounts.models import User
from daihoi.api import services
from daihoi.api.models import Scope


class ApiClient:
    """Calls /api/v1/… with `Authorization: Bearer <token>`; JSON in and out."""

    def __init__(self, user: User, scope: str = Scope.READ_WRITE) -> None:
        self.token, self.raw = services.token_create(
            user=user, name="Kiểm thử", scope=scope, days=30
        )
        self.client = Client()

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.raw}"}

    def get(self, path: str, data: dict | None = None) -> Any:
        return self.client.get("/api/v1" + path, data, headers=self._headers())

    def post(self, path: str, data: Any = None) -> Any:
        return self.client.post(
            "/api/v1" + path, data or {}, content_type="application/json", headers=self._headers()
        )

    def put(self, path: str, data: Any = None) -> Any:
        return self.client.put(
            "/api/v1" + path, data or {}, content_type="application/json", headers=self._headers()
        )

    def delete(self, path: str, data: Any = None) -> Any:
        return self.client.delete("/api/v1" + path, headers=self._headers())

    def post_form(self, path: str, data: dict) -> Any:
        """multipart/form-data, for uploads."""
        return self.client.post("/api/v1" + path, data, headers=self._headers())

    def all(self, path: str, data: dict | None = None) -> list[dict]:
        """Every row of a list, following the cursor."""
        rows: list[dict] = []
        response = self.get(path, data)
        while True:
            assert response.status_code == 200, response.content
            body = response.json()
            rows += body["results"]
            if not body["next"]:
                return rows
            response = self.client.get(body["next"], headers=self._headers())
