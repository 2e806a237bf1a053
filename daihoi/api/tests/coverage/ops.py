"""Vận hành: the probes and metrics of the load balancer, the orchestrator and Prometheus."""

from . import UI_ONLY, Target

COVERAGE: dict[str, Target] = {
    "healthz": UI_ONLY + "already a machine endpoint (JSON liveness probe for the load balancer "
    "and the orchestrator), outside the versioned API and without a token",
    "readyz": UI_ONLY + "already a machine endpoint (JSON readiness probe: database, cache, job "
    "queue), outside the versioned API and without a token",
    "metrics": UI_ONLY + "already a machine endpoint (Prometheus exposition, its own bearer "
    "token or allowed addresses), outside the versioned API",
}
