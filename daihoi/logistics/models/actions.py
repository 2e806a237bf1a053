"""The logistics action codes in the audit trail."""

from django.utils.translation import gettext_lazy as _

from daihoi.core.audit import AuditAction


class LogisticsAction(AuditAction):
    READINESS_CREATED = "readiness.created", _("Thêm hạng mục chuẩn bị phục vụ")
    READINESS_UPDATED = "readiness.updated", _("Sửa hạng mục chuẩn bị phục vụ")
    READINESS_REPORTED = "readiness.reported", _("Cập nhật tình trạng, ảnh minh chứng")
    HOTEL_SAVED = "hotel.saved", _("Lưu thông tin nơi nghỉ")
    ROOM_SAVED = "room.saved", _("Lưu thông tin phòng")
    STAY_ASSIGNED = "stay.assigned", _("Xếp phòng cho đại biểu")
    STAY_MOVED = "stay.moved", _("Chuyển phòng cho đại biểu")
    STAY_REMOVED = "stay.removed", _("Trả phòng, bỏ xếp phòng")
    STAYS_AUTO = "stay.auto_assigned", _("Xếp phòng tự động")
    DIET_SAVED = "diet.saved", _("Ghi chế độ ăn riêng của đại biểu")
    MEAL_SAVED = "meal.saved", _("Lưu bữa ăn")
    VEHICLE_SAVED = "vehicle.saved", _("Lưu thông tin xe")
    TRIP_SAVED = "trip.saved", _("Lưu chuyến xe")
    RIDERS_ADDED = "trip.riders_added", _("Xếp đại biểu lên xe")
    RIDER_REMOVED = "trip.rider_removed", _("Bỏ đại biểu khỏi chuyến xe")
    HALL_SAVED = "hall.saved", _("Lưu hội trường")
    BLOCK_SAVED = "hall.block_saved", _("Lưu khối ghế")
    BLOCK_DELEGATIONS = "hall.block_delegations", _("Phân khối ghế cho đoàn đại biểu")
    SEAT_ASSIGNED = "hall.seat_assigned", _("Xếp chỗ ngồi")
    SEAT_CLEARED = "hall.seat_cleared", _("Bỏ xếp chỗ ngồi")
    SEATS_AUTO = "hall.seats_auto", _("Xếp chỗ ngồi tự động")
