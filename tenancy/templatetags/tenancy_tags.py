from django import template

from tenancy.theme import has_own_colour

register = template.Library()
register.filter("has_own_colour", has_own_colour)
