"""Admin forms: a menu item's destination chosen in one list (a category, a page, a list of the
portal, the address typed below, or nothing), and a layout row's block and option."""

from django import forms
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from . import blocks, registry
from .models import MenuItem, Placement

SEPARATOR = ":"
ORDER_STEP = 10


def destination_choices(site):
    choices = [
        ("", _("Nothing: a heading over its sub-items")),
        (registry.URL, _("The address typed beside it")),
    ]
    lists = [(f"{registry.LIST}:{key}", found.label) for key, found in registry.lists().items()]
    choices.append((_("Lists of the portal"), lists))
    for key, kind in registry.kinds().items():
        options = [(f"{key}{SEPARATOR}{target}", label) for target, label in kind.choices(site)]
        choices.append((kind.label, options))
    return choices


def destination_of(item):
    if item.kind in ("", registry.URL):
        return item.kind
    return f"{item.kind}{SEPARATOR}{item.target}"


def known_values(choices):
    for value, label in choices:
        if isinstance(label, list | tuple):
            yield from (inner for inner, _label in label)
        else:
            yield value


def next_order(menu):
    """A new row's number: after the menu's last top-level item."""
    last = MenuItem.objects.filter(menu=menu, parent=None).aggregate(last=Max("order"))["last"]
    return (last or 0) + ORDER_STEP


class MenuItemForm(forms.ModelForm):
    site = None  # set per request by the admin
    menu = None

    destination = forms.ChoiceField(label=_("leads to"), required=False)

    class Meta:
        model = MenuItem
        fields = ["label", "destination", "url", "parent", "order", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = destination_choices(self.site)
        current = destination_of(self.instance) if self.instance.pk else registry.URL
        if current not in set(known_values(choices)):
            missing = _("%(target)s (no longer available: the item is hidden)")
            choices.append((current, missing % {"target": current}))
        self.fields["destination"].choices = choices
        self.fields["destination"].initial = current
        if not self.instance.pk and self.menu:
            self.initial.setdefault("order", next_order(self.menu))
        parents = MenuItem.objects.filter(menu=self.menu, parent=None) if self.menu else None
        parents = parents.exclude(pk=self.instance.pk) if parents is not None else None
        self.fields["parent"].queryset = parents if parents is not None else MenuItem.objects.none()

    def clean(self):
        data = super().clean()
        destination = data.get("destination", "")
        if destination == "" and data.get("url"):
            destination = registry.URL
        kind, _sep, target = destination.partition(SEPARATOR)
        self.instance.kind, self.instance.target = kind, target
        if kind != registry.URL:
            data["url"] = ""
        return data


class PlacementForm(forms.ModelForm):
    site = None

    block = forms.ChoiceField(label=_("block"))
    option = forms.ChoiceField(
        label=_("option"),
        required=False,
        help_text=_("For the blocks that take one, e.g. the category of “Newest per category”."),
    )

    class Meta:
        model = Placement
        fields = ["area", "block", "option", "order", "is_enabled"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        every = {
            found.name: found for area in Placement.Area.values for found in blocks.blocks_for(area)
        }
        self.fields["block"].choices = [(name, found.label) for name, found in every.items()]
        options = [("", _("None"))]
        for found in every.values():
            if found.options:
                options.append((found.label, list(found.options(self.site))))
        self.fields["option"].choices = options
