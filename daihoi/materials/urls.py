from django.urls import path

from . import views

app_name = "materials"

MATERIAL = "<int:material_id>/"

urlpatterns = [
    # The keepers' pages: a tab of the programme.
    path("", views.material_list, name="list"),
    path("tai-len/", views.material_upload, name="upload"),
    path(MATERIAL + "doi-thu-tu/", views.material_move, name="move"),
    path(MATERIAL + "rut/", views.material_withdraw, name="withdraw"),
    path(MATERIAL + "chuyen-lai/", views.material_convert, name="convert"),
    path(MATERIAL + "tai-lieu.pdf", views.material_pdf, name="pdf"),
    # The delegate's pages (their own area).
    path("cua-toi/", views.my_list, name="my-list"),
    path("cua-toi/" + MATERIAL + "tai-lieu.pdf", views.my_pdf, name="my-pdf"),
]
