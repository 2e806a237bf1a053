from django.http import HttpRequest

PRODUCT_NAME = "Điều hành Đại hội"


def site(request: HttpRequest) -> dict:
    # Not `site_name`: Django's auth views put the request's host under that name.
    return {"product_name": PRODUCT_NAME}
