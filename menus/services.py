import io
from math import cos, pi, sin

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageDraw, ImageFont

from . import blocks, registry
from .models import Menu, MenuItem, Placement

ORDER_STEP = 10


@transaction.atomic
def create_menu(site, place, specs):
    """A menu of the site at `place` with the items of `specs` (registry.Spec)."""
    menu = Menu.objects.create(site=site, place=place)
    for order, spec in enumerate(specs, start=1):
        parent = add_item(menu, spec, order * ORDER_STEP)
        for child_order, child in enumerate(spec.children, start=1):
            add_item(menu, child, child_order * ORDER_STEP, parent)
    return menu


def add_item(menu, spec, order, parent=None):
    return MenuItem.objects.create(
        menu=menu,
        parent=parent,
        label=spec.label,
        kind=spec.kind,
        target=spec.target,
        url=spec.url,
        order=order,
    )


def drawn_logo(text, size=(240, 80)):
    """A small PNG banner: a red field, a gold star and `text` (demo content)."""
    image = Image.new("RGB", size, "#b71c1c")
    draw = ImageDraw.Draw(image)
    centre, radius = (40, size[1] // 2), 24
    points = []
    for n in range(10):
        r = radius if n % 2 == 0 else radius * 0.4
        angle = -pi / 2 + n * pi / 5
        points.append((centre[0] + r * cos(angle), centre[1] + r * sin(angle)))
    draw.polygon(points, fill="#ffd54f")
    font = ImageFont.load_default(size=20)
    draw.text((78, size[1] // 2), text, fill="#ffffff", font=font, anchor="lm")
    output = io.BytesIO()
    image.save(output, "PNG")
    return ContentFile(output.getvalue(), name="logo.png")


def start_header_from_defaults(site):
    """The header menu of a site that has none, made of the items it shows meanwhile (home,
    its categories), for staff to edit; None if it already has one."""
    if Menu.objects.for_site(site).filter(place=Menu.Place.HEADER).exists():
        return None
    return create_menu(site, Menu.Place.HEADER, registry.default_items(site))


@transaction.atomic
def start_layout_from_defaults(site):
    """Rows for the default layout of each area the site has not laid out; how many."""
    laid_out = set(Placement.objects.for_site(site).values_list("area", flat=True))
    rows = [
        Placement(site=site, area=area, block=name, option=option, order=order * ORDER_STEP)
        for area in Placement.Area.values
        if area not in laid_out
        for order, (name, option) in enumerate(blocks.default_layout(area), start=1)
    ]
    for row in rows:
        row.save()
    return len(rows)
