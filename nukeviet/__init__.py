"""Moving a NukeViet 4 portal here: `manage.py import_nukeviet` and the old addresses' redirects.

The tables read are those of NukeViet 4.4 / 4.5 (see mapping.py for which file defines each).
"""
