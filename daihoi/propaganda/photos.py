"""Photo proof: the upload must really be a picture; its EXIF tells when and where it was taken.

The shared upload rules (`core.uploads`) check the kind, the size and that the file is whole;
Pillow then decodes the picture (a renamed document or a damaged file is refused) and reads the
EXIF date (DateTimeOriginal, with its offset when the camera wrote one) and GPS position. A
photo without them is dated by its upload.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from PIL import ExifTags, Image, UnidentifiedImageError

from daihoi.core.exceptions import BusinessError
from daihoi.core.uploads import MAX_PICTURE_PIXELS, validate_attachment

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png")
NOT_A_PHOTO = "Tệp “{name}” không phải ảnh chụp (chỉ nhận ảnh JPG hoặc PNG)."
_EXIF_DATE = "%Y:%m:%d %H:%M:%S"
_MICRO = Decimal("0.000001")


@dataclass(frozen=True)
class PhotoFacts:
    content_type: str
    taken_at: dt.datetime | None
    latitude: Decimal | None
    longitude: Decimal | None


def check_photo(upload: UploadedFile, field: str = "photo") -> PhotoFacts:
    """Refuses anything that is not a whole JPG/PNG picture; reads its EXIF time and place."""
    name = upload.name or ""
    if not name.lower().endswith(PHOTO_SUFFIXES):
        raise BusinessError(NOT_A_PHOTO.format(name=name), field=field)
    try:
        content_type = validate_attachment(upload)
    except BusinessError as error:
        raise BusinessError(error.message, field=field) from None
    try:
        with Image.open(upload) as picture:
            if picture.width * picture.height > MAX_PICTURE_PIXELS:
                raise BusinessError(f"Ảnh “{name}” có kích thước quá lớn; không nhận.", field=field)
            exif = picture.getexif()
            picture.load()  # decodes the pixels: a truncated or forged picture fails here
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise BusinessError(NOT_A_PHOTO.format(name=name), field=field) from None
    finally:
        upload.seek(0)
    latitude, longitude = _gps(exif)
    return PhotoFacts(content_type, _taken_at(exif), latitude, longitude)


def _taken_at(exif: Image.Exif) -> dt.datetime | None:
    details = exif.get_ifd(ExifTags.IFD.Exif)
    raw = details.get(ExifTags.Base.DateTimeOriginal) or exif.get(ExifTags.Base.DateTime)
    if not isinstance(raw, str):
        return None
    try:
        taken = dt.datetime.strptime(raw.strip("\x00 "), _EXIF_DATE)
    except ValueError:
        return None
    offset = details.get(ExifTags.Base.OffsetTimeOriginal)
    if isinstance(offset, str):
        try:
            return dt.datetime.strptime(f"{raw.strip()} {offset.strip()}", f"{_EXIF_DATE} %z")
        except ValueError:
            pass
    # A camera without an offset writes the local time of where it was: Việt Nam's.
    return timezone.make_aware(taken, timezone.get_default_timezone())


def _gps(exif: Image.Exif) -> tuple[Decimal | None, Decimal | None]:
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    try:
        latitude = _degrees(gps[ExifTags.GPS.GPSLatitude], gps.get(ExifTags.GPS.GPSLatitudeRef))
        longitude = _degrees(gps[ExifTags.GPS.GPSLongitude], gps.get(ExifTags.GPS.GPSLongitudeRef))
    except (KeyError, TypeError, ValueError, ZeroDivisionError, IndexError):
        return None, None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None, None
    return latitude, longitude


def _degrees(parts: Any, ref: Any) -> Decimal:
    degrees, minutes, seconds = (Decimal(str(float(p))) for p in parts)
    value = degrees + minutes / 60 + seconds / 3600
    if not value.is_finite():  # a phone without a fix writes 0/0 (NaN), which compares to nothing
        raise ValueError("no GPS fix")
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "ignore")
    if str(ref or "").strip().upper() in ("S", "W"):
        value = -value
    return value.quantize(_MICRO, rounding=ROUND_HALF_UP)
