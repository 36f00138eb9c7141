"""The contact page is served from the page cache (portal.pagecache) like the organisation's
pages: it lists the units a reader may write to, so it depends on the organisation's version
(bumped by any change of a unit) and, for its header and sidebar, on the articles'."""

from organisation.caching import cached_organisation_page

cached_contact_page = cached_organisation_page
