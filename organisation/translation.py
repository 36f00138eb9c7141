"""The fields kept in English beside Vietnamese (django-modeltranslation): each gets a column
per language (name_vi, name_en); reading `name` gives the active language's, and an empty
English one falls back to the Vietnamese (settings MODELTRANSLATION_FALLBACK_LANGUAGES)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Organisation, Person, Unit


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "address", "introduction")


@register(Unit)
class UnitTranslation(TranslationOptions):
    fields = ("name", "other_kind", "functions", "address")
    required_languages = ("vi",)


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("position",)
