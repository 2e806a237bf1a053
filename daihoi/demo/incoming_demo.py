"""Documents Kon Tum's Văn phòng Tỉnh ủy received while preparing the congress, entered in the
register of documents received through the services; two are given to agencies as tasks and one,
marked Mật, is named to the head of the Tiểu ban only (besides the registrar). `day` counts days
from today. Idempotent: an entry is looked up by (congress, sender's symbol)."""

import datetime as dt
from typing import TYPE_CHECKING

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from daihoi.documents import services as document_services
from daihoi.documents.models import Confidentiality, IncomingDocument, Urgency
from daihoi.planning import services
from daihoi.planning.models import Area, Phase

from .data import Record

if TYPE_CHECKING:
    from .loader import _CongressLoader

INCOMING: dict[str, list[Record]] = {
    "kontum": [
        {
            "day": -40,
            "symbol": "21-HD/BTGTW",
            "issuer_name": "Ban Tuyên giáo Trung ương",
            "subject": "Hướng dẫn tuyên truyền đại hội đảng bộ các cấp tiến tới Đại hội XIII "
            "của Đảng",
            "task": {
                "title": "Cụ thể hóa hướng dẫn tuyên truyền của Trung ương trong kế hoạch "
                "tuyên truyền Đại hội Đảng bộ tỉnh",
                "lead": "BTGTU",
                "coordinating": ["Sở TTTT", "Báo Kon Tum"],
                "area": Area.PROPAGANDA,
                "deadline": 10,
            },
        },
        {
            "day": -31,
            "symbol": "15-HD/BTCTW",
            "issuer_name": "Ban Tổ chức Trung ương",
            "subject": "Hướng dẫn về công tác nhân sự cấp ủy tại đại hội đảng bộ trực thuộc "
            "Trung ương",
            "confidentiality": Confidentiality.SECRET,
            "readers": ["truongtieuban"],
        },
        {
            "day": -18,
            "symbol": "412/UBND-KT",
            "issuer": "UBND tỉnh",
            "subject": "Về việc bố trí kinh phí bảo đảm các hoạt động phục vụ Đại hội Đảng bộ "
            "tỉnh lần thứ XV",
            "urgency": Urgency.URGENT,
            "task": {
                "title": "Rà soát, tham mưu bố trí kinh phí phục vụ Đại hội theo Công văn "
                "412/UBND-KT",
                "lead": "Sở TC",
                "coordinating": ["VPTU"],
                "area": Area.FINANCE,
                "deadline": 5,
            },
        },
        {
            "day": -6,
            "symbol": "88/PCKT-KD",
            "issuer": "Điện lực Kon Tum",
            "subject": "Phương án cấp điện ưu tiên cho Hội trường và các điểm phục vụ Đại hội",
        },
    ],
}


def _scan(symbol: str) -> SimpleUploadedFile:
    name = symbol.replace("/", "-") + ".pdf"
    body = f"%PDF-1.4\n% {symbol}\n%%EOF\n".encode()
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def load_incoming(loader: "_CongressLoader") -> int:
    """Registers the congress's demo documents received that are missing; returns how many."""
    created = 0
    for spec in INCOMING.get(loader.spec["key"], []):
        if not IncomingDocument.all_objects.filter(
            congress=loader.congress, sender_symbol=spec["symbol"]
        ).exists():
            _register(loader, spec)
            created += 1
    return created


def _register(loader: "_CongressLoader", spec: Record) -> None:
    access, agencies = loader.secretariat, loader.agencies
    received = loader.today + dt.timedelta(days=spec["day"])
    document = document_services.incoming_register(
        access=access,
        received_on=received,
        issued_on=received - dt.timedelta(days=4),
        sender_symbol=spec["symbol"],
        issuer_agency=agencies[spec["issuer"]] if "issuer" in spec else None,
        issuer_name=spec.get("issuer_name", ""),
        subject=spec["subject"],
        urgency=spec.get("urgency", Urgency.NORMAL),
        confidentiality=spec.get("confidentiality", Confidentiality.NORMAL),
        readers=[loader.users[name] for name in spec.get("readers", [])],
        file=_scan(spec["symbol"]),
    )
    # The register's history shows the day the document came in, not the day the demo loaded.
    loader._stamp_audit(timezone.make_aware(dt.datetime.combine(received, dt.time(9, 0))))
    if task := spec.get("task"):
        services.incoming_to_task(
            access=access,
            document=document,
            fields=services.TaskFields(
                title=task["title"],
                lead_agency=agencies[task["lead"]],
                coordinating_agencies=[agencies[k] for k in task["coordinating"]],
                area=task["area"],
                phase=Phase.BEFORE,
                deadline=loader.today + dt.timedelta(days=task["deadline"]),
            ),
        )
