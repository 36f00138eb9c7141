"""The print view of a row (a page, a document): templates/print_base.html is its frame."""


class PrintViewMixin:
    """For a DetailView: the row printed, as `printed`, whatever the view calls it."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(printed=self.object, **kwargs)
