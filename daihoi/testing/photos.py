"""Real photos for tests: a JPEG made by Pillow with the EXIF a phone camera writes."""

import datetime as dt
import io
from fractions import Fraction

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image
from PIL.TiffImagePlugin import IFDRational


def _dms(value: float) -> tuple[Fraction, Fraction, Fraction]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = Fraction(round((value - degrees - minutes / 60) * 3600 * 100), 100)
    return Fraction(degrees), Fraction(minutes), seconds


def jpeg_bytes(
    *,
    taken_at: dt.datetime | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
    size: tuple[int, int] = (96, 64),
    gps_without_fix: bool = False,
) -> bytes:
    """A whole JPEG; with `taken_at` its DateTimeOriginal (local time, as cameras write it),
    with `latitude`/`longitude` its GPS block; `gps_without_fix` writes the block a phone
    writes before it has a fix (every value 0/0)."""
    picture = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Daihoi"
    if taken_at is not None:
        exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = taken_at.strftime(
            "%Y:%m:%d %H:%M:%S"
        )
    if latitude is not None and longitude is not None:
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        gps[ExifTags.GPS.GPSLatitudeRef] = "N" if latitude >= 0 else "S"
        gps[ExifTags.GPS.GPSLatitude] = _dms(latitude)
        gps[ExifTags.GPS.GPSLongitudeRef] = "E" if longitude >= 0 else "W"
        gps[ExifTags.GPS.GPSLongitude] = _dms(longitude)
    if gps_without_fix:
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        gps[ExifTags.GPS.GPSLatitudeRef], gps[ExifTags.GPS.GPSLongitudeRef] = "N", "E"
        nothing = (IFDRational(0, 0),) * 3
        gps[ExifTags.GPS.GPSLatitude] = gps[ExifTags.GPS.GPSLongitude] = nothing
    out = io.BytesIO()
    picture.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def jpeg_upload(name: str = "anh.jpg", **exif) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, jpeg_bytes(**exif), "image/jpeg")
