"""The names of the NukeViet tables an import reads, from the prefix, language and module."""

import re
from dataclasses import dataclass

NAME = re.compile(r"[A-Za-z0-9_]+")
MODULE = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Tables:
    prefix: str = "nv4"
    lang: str = "vi"
    module: str = "news"

    def __post_init__(self):
        for name, pattern in (("prefix", NAME), ("lang", NAME), ("module", MODULE)):
            if not pattern.fullmatch(getattr(self, name)):
                raise ValueError(f"{name}: only letters, digits, '_' (and '-' in a module name)")

    @property
    def data(self):
        """NukeViet's module_data: the module name as it appears in table names."""
        return self.module.replace("-", "_")

    def news(self, table):
        return f"{self.prefix}_{self.lang}_{self.data}_{table}"

    @property
    def categories(self):
        return self.news("cat")

    @property
    def rows(self):
        return self.news("rows")

    @property
    def details(self):
        return self.news("detail")

    @property
    def sources(self):
        return self.news("sources")

    @property
    def tags(self):
        return self.news("tags")

    @property
    def article_tags(self):
        return self.news("tags_id")

    @property
    def comments(self):
        return f"{self.prefix}_{self.lang}_comment"

    @property
    def counter(self):
        return f"{self.prefix}_counter"

    @property
    def source_key(self):
        """What the import records of these tables are filed under."""
        return f"{self.prefix}_{self.lang}_{self.module}"

    def all(self):
        return [
            self.categories,
            self.rows,
            self.details,
            self.sources,
            self.tags,
            self.article_tags,
            self.comments,
            self.counter,
        ]
